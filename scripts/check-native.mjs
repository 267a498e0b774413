#!/usr/bin/env node
// `npm run check:native`: which runtime each better-sqlite3 binary was built for.
//
// There are two builds on purpose (DESIGN.md §4): the Node one in node_modules (tests, browser
// mode) and the Electron one in .native/ (the desktop app). Each must match its own runtime;
// a mismatch is exactly the "silently replaced" failure this check exists to catch.
import path from 'node:path';
import { checkAbi } from './lib/abi.mjs';
import { ROOT, electronPackage, nativePaths } from './lib/electron.mjs';

const rel = (file) => path.relative(ROOT, file) || file;
const electron = electronPackage();
const paths = nativePaths(ROOT, electron.version);
let failed = false;

function report(label, file, expected, expectedFrom, ifMissing) {
  const check = checkAbi(file, expected);
  const found = check.found.join('/') || '?';
  switch (check.status) {
    case 'ok':
      console.log(`✔ ${label}: ${rel(file)}\n    ABI ${found} = ${expectedFrom} ${expected}`);
      return;
    case 'missing':
      if (ifMissing.fail) failed = true;
      if (ifMissing.text) console.log(`${ifMissing.fail ? '✖' : '–'} ${label}: ${ifMissing.text}`);
      return;
    case 'unknown':
      failed = true;
      console.log(
        `✖ ${label}: ${rel(file)}\n    no node_register_module_v symbol: not a Node addon?`,
      );
      return;
    default:
      failed = true;
      console.log(
        `✖ ${label}: ${rel(file)}\n    ABI ${found} ≠ ${expectedFrom} ${expected} — MISMATCH`,
      );
  }
}

report(
  'Node build (tests, browser mode)',
  paths.nodeBuild,
  Number(process.versions.modules),
  `Node ${process.version} process.versions.modules`,
  { fail: true, text: `missing ${rel(paths.nodeBuild)} — run "npm rebuild better-sqlite3"` },
);

if (!electron.version || !electron.abi) {
  console.log('– Electron build: node_modules/electron (or its abi_version) is missing');
} else {
  const notBuilt = {
    fail: false,
    text: 'not built (run npm start on a machine with the Electron binary)',
  };
  report(
    `Electron ${electron.version} build (desktop app)`,
    paths.electronBuild,
    electron.abi,
    'node_modules/electron/abi_version',
    notBuilt,
  );
  // The fixed-name copy electron-builder ships; reported only once it exists.
  report(
    'Electron build for packaging',
    paths.electronCurrent,
    electron.abi,
    'node_modules/electron/abi_version',
    { fail: false, text: null },
  );
}

if (failed) {
  console.error('\nA native build does not match its runtime (see ✖ above).');
  process.exit(1);
}
