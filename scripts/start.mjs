#!/usr/bin/env node
// `npm start`: the desktop app from source, in four steps —
//   1. find the Electron binary (download it once if it is missing);
//   2. make sure better-sqlite3 is built for this Electron (not for Node) in .native/;
//   3. build main, preload and renderer (electron-vite build);
//   4. run Electron on this folder.
// Extra arguments go to Electron: `npm start -- --some-flag`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkAbi } from './lib/abi.mjs';
import { ROOT, electronBinary, electronPackage, nativePaths } from './lib/electron.mjs';

function step(text) {
  console.log(`\n▶ ${text}`);
}

function stop(lines, code = 1) {
  console.error(`\n✖ ${lines.join('\n  ')}\n`);
  process.exit(code);
}

/** Runs a Node script to completion with inherited output; returns its exit code. */
function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

function findElectron() {
  step('Electron binary');
  let binary = electronBinary();
  if (binary.exists) return binary.file;
  const installer = path.join(ROOT, 'node_modules', 'electron', 'install.js');
  if (fs.existsSync(installer)) {
    console.log(`Not found at ${binary.file}; trying to download it once (electron/install.js)…`);
    runNode([installer]);
    binary = electronBinary();
    if (binary.exists) return binary.file;
  }
  stop(
    [
      `The Electron program is not installed (expected ${binary.file}).`,
      '',
      'Why: npm installs the electron package, but the program itself is downloaded from',
      'GitHub (github.com/electron/electron/releases) and that download failed or is blocked',
      'on this machine.',
      '',
      'What to do:',
      '  • Use browser mode — the same app, served on 127.0.0.1 and opened in your browser:',
      '        npm run serve',
      '  • Or make the download possible (network access, or a mirror via ELECTRON_MIRROR,',
      '    e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/), then run',
      '        node node_modules/electron/install.js',
      '    and npm start again.',
    ],
    1,
  );
  return '';
}

function ensureNativeBuild() {
  const { version, abi } = electronPackage();
  const { electronBuild } = nativePaths(ROOT, version);
  step(`better-sqlite3 for Electron ${version} (ABI ${abi})`);
  const check = checkAbi(electronBuild, abi);
  if (check.status === 'ok') {
    // Also refreshes .native/electron-current for packaging; no compiler needed.
    if (runNode(['scripts/build-native-electron.mjs', '--if-needed']) !== 0) process.exit(1);
    return;
  }
  if (check.status !== 'missing') {
    console.log(
      `${path.relative(ROOT, electronBuild)} is for ABI ${check.found.join('/') || '?'}; rebuilding.`,
    );
  }
  if (runNode(['scripts/build-native-electron.mjs']) !== 0) {
    stop([
      'Could not build better-sqlite3 for Electron (see the message above).',
      'The app needs it to open its database. Browser mode does not: npm run serve',
    ]);
  }
}

function buildApp() {
  step('electron-vite build');
  const pkg = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules', 'electron-vite', 'package.json'), 'utf8'),
  );
  const bin = path.join(ROOT, 'node_modules', 'electron-vite', pkg.bin['electron-vite']);
  if (runNode([bin, 'build']) !== 0) stop(['electron-vite build failed (see above).']);
}

function launch(executable) {
  step(`Electron ${path.relative(ROOT, executable)} .`);
  const env = { ...process.env };
  // Set, it makes Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, ['.', ...process.argv.slice(2)], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    windowsHide: false,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => stop([`Could not start ${executable}: ${e.message}`]));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const executable = findElectron();
ensureNativeBuild();
buildApp();
launch(executable);
