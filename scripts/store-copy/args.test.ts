import { describe, expect, it } from 'vitest';
import { DEFAULT_BATCH_ROWS, parseArgs, redactUrl, type ParsedArgs } from './args';

const URL_ = 'postgres://rm:rm@127.0.0.1:5432/office';
const run = (from: string, extra: Partial<Extract<ParsedArgs, { kind: 'run' }>> = {}) => ({
  kind: 'run',
  from,
  to: URL_,
  verifyOnly: false,
  batchRows: DEFAULT_BATCH_ROWS,
  ...extra,
});

const CASES: [string, string[], ParsedArgs | RegExp][] = [
  ['both, spaced', ['--from', 'sqlite:/data/r.db', '--to', URL_], run('/data/r.db') as ParsedArgs],
  ['both, with =', [`--from=sqlite:r.db`, `--to=${URL_}`], run('r.db') as ParsedArgs],
  ['either order', ['--to', URL_, '--from', 'sqlite:C:\\r.db'], run('C:\\r.db') as ParsedArgs],
  [
    'postgresql:// and options',
    ['--from', 'sqlite:a b.db', '--to', 'postgresql://h/x', '--verify-only', '--batch', '500'],
    { kind: 'run', from: 'a b.db', to: 'postgresql://h/x', verifyOnly: true, batchRows: 500 },
  ],
  ['help', ['--help'], { kind: 'help' }],
  ['help wins', ['--from', 'x', '-h'], { kind: 'help' }],
  ['nothing', [], /--from sqlite:PATH is required/],
  ['no target', ['--from', 'sqlite:r.db'], /--to postgres:\/\/… is required/],
  ['no source', ['--to', URL_], /--from sqlite:PATH is required/],
  ['bare path', ['--from', 'r.db', '--to', URL_], /--from must be sqlite:PATH/],
  ['empty path', ['--from', 'sqlite:', '--to', URL_], /--from must be sqlite:PATH/],
  ['not postgres', ['--from', 'sqlite:r.db', '--to', 'mysql://h/x'], /--to must be a postgres/],
  ['value missing', ['--from', 'sqlite:r.db', '--to'], /--to needs a value/],
  ['value is a flag', ['--from', '--to', URL_], /--from needs a value/],
  ['unknown', ['--from', 'sqlite:r.db', '--to', URL_, '--force'], /unknown argument: --force/],
  ['twice', ['--from', 'sqlite:a', '--from', 'sqlite:b', '--to', URL_], /--from given twice/],
  ['batch zero', ['--from', 'sqlite:a', '--to', URL_, '--batch', '0'], /--batch must be/],
  ['batch text', ['--from', 'sqlite:a', '--to', URL_, '--batch=many'], /--batch must be/],
];

describe('parseArgs', () => {
  it.each(CASES)('%s', (_name, argv, expected) => {
    const parsed = parseArgs(argv);
    if (expected instanceof RegExp) {
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' ? parsed.message : '').toMatch(expected);
    } else {
      expect(parsed).toEqual(expected);
    }
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://rm:secret@h:5432/db', 'postgres://rm:***@h:5432/db'],
    ['postgres://h/db', 'postgres://h/db'],
  ])('%s', (url, shown) => expect(redactUrl(url)).toBe(shown));
});
