/**
 * A second process for two-writers.test.ts: opens the same database file and submits requests as
 * fast as it can, from a start time shared with its twin. Prints the codes it got and the errors.
 * Run with `node --import tsx two-writers.child.ts <db file> <token> <count> <tag> <start at> <now>`.
 * (Not a test file and no vitest import: it runs outside the test runner.)
 */
import { dispatch } from '../../api/dispatcher';
import { createApp } from '../../app';
import { requestBody } from '../../test-fixtures';

async function main() {
  const [file = '', token = '', count = '0', tag = '', startAt = '0', now = '0'] =
    process.argv.slice(2);
  const app = createApp(file, { clock: () => Number(now) });
  const codes: string[] = [];
  const errors: unknown[] = [];
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
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
