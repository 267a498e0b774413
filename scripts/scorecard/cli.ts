/**
 * `npm run scorecard [-- --full] [--seed S] [--only D1,D3]`: the reliability scorecard of issue 13.
 * Each item runs in a process of its own (a crash or a process-wide setting of one cannot touch
 * the next) and prints one line; the last line is `scorecard: N/N pass`. Exits non-zero if any
 * item fails. The figures behind each line and the time it took go to stderr.
 *
 * `--jobs N` (default 2): items run N at a time, longest first. Most items use one core (the
 * fuzzer, the crash trials' writer and its checks), so on these 2-core machines the fuzzer's lane
 * runs beside all the rest: at CI size 147 s → 130 s (each item is slower beside another); with
 * `--full` the fuzzer alone is 20 minutes. What an item checks does not depend on its neighbour.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ITEMS } from './items';
import type { ScoreItemId, ScoreResult } from './types';

const ALL: ScoreItemId[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9'];
/** The order items start in: the longest first (measured at both sizes), so no lane idles at the end. */
const LONGEST_FIRST: ScoreItemId[] = ['D3', 'D9', 'D1', 'D6', 'D5', 'D4', 'D7', 'D2', 'D8'];

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
  const jobs = Math.max(1, Number(arg('--jobs') ?? 2) || 1);
  const byId = new Map<ScoreItemId, ScoreResult>();
  process.stderr.write(
    `scorecard (${full ? 'full' : 'CI'} size, seed ${seed}, ${jobs} at a time)\n`,
  );
  const queue = LONGEST_FIRST.filter((id) => wanted.includes(id) && ITEMS[id]);
  const lane = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const started = Date.now();
      const r = await runItem(id, full, seed);
      byId.set(id, r);
      process.stderr.write(`  (${id} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  // One line per item in the card's order, whatever order they ended in.
  const results = wanted.flatMap((id) => byId.get(id) ?? []);
  for (const r of results) process.stdout.write(`${r.line}\n`);
  if (missing.length > 0) process.stderr.write(`not built yet: ${missing.join(', ')}\n`);
  const passed = results.filter((r) => r.pass).length;
  process.stdout.write(`scorecard: ${passed}/${results.length} pass\n`);
  // An item not built is no pass: the card is only whole when every item ran and passed.
  process.exitCode =
    passed === results.length && results.length > 0 && missing.length === 0 ? 0 : 1;
}

void main();
