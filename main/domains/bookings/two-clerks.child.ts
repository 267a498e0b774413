/**
 * One clerk's process for two-clerks.test.ts: opens the same database file as the test and its
 * twin, says "ready" on stderr, then runs each call its parent sends on stdin (one JSON line
 * `{ round, op, input }` each) the moment it arrives, and answers with one JSON line on stdout:
 * `{ round, result, startedMs, endedMs }` (the times on the shared wall clock, to see whether the
 * twins' calls ran at the same time). Ends when stdin closes.
 * Run with `node --import tsx two-clerks.child.ts <db file or postgres:// URL> <token> <now>`.
 * (Not a test file and no vitest import: it runs outside the test runner.)
 */
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { dispatch } from '../../api/dispatcher';
import { openTwin } from '../../test-twin';

async function main() {
  const [file = '', token = '', now = '0'] = process.argv.slice(2);
  // The parent test holds the file's one-process lock (main/db/lock.ts); this clerk is a
  // deliberate second (and third) writer whose races the test is about, so it opens without it.
  const app = openTwin(file, () => Number(now));
  const wall = () => performance.timeOrigin + performance.now();
  const lines = readline.createInterface({ input: process.stdin });
  process.stderr.write('ready\n');
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { round, op, input } = JSON.parse(line) as { round: number; op: string; input: unknown };
    const startedMs = wall();
    const out = await dispatch(app, { op, input, token });
    const endedMs = wall();
    process.stdout.write(`${JSON.stringify({ round, result: out.result, startedMs, endedMs })}\n`);
  }
  await app.close();
}

void main();
