/**
 * Runs one scorecard item in this process (the scorecard starts one process per item) and ends
 * with `SCORE {json}` on stdout for the parent. Usage: `tsx scripts/scorecard/item.ts D1 [--full]
 * [--seed S]`.
 */
import { ITEMS } from './items';
import type { ScoreItemId, ScoreResult } from './types';

async function main() {
  const id = process.argv[2] as ScoreItemId;
  const load = ITEMS[id];
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : Date.now() % 1_000_000;
  let result: ScoreResult;
  if (!load) {
    result = { line: `${id}: no such item — FAIL`, pass: false };
  } else {
    const item = await load();
    result = await item.run({
      full: process.argv.includes('--full'),
      seed,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  }
  process.stdout.write(`SCORE ${JSON.stringify(result)}\n`);
  process.exit(result.pass ? 0 : 1);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
