#!/usr/bin/env node
// `npm test`: every check, in this order, stopping at the first stage that fails —
//   1. the static checks (format, lint, the four type checks) two at a time: each is one
//      single-threaded process, so on these 2-core machines pairs halve the wall time;
//   2. the unit tests (vitest uses both cores itself);
//   3. the browser journeys (build, then vitest's e2e config);
//   4. the reliability scorecard at CI size (issue 13);
//   5. the bench at its smallest, so it cannot rot.
// Each stage's time is printed at the end, so a slow CI run says where its minutes went.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const TSCONFIGS = ['shared', 'main', 'renderer', 'tools'];

/** A command as npm scripts run it: from the repository, with node_modules/.bin on the path. */
function run(name, args, { quiet }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(NPX, ['--no-install', ...args], {
      cwd: ROOT,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) =>
      resolve({ name, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

/** Runs the commands at most `width` at a time; their output is shown once each ends. */
async function pool(commands, width) {
  const results = [];
  const queue = [...commands];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const result = await run(next.name, next.args, { quiet: true });
      const mark = result.code === 0 ? '✓' : '✖';
      console.log(`${mark} ${result.name} (${result.seconds.toFixed(0)} s)`);
      if (result.code !== 0) process.stdout.write(result.output);
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const timings = [];
function finish(code) {
  console.log('\nnpm test — time per stage');
  for (const t of timings)
    console.log(`  ${t.name.padEnd(12)} ${t.seconds.toFixed(0).padStart(5)} s`);
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  console.log(`  ${'total'.padEnd(12)} ${total.toFixed(0).padStart(5)} s`);
  process.exit(code);
}

async function stage(name, body) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = await body();
  timings.push({ name, seconds: (Date.now() - started) / 1000 });
  if (!ok) {
    console.error(`\n✖ ${name} failed`);
    finish(1);
  }
}

const single = async (args) => (await run(args.join(' '), args, { quiet: false })).code === 0;

await stage('static', async () => {
  const results = await pool(
    [
      { name: 'lint', args: ['eslint', '.', '--max-warnings', '0'] },
      ...TSCONFIGS.map((c) => ({
        name: `types ${c}`,
        args: ['tsc', '-p', `tsconfig.${c}.json`, '--noEmit'],
      })),
      { name: 'format', args: ['prettier', '--check', '.', '--log-level', 'warn'] },
    ],
    2,
  );
  return results.every((r) => r.code === 0);
});
await stage('unit', async () => {
  if (!(await installed('RM_WAIT_FOR_POSTGRES', 'RM_POSTGRES_INSTALL_LOG', 'PostgreSQL'))) {
    return false;
  }
  return single(['vitest', 'run']);
});
/**
 * CI installs PostgreSQL, the browser and fonts (apt) beside the first stages, which do not need
 * them: `RM_WAIT_FOR_POSTGRES` and `RM_WAIT_FOR_BROWSER` name the files each install writes its
 * exit code to when done. The unit stage waits for the first, the journeys for the second; the
 * wait is part of their stage's time.
 */
async function installed(statusVariable, logVariable, what) {
  const statusFile = process.env[statusVariable];
  if (!statusFile) return true;
  const started = Date.now();
  while (!fs.existsSync(statusFile) || fs.readFileSync(statusFile, 'utf8').trim() === '') {
    await new Promise((r) => setTimeout(r, 1000));
  }
  const code = fs.readFileSync(statusFile, 'utf8').trim();
  console.log(`waited ${((Date.now() - started) / 1000).toFixed(0)} s for ${what}'s install`);
  if (code === '0') return true;
  const log = process.env[logVariable];
  if (log && fs.existsSync(log)) process.stdout.write(fs.readFileSync(log, 'utf8'));
  console.error(`${what}'s install failed (exit ${code})`);
  return false;
}

await stage('e2e', async () => {
  if (!(await installed('RM_WAIT_FOR_BROWSER', 'RM_BROWSER_INSTALL_LOG', 'the browser'))) {
    return false;
  }
  if (!(await single(['electron-vite', 'build']))) return false;
  return single(['vitest', 'run', '-c', 'vitest.e2e.config.ts']);
});
// The reliability scorecard (issue 13) at CI size, after the build its Chromium item (D6) needs.
await stage('scorecard', () => single(['tsx', 'scripts/scorecard/cli.ts']));
// Every path of the bench, smaller than --quick: here it is kept from rotting, its figures are not
// read (a developer runs --quick or the full size for those).
await stage('bench', () =>
  single([
    'tsx',
    'bench/run.ts',
    '--quick',
    '--visits',
    '1000',
    '--calls',
    '10',
    '--rounds',
    '1',
    '--ui-runs',
    '1',
  ]),
);
finish(0);
