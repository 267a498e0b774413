/**
 * `npm run crashtest -- --trials N [--seed S] [--broken | --broken-backup] [--keep]`: prints one line, the
 * scorecard's D1, on stdout (the figures behind it and any problem on stderr) and exits non-zero
 * unless every trial is ok. `--broken` runs the deliberately broken writer (each write committed
 * in two), `--broken-backup` the broken backup (copied straight under its name): both must fail.
 */
import crypto from 'node:crypto';
import { setPasswordHasher } from '../../main/domains/auth/passwords';
import { detailLine, runCrashTest, summaryLine } from './harness';

// The company's users are made once per run and never sign in during a trial: a cheap salted
// hash instead of Argon2id's (tens of ms each) for their passwords.
setPasswordHasher({
  hash: (password) => {
    const salt = crypto.randomBytes(12).toString('hex');
    const digest = crypto.createHash('sha256').update(`${salt}$${password}`).digest('hex');
    return Promise.resolve(`$crashtest-sha256$${salt}$${digest}`);
  },
  verify: (stored, password) => {
    const [salt = '', digest = ''] = stored.split('$').slice(2);
    const again = crypto.createHash('sha256').update(`${salt}$${password}`).digest('hex');
    return Promise.resolve(again === digest);
  },
});

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const trials = Number(arg('--trials') ?? 50);
  const seed = Number(arg('--seed') ?? Date.now() % 1_000_000);
  if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(seed)) {
    process.stderr.write(
      'usage: npm run crashtest -- --trials N [--seed S] [--broken | --broken-backup] [--keep]\n',
    );
    process.exit(2);
  }
  const report = await runCrashTest({
    trials,
    seed,
    broken: process.argv.includes('--broken'),
    brokenBackup: process.argv.includes('--broken-backup'),
    keep: process.argv.includes('--keep'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`${detailLine(report)}; seed ${seed}\n`);
  process.stdout.write(`${summaryLine(report)}\n`);
  process.exitCode = report.ok === report.trials ? 0 : 1;
}

void main();
