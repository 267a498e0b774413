/**
 * A second process for lock.test.ts: opens the database file with createApp, as a server would,
 * says "ready" on stdout with its PID, and holds the file until its parent closes stdin (or kills
 * it). When the file is taken, prints the error as JSON on stdout and exits 3.
 * Run with `node --import tsx lock.child.ts <db file>`.
 * (Not a test file and no vitest import: it runs outside the test runner.)
 */
import { createApp } from '../app';
import { DatabaseInUseError } from './lock';

async function main() {
  const [file = ''] = process.argv.slice(2);
  let app;
  try {
    app = createApp(file);
  } catch (e) {
    if (!(e instanceof DatabaseInUseError)) throw e;
    process.stdout.write(`${JSON.stringify({ refused: e.message, owner: e.owner })}\n`);
    process.exit(3);
  }
  process.stdout.write(`${JSON.stringify({ ready: process.pid })}\n`);
  await new Promise((resolve) => process.stdin.once('end', resolve).resume());
  await app.close();
}

void main();
