/**
 * A second process for two-writers.test.ts: opens the same database file and submits requests as
 * fast as it can, from the moment its parent says "go" on stdin (once both twins have said "ready"
 * on stderr). Prints the codes it got and the errors on stdout.
 * Run with `node --import tsx two-writers.child.ts <db file or postgres:// URL> <token> <count> <tag>
 * <now>`.
 * (Not a test file and no vitest import: it runs outside the test runner.)
 */
import { dispatch } from '../../api/dispatcher';
import { openTwin } from '../../test-twin';
import { requestBody } from '../../test-fixtures';

async function main() {
  const [file = '', token = '', count = '0', tag = '', now = '0'] = process.argv.slice(2);
  // The parent test holds the file's one-process lock (main/db/lock.ts); this twin is the
  // deliberate second writer whose races the test is about, so it opens without the lock.
  const app = openTwin(file, () => Number(now));
  const codes: string[] = [];
  const errors: unknown[] = [];
  // Both processes start submitting together: each waits for "go" once it is ready.
  process.stderr.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  for (let i = 0; i < Number(count); i++) {
    const out = await dispatch(app, {
      op: 'requests.submit',
      input: { id: null, version: null, body: requestBody({ orgName: `${tag} ${i}` }) },
      token,
    });
    if (out.result.ok) codes.push((out.result.value as { code: string }).code);
    else errors.push(out.result.error);
  }
  await app.close();
  process.stdout.write(JSON.stringify({ codes, errors }));
}

void main();
