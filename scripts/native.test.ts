import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abisInBuffer, checkAbi, readAbi } from './lib/abi';
import { cleanBuildEnv, electronPackage, nativePaths, ROOT } from './lib/electron';

const NODE_BUILD = nativePaths().nodeBuild;
const ELECTRON = electronPackage();
/** 115 on the Node 20 these machines run. */
const NODE_ABI = Number(process.versions.modules);

/** Bytes that look like an addon exporting node_register_module_v<abi>. */
const fakeAddon = (abi: number) =>
  Buffer.concat([Buffer.alloc(64, 0x7f), Buffer.from(`\0node_register_module_v${abi}\0`)]);

describe('readAbi / checkAbi', () => {
  it('reads the real Node build of better-sqlite3 as this Node’s ABI', () => {
    expect(readAbi(NODE_BUILD)).toBe(NODE_ABI);
    expect(checkAbi(NODE_BUILD, process.versions.modules)).toMatchObject({
      status: 'ok',
      found: [NODE_ABI],
    });
  });

  it('detects a binary built for another runtime', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-abi-'));
    try {
      const file = path.join(dir, 'better_sqlite3.node');
      fs.writeFileSync(file, fakeAddon(150));
      expect(readAbi(file)).toBe(150);
      expect(checkAbi(file, 115)).toMatchObject({
        status: 'mismatch',
        found: [150],
        expected: 115,
      });
      expect(checkAbi(file, '150').status).toBe('ok');

      fs.writeFileSync(file, Buffer.from('napi_register_module_v1 only'));
      expect(readAbi(file)).toBeNull();
      expect(checkAbi(file, 115).status).toBe('unknown');
      expect(checkAbi(path.join(dir, 'absent.node'), 115).status).toBe('missing');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds every distinct ABI named in the bytes', () => {
    const bytes = Buffer.concat([fakeAddon(115), fakeAddon(115), fakeAddon(150)]);
    expect(abisInBuffer(bytes)).toEqual([115, 150]);
    expect(abisInBuffer(Buffer.from('node_register_module_v'))).toEqual([]);
    const mixed = path.join(os.tmpdir(), `rm-abi-mixed-${process.pid}.node`);
    fs.writeFileSync(mixed, bytes);
    expect(checkAbi(mixed, 115).status).toBe('mismatch');
    fs.rmSync(mixed);
  });
});

describe('cleanBuildEnv', () => {
  it('drops everything that can point node-gyp at Node’s headers or another target', () => {
    const env = cleanBuildEnv({
      PATH: '/usr/bin',
      NODEDIR: '/usr',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_dist_url: 'https://nodejs.org/dist',
      npm_config_arch: 'ia32',
      npm_config_devdir: '/tmp/x',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_python: '/usr/bin/python3',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_python: '/usr/bin/python3',
    });
  });
});

/**
 * build-native-electron.mjs and check-native.mjs run in a scratch copy of the project, so
 * nothing here can touch the real .native/ or node_modules. A fake node-gyp (RM_NODE_GYP)
 * stands in for the compiler: it records what it was given and writes the binary we choose.
 */
