/**
 * The command line of `npm run store:copy`, parsed without side effects so that every accepted and
 * refused form is a row of a table test (args.test.ts).
 */

export const USAGE = `usage: npm run store:copy -- --from sqlite:PATH --to postgres://USER:PASSWORD@HOST:PORT/DATABASE
         [--verify-only] [--batch ROWS]

Copies a company's SQLite database file (the desktop app's) into a new, empty PostgreSQL database
(the office server's), then checks every table on both sides: row counts and SHA-256 checksums.
  --verify-only  only compare an earlier copy with its file (changes nothing)
  --batch ROWS   rows per INSERT (default 2000)
Close the desktop app first: the file is locked while it is copied.`;

export const DEFAULT_BATCH_ROWS = 2000;

export type ParsedArgs =
  | { kind: 'run'; from: string; to: string; verifyOnly: boolean; batchRows: number }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

const POSTGRES_URL = /^postgres(?:ql)?:\/\/./;

/** `argv`: the arguments after the script's name (npm's `--` already removed). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let from: string | null = null;
  let to: string | null = null;
  let verifyOnly = false;
  let batchRows = DEFAULT_BATCH_ROWS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--verify-only') {
      verifyOnly = true;
      continue;
    }
    // Both `--name value` and `--name=value`.
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--from' && name !== '--to' && name !== '--batch') {
      return { kind: 'error', message: `unknown argument: ${arg}` };
    }
    let value: string | undefined;
    if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { kind: 'error', message: `${name} needs a value` };
      }
      i++;
    }
    if (name === '--from') {
      if (from !== null) return { kind: 'error', message: '--from given twice' };
      from = value;
    } else if (name === '--to') {
      if (to !== null) return { kind: 'error', message: '--to given twice' };
      to = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100_000) {
        return {
          kind: 'error',
          message: `--batch must be a whole number from 1 to 100000: ${value}`,
        };
      }
      batchRows = n;
    }
  }
  if (from === null) return { kind: 'error', message: '--from sqlite:PATH is required' };
  if (to === null) return { kind: 'error', message: '--to postgres://… is required' };
  if (!from.startsWith('sqlite:') || from.length === 'sqlite:'.length) {
    return { kind: 'error', message: `--from must be sqlite:PATH (the database file): ${from}` };
  }
  if (!POSTGRES_URL.test(to)) {
    return { kind: 'error', message: `--to must be a postgres:// URL: ${to}` };
  }
  return { kind: 'run', from: from.slice('sqlite:'.length), to, verifyOnly, batchRows };
}

/** The URL with its password replaced, for messages: a terminal's scrollback is no place for it. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
