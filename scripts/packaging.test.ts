import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..');

interface BuilderConfig {
  appId: string;
  productName: string;
  executableName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  extraResources: { from: string; to: string }[];
  win: { target: string[]; icon: string };
  nsis: {
    oneClick: boolean;
    allowToChangeInstallationDirectory: boolean;
    language: string;
    installerLanguages: string[];
  };
  mac: { target: string[]; icon: string };
  linux: { target: string[]; category: string; icon: string; maintainer: string };
}

const config = parse(
  fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('com.reception-manager.app');
    expect(config.productName).toBe('接待管理');
    expect(config.executableName).toBe('reception-manager');
  });

  it('builds into dist/ with resources from build/', () => {
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
  });

  it('packages only the built app and the manifest', () => {
    const includes = config.files.filter((f) => !f.startsWith('!'));
    expect(includes).toEqual(['out/**/*', 'package.json']);
    // The Node-ABI build of better-sqlite3 must not ride along next to the Electron one.
    expect(config.files).toContain('!**/node_modules/better-sqlite3/build/**');
  });

  it('ships our Electron build of better-sqlite3 and never rebuilds node_modules', () => {
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.extraResources).toEqual([
      {
        from: '.native/electron-current/better_sqlite3.node',
        to: 'native/better_sqlite3.node',
      },
    ]);
  });

  it('puts the native file where main/electron/native-binding.ts looks for it', async () => {
    const { nativeBindingPath } = await import('../main/electron/native-binding');
    const resources = '/r';
    const expected = path.join(resources, ...(config.extraResources[0]?.to ?? '').split('/'));
    expect(
      nativeBindingPath({
        packaged: true,
        resourcesPath: resources,
        appRoot: '/a',
        electronVersion: '1',
      }),
    ).toBe(expected);
  });

  it('targets Windows (NSIS, Chinese, choose folder), macOS dmg and Linux AppImage + deb', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis.language).toBe('2052');
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('uses the icon in build/ on every platform', () => {
    for (const platform of [config.win, config.mac, config.linux]) {
      expect(platform.icon).toBe('build/icon.png');
    }
  });
});

/** Parses a PNG strictly enough to catch a broken file: signature, chunk CRCs, IHDR, pixels. */
function readPng(file: string) {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    expect(zlib.crc32(bytes.subarray(offset + 4, offset + 8 + length)), `${type} CRC`).toBe(crc);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        depth: data[8] ?? 0,
        colour: data[9] ?? 0,
      };
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  if (!header) throw new Error('no IHDR');
  const pixels = zlib.inflateSync(Buffer.concat(idat));
  return { ...header, pixels };
}

describe('icons', () => {
  it.each([
    ['build/icon.png', 512],
    ['assets/icon.png', 256],
  ])('%s is a valid %i×%i RGBA PNG with a transparent corner', (file, size) => {
    const png = readPng(path.join(ROOT, file));
    expect(png.width).toBe(size);
    expect(png.height).toBe(size);
    expect(png.depth).toBe(8);
    expect(png.colour).toBe(6);
    // One filter byte + 4 bytes per pixel for every row.
    expect(png.pixels.length).toBe(size * (1 + size * 4));
    // Rounded square: the corner pixel is transparent, the centre is opaque.
    expect(png.pixels[1 + 3]).toBe(0);
    const centre = (size / 2) * (1 + size * 4) + 1 + (size / 2) * 4;
    expect(png.pixels[centre + 3]).toBe(255);
  });
});
