/**
 * `npm run scorecard [-- --full] [--seed S] [--only D1,D3]`: the reliability scorecard of issue 13.
 * Each item runs in a process of its own (a crash or a process-wide setting of one cannot touch
 * the next) and prints one line; the last line is `scorecard: N/N pass`. Exits non-zero if any
 * item fails. The figures behind each line and the time it took go to stderr.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ITEMS } from './items';
import type { ScoreItemId, ScoreResult } from './types';

const ALL: ScoreItemId[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function runItem(id: ScoreItemId, full: boolean, seed: number): Promise<ScoreResult> {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const args = [path.join(__dirname, 'item.ts'), id, '--seed', String(seed)];
  if (full) args.push('--full');
  return new Promise((resolve) => {
    const child = spawn(tsx, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code, signal) => {
      const last = out
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('SCORE '));
      if (last) {
        const r = JSON.parse(last.slice('SCORE '.length)) as ScoreResult;
        resolve({ line: r.line, pass: r.pass && code === 0 });
      } else {
        resolve({
          line: `${id}: ended without a result (${signal ?? `exit ${code}`}) — FAIL`,
          pass: false,
        });
      }
    });
  });
}

async function main() {
  const full = process.argv.includes('--full');
  const seed = Number(arg('--seed') ?? Date.now() % 1_000_000);
  const only = arg('--only')?.split(',') as ScoreItemId[] | undefined;
  const wanted = (only ?? ALL).filter((id) => ALL.includes(id));
  const missing = wanted.filter((id) => !ITEMS[id]);
  const results: ScoreResult[] = [];
  process.stderr.write(`scorecard (${full ? 'full' : 'CI'} size, seed ${seed})\n`);
  for (const id of wanted.filter((x) => ITEMS[x])) {
    const started = Date.now();
    const r = await runItem(id, full, seed);
    results.push(r);
    process.stdout.write(`${r.line}\n`);
    process.stderr.write(`  (${id} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  if (missing.length > 0) process.stderr.write(`not built yet: ${missing.join(', ')}\n`);
  const passed = results.filter((r) => r.pass).length;
  process.stdout.write(`scorecard: ${passed}/${results.length} pass\n`);
  // An item not built is no pass: the card is only whole when every item ran and passed.
  process.exitCode =
    passed === results.length && results.length > 0 && missing.length === 0 ? 0 : 1;
}

void main();
