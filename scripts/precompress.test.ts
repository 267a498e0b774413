import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { precompressFile } from './precompress';

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-precompress-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('precompressFile', () => {
  it('writes a .br and a .gz that decompress to the file, both much smaller', async () => {
    const dir = tempDir();
    const text = Array.from({ length: 500 }, (_, i) => `export const v${i} = '接待${i}';`).join(
      '\n',
    );
    const file = path.join(dir, 'index-Ab12Cd34.js');
    fs.writeFileSync(file, text);
    const out = await precompressFile(file);
    expect(zlib.brotliDecompressSync(fs.readFileSync(file + '.br')).toString('utf8')).toBe(text);
    expect(zlib.gunzipSync(fs.readFileSync(file + '.gz')).toString('utf8')).toBe(text);
    expect(out.raw).toBe(Buffer.byteLength(text));
    expect(out.br).toBe(fs.statSync(file + '.br').size);
    expect(out.gzip).toBe(fs.statSync(file + '.gz').size);
    expect(out.br!).toBeLessThan(out.gzip!);
    expect(out.gzip!).toBeLessThan(out.raw / 3);
  });

  it('leaves small files, images and incompressible bytes alone, and drops a stale copy', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'tiny.js');
    fs.writeFileSync(small, 'export {};');
    const png = path.join(dir, 'logo.png');
    fs.writeFileSync(png, Buffer.alloc(4096, 7));
    const noise = path.join(dir, 'noise.js');
    fs.writeFileSync(noise, crypto.randomBytes(8192));
    // An earlier build's copy of a file that no longer compresses must not be served.
    fs.writeFileSync(noise + '.gz', 'stale');
    for (const f of [small, png, noise]) {
      const out = await precompressFile(f);
      expect(out.br, f).toBeNull();
      expect(out.gzip, f).toBeNull();
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['logo.png', 'noise.js', 'tiny.js']);
  });
});
