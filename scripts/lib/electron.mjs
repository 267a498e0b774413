// Where things are: the Electron package and binary, and the two builds of better-sqlite3.
// Shared by start.mjs, build-native-electron.mjs, check-native.mjs and the tests.
//
// Never `require('electron')` from Node to find the binary: that module tries to download
// Electron when it is missing, which is exactly the situation these scripts must explain.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const NATIVE_FILE = 'better_sqlite3.node';

/** Version and ABI (NODE_MODULE_VERSION) of the installed `electron` package. */
export function electronPackage(root = ROOT) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) return { dir, version: null, abi: null };
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const abiFile = path.join(dir, 'abi_version');
  const abi = fs.existsSync(abiFile) ? Number(fs.readFileSync(abiFile, 'utf8').trim()) : null;
  return { dir, version, abi: Number.isInteger(abi) ? abi : null };
}

/** What electron/install.js writes to path.txt on each platform. */
function defaultExecutable(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it
 * (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH), without triggering a download.
 */
export function electronBinary(root = ROOT, env = process.env, platform = process.platform) {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathTxt)
    ? fs.readFileSync(pathTxt, 'utf8').trim()
    : defaultExecutable(platform);
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const file = path.join(distDir, relative);
  return { file, exists: fs.existsSync(file) };
}

/** The Node build (tests, browser mode) and the Electron builds (the desktop app). */
export function nativePaths(root = ROOT, electronVersion = electronPackage(root).version) {
  const nativeDir = path.join(root, '.native');
  return {
    nodeBuild: path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE),
    electronBuild: path.join(nativeDir, `electron-${electronVersion}`, NATIVE_FILE),
    // A fixed path for electron-builder's extraResources (its config cannot name the version).
    electronCurrent: path.join(nativeDir, 'electron-current', NATIVE_FILE),
  };
}

// node-gyp reads `npm_config_<key>` (and `npm_package_config_node_gyp_<key>`) from the
// environment and lets them OVERRIDE its command line. `npm start` exports everything in
// ~/.npmrc that way — on these machines `nodedir=/usr`, the system Node 20 headers — so an
// "Electron" rebuild would quietly compile against Node and produce a Node-ABI binary.
const GYP_BUILD_KEYS = new Set([
  'nodedir',
  'target',
  'runtime',
  'disturl',
  'dist-url',
  'arch',
  'target-arch',
  'devdir',
  'tarball',
  'build-from-source',
]);

/** A copy of `env` without any variable that could redirect node-gyp's headers or target. */
export function cleanBuildEnv(env = process.env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^nodedir$/i.test(key)) continue;
    const match = /^npm_(?:package_config_node_gyp|config)_(.+)$/i.exec(key);
    if (match && GYP_BUILD_KEYS.has(match[1].replaceAll('_', '-').toLowerCase())) continue;
    out[key] = value;
  }
  return out;
}