describe('native build scripts (scratch project)', () => {
  let root: string;
  let fakeGyp: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-native-'));
    fs.cpSync(path.join(ROOT, 'scripts'), path.join(root, 'scripts'), {
      recursive: true,
      filter: (src) => !src.endsWith('.test.ts'),
    });
    const electronDir = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(electronDir, { recursive: true });
    for (const f of ['package.json', 'abi_version']) {
      fs.copyFileSync(path.join(ELECTRON.dir, f), path.join(electronDir, f));
    }
    const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
    for (const f of ['binding.gyp', 'package.json', 'src']) {
      fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3', f), path.join(sqliteDir, f), {
        recursive: true,
      });
    }
    fs.mkdirSync(path.join(sqliteDir, 'deps'));
    fs.mkdirSync(path.join(sqliteDir, 'build', 'Release'), { recursive: true });
    fs.copyFileSync(NODE_BUILD, path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'));

    fakeGyp = path.join(root, 'fake-node-gyp.mjs');
    fs.writeFileSync(
      fakeGyp,
      `import fs from 'node:fs';
const mode = process.env.FAKE_GYP_MODE;
fs.writeFileSync(process.env.FAKE_GYP_LOG, JSON.stringify({ argv: process.argv.slice(2), env: process.env }));
if (mode === 'offline') { console.error('gyp ERR! network'); process.exit(1); }
fs.mkdirSync('build/Release', { recursive: true });
const bytes = mode === 'node-abi'
  ? fs.readFileSync(${JSON.stringify(NODE_BUILD)})
  : Buffer.from('\\0node_register_module_v${ELECTRON.abi}\\0');
fs.writeFileSync('build/Release/better_sqlite3.node', bytes);
`,
    );
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const log = () => path.join(root, 'gyp-log.json');
  const run = (script: string, args: string[], mode: string, extraEnv = {}) =>
    spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        RM_NODE_GYP: fakeGyp,
        FAKE_GYP_MODE: mode,
        FAKE_GYP_LOG: log(),
        ...extraEnv,
      },
    });
  const paths = () => nativePaths(root, ELECTRON.version);

  it('builds for Electron with npm’s nodedir trap removed, and installs the result', () => {
    const nodeBuildBefore = fs.readFileSync(paths().nodeBuild);
    const result = run('build-native-electron.mjs', [], 'electron-abi', {
      npm_config_nodedir: '/usr',
      NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const seen = JSON.parse(fs.readFileSync(log(), 'utf8')) as {
      argv: string[];
      env: Record<string, string>;
    };
    expect(seen.argv).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${ELECTRON.version}`,
        '--dist-url=https://electronjs.org/headers',
      ]),
    );
    for (const key of [
      'npm_config_nodedir',
      'NODEDIR',
      'npm_config_target',
      'npm_config_runtime',
    ]) {
      expect(seen.env, key).not.toHaveProperty(key);
    }
    expect(checkAbi(paths().electronBuild, ELECTRON.abi ?? 0).status).toBe('ok');
    expect(checkAbi(paths().electronCurrent, ELECTRON.abi ?? 0).status).toBe('ok');
    expect(fs.readFileSync(paths().nodeBuild).equals(nodeBuildBefore)).toBe(true);

    // --if-needed: a correct build exists, so node-gyp is not run again.
    fs.rmSync(log());
    expect(run('build-native-electron.mjs', ['--if-needed'], 'offline').status).toBe(0);
    expect(fs.existsSync(log())).toBe(false);
  });

  it('refuses to install a Node-ABI binary (what nodedir=/usr produces)', () => {
    const result = run('build-native-electron.mjs', [], 'node-abi');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `ABI ${NODE_ABI} but Electron ${ELECTRON.version} needs ABI ${ELECTRON.abi}`,
    );
    expect(result.stderr).toContain('NOT installed');
    expect(fs.existsSync(paths().electronBuild)).toBe(false);
    expect(fs.existsSync(paths().electronCurrent)).toBe(false);
  });

  it('explains a failed header download plainly', () => {
    const result = run('build-native-electron.mjs', [], 'offline');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Electron's headers could not be downloaded");
    expect(result.stderr).toContain(
      'node_modules/better-sqlite3/build (the Node build) is untouched',
    );
    expect(fs.existsSync(paths().electronBuild)).toBe(false);
  });

  it('check-native: passes without an Electron build, fails on a mismatch', () => {
    const fresh = run('check-native.mjs', [], 'none');
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toContain(`ABI ${NODE_ABI} = Node`);
    expect(fresh.stdout).toContain(
      'not built (run npm start on a machine with the Electron binary)',
    );

    fs.mkdirSync(path.dirname(paths().electronBuild), { recursive: true });
    fs.copyFileSync(NODE_BUILD, paths().electronBuild);
    const wrong = run('check-native.mjs', [], 'none');
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain(
      `ABI ${NODE_ABI} ≠ node_modules/electron/abi_version ${ELECTRON.abi}`,
    );

    fs.writeFileSync(paths().electronBuild, fakeAddon(ELECTRON.abi ?? 0));
    expect(run('check-native.mjs', [], 'none').status).toBe(0);
  });

  it('check-native: fails when the Node build is for another ABI', () => {
    fs.writeFileSync(paths().nodeBuild, fakeAddon(NODE_ABI + 1));
    const result = run('check-native.mjs', [], 'none');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('MISMATCH');
  });
});
