#!/usr/bin/env node
// Builds better-sqlite3 for Electron into .native/electron-<version>/better_sqlite3.node.
//
// The copy in node_modules/better-sqlite3/build is the Node build used by tests and browser
// mode; it is never touched. We compile a copy of the package's sources in a temp folder
// against Electron's headers, check the result's ABI, and only then install it.
//
//   node scripts/build-native-electron.mjs              build (always)
//   node scripts/build-native-electron.mjs --if-needed  skip when a correct build exists
//
// Env: RM_ELECTRON_HEADERS_URL overrides where Electron's headers are downloaded from (a
// mirror), default https://electronjs.org/headers. RM_NODE_GYP names a node-gyp.js to run
// instead of the one found below (the tests use it to stand in for a compiler).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAbi } from './lib/abi.mjs';
import { ROOT, cleanBuildEnv, electronPackage, nativePaths } from './lib/electron.mjs';

const HEADERS_URL = process.env.RM_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
// Electron headers get their own cache, apart from node-gyp's Node header cache.
const DEVDIR = path.join(os.homedir(), '.electron-gyp');

function fail(lines) {
  console.error(`\n✖ build-native-electron: ${lines.join('\n  ')}\n`);
  process.exit(1);
}

function sha256(file) {
  return fs.existsSync(file)
    ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    : null;
}

/**
 * How to run node-gyp: the project's copy, else the one bundled with npm (npm_config_node_gyp,
 * set when run through npm), else `npx node-gyp`. npx re-exports ~/.npmrc (nodedir=/usr) to
 * its child, so that last route is the one the ABI check below exists for.
 */
function nodeGypCommand() {
  const chosen = process.env.RM_NODE_GYP;
  if (chosen) return { cmd: process.execPath, args: [chosen], label: chosen };
  const local = path.join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (fs.existsSync(local)) return { cmd: process.execPath, args: [local], label: local };
  const bundled = process.env.npm_config_node_gyp;
  if (bundled && fs.existsSync(bundled)) {
    return { cmd: process.execPath, args: [bundled], label: bundled };
  }
  return { cmd: 'npx', args: ['--yes', 'node-gyp'], label: 'npx node-gyp', shell: true };
}

function main() {
  const ifNeeded = process.argv.includes('--if-needed');
  const { version, abi } = electronPackage();
  if (!version || !abi) {
    fail([
      'node_modules/electron is missing or has no abi_version file.',
      'Run "npm install" first.',
    ]);
  }
  const paths = nativePaths(ROOT, version);

  if (ifNeeded && checkAbi(paths.electronBuild, abi).status === 'ok') {
    publishCurrent(paths);
    console.log(`better-sqlite3 for Electron ${version} (ABI ${abi}) is already built.`);
    return;
  }

  const source = path.join(ROOT, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(source, 'binding.gyp'))) {
    fail(['node_modules/better-sqlite3 has no binding.gyp. Run "npm install" first.']);
  }

  const nodeBuildBefore = sha256(paths.nodeBuild);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-better-sqlite3-electron-'));
  try {
    // Only what node-gyp needs; never build/ (that is the Node build).
    for (const entry of ['binding.gyp', 'package.json', 'src', 'deps']) {
      fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
    }

    const gyp = nodeGypCommand();
    const args = [
      ...gyp.args,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      `--dist-url=${HEADERS_URL}`,
      `--arch=${process.arch}`,
      `--devdir=${DEVDIR}`,
    ];
    console.log(`Building better-sqlite3 for Electron ${version} (ABI ${abi}) with ${gyp.label}`);
    console.log(`  in ${work}`);
    const result = spawnSync(gyp.cmd, args, {
      cwd: work,
      env: cleanBuildEnv(process.env),
      stdio: 'inherit',
      shell: gyp.shell ?? false,
    });

    if (result.status !== 0) {
      fail([
        `node-gyp failed (exit ${result.status ?? result.signal ?? result.error?.message}).`,
        `Most often this means Electron's headers could not be downloaded from ${HEADERS_URL}`,
        "(no internet access, a proxy, or a blocked host). Scroll up for node-gyp's own error.",
        'To fix: run this on a machine that can reach that address, or set',
        "RM_ELECTRON_HEADERS_URL to a mirror of Electron's headers. A C++ toolchain and",
        'Python are also required (Windows: Visual Studio Build Tools "Desktop C++").',
        'Nothing was changed: node_modules/better-sqlite3/build (the Node build) is untouched.',
      ]);
    }

    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const check = checkAbi(built, abi);
    if (check.status !== 'ok') {
      fail([
        check.status === 'missing'
          ? `node-gyp reported success but produced no ${built}.`
          : `The build is for ABI ${check.found.join('/') || '?'} but Electron ${version} needs ` +
            `ABI ${abi}.`,
        'node-gyp compiled against the wrong headers. Check that no nodedir / target /',
        'runtime / dist-url setting (npm_config_*, NODEDIR, ~/.npmrc) is forcing Node headers.',
        'The binary was NOT installed.',
      ]);
    }

    fs.mkdirSync(path.dirname(paths.electronBuild), { recursive: true });
    // Copy then rename, so a half-written file never sits where Electron will load it.
    const staging = `${paths.electronBuild}.${process.pid}.tmp`;
    fs.copyFileSync(built, staging);
    fs.renameSync(staging, paths.electronBuild);
    publishCurrent(paths);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  if (sha256(paths.nodeBuild) !== nodeBuildBefore) {
    fail([
      'node_modules/better-sqlite3/build changed during the Electron build — this must not',
      'happen. Run "npm rebuild better-sqlite3" to restore the Node build.',
    ]);
  }
  console.log(`✔ better-sqlite3 for Electron ${version} (ABI ${abi}): ${paths.electronBuild}`);
}

/** Keeps .native/electron-current (what electron-builder packages) equal to this version's build. */
function publishCurrent(paths) {
  if (sha256(paths.electronCurrent) === sha256(paths.electronBuild)) return;
  fs.mkdirSync(path.dirname(paths.electronCurrent), { recursive: true });
  fs.copyFileSync(paths.electronBuild, paths.electronCurrent);
}

main();
