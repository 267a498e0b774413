import { parseArgs, USAGE } from './args';
import { storeCopy, StoreCopyRefused } from './run';

/**
 * `npm run store:copy -- --from sqlite:PATH --to postgres://…`: moves a company from the desktop
 * app's SQLite file to a new PostgreSQL database for the office server (issue 14). Progress and
 * the verification table on stdout; exit 0 only when every table matches, 1 when the check
 * failed or an error stopped the copy, 2 for a usage error or a refusal (nothing changed).
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') {
    process.stderr.write(`store:copy: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  const t0 = performance.now();
  try {
    const result = await storeCopy({
      from: args.from,
      to: args.to,
      verifyOnly: args.verifyOnly,
      batchRows: args.batchRows,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      result.ok
        ? `${args.verifyOnly ? 'Verified' : 'Copied and verified'}: every table matches (${seconds} s in all).\n`
        : `FAILED: some tables do not match (${seconds} s in all).\n`,
    );
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof StoreCopyRefused) {
      process.stderr.write(`store:copy: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(
      `store:copy failed, nothing was committed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
