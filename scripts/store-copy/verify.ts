import crypto from 'node:crypto';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type pg from 'pg';
import { plainValue, quote, type Schema, type Table } from './tables';
import { searchRows, searchSource } from './search';

/**
 * The check after a copy: for every table, the rows on both sides counted and hashed — SHA-256
 * over the rows in primary-key order, each the JSON array of its values in column order. SQLite's
 * integers become numbers as they did for the copy; PostgreSQL's int8 arrive as numbers through
 * the app's own type parsers (main/db/postgres/open.ts). Any value changed, lost, added or
 * shifted to another column changes the hash.
 *
 * The search tables are compared with what the copy should have written: their terms computed
 * again from the SQLite rows (search.ts) against PostgreSQL's, and SQLite's own index's count
 * against PostgreSQL's.
 */

export interface TableCheck {
  table: string;
  kind: 'table' | 'search';
  sqliteRows: number;
  postgresRows: number;
  sqliteSha256: string;
  postgresSha256: string;
  match: boolean;
  /** Why it does not match, when the hashes alone would not tell. */
  note?: string;
}

const FETCH_ROWS = 2000;

/** A digest of rows, fed one at a time. */
function digest() {
  const hash = crypto.createHash('sha256');
  let rows = 0;
  return {
    add(values: readonly unknown[]) {
      hash.update(JSON.stringify(values));
      hash.update('\n');
      rows++;
    },
    result: () => ({ rows, sha256: hash.digest('hex') }),
  };
}

/** Lets PostgreSQL's answers in between stretches of SQLite's synchronous reading. */
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

async function hashSqlite(rows: Iterable<readonly unknown[]>) {
  const d = digest();
  let n = 0;
  for (const row of rows) {
    d.add(row);
    if (++n % FETCH_ROWS === 0) await yieldNow();
  }
  return d.result();
}

/** Reads through a cursor (the client is in a transaction): a table is never held whole. */
async function hashPostgres(client: pg.ClientBase, select: string) {
  const d = digest();
  await client.query(`DECLARE store_copy_verify NO SCROLL CURSOR FOR ${select}`);
  try {
    for (;;) {
      const { rows } = await client.query<unknown[]>({
        text: `FETCH FORWARD ${FETCH_ROWS} FROM store_copy_verify`,
        rowMode: 'array',
      });
      for (const row of rows) d.add(row);
      if (rows.length < FETCH_ROWS) break;
    }
  } finally {
    await client.query('CLOSE store_copy_verify');
  }
  return d.result();
}

function* sqliteTableRows(sqlite: SqliteDatabase, table: Table): Generator<unknown[]> {
  const names = table.columns.map((c) => c.name);
  // Binary order of text keys, as PostgreSQL's COLLATE "C" below (UTF-8 byte order both).
  const order = table.primaryKey.map((k) => {
    const text = table.columns.find((c) => c.name === k)?.type === 'TEXT';
    return text ? `${quote(k)} COLLATE BINARY` : quote(k);
  });
  const select = sqlite
    .prepare(
      `SELECT ${names.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${order.join(', ')}`,
    )
    .raw(true)
    .safeIntegers(true);
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    yield row.map((v, i) => plainValue(v, () => `${table.name}.${names[i]!}`));
  }
}

function postgresTableSelect(table: Table): string {
  // citext keys (users.login, departments.name) compared as plain text, byte by byte.
  const order = table.primaryKey.map((k) => {
    const text = table.columns.find((c) => c.name === k)?.type === 'TEXT';
    return text ? `${quote(k)}::text COLLATE "C"` : quote(k);
  });
  return `SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)}
           ORDER BY ${order.join(', ')}`;
}

async function checkTable(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  table: Table,
): Promise<TableCheck> {
  const [mine, theirs] = await Promise.all([
    hashSqlite(sqliteTableRows(sqlite, table)),
    hashPostgres(client, postgresTableSelect(table)),
  ]);
  return {
    table: table.name,
    kind: 'table',
    sqliteRows: mine.rows,
    postgresRows: theirs.rows,
    sqliteSha256: mine.sha256,
    postgresSha256: theirs.sha256,
    match: mine.rows === theirs.rows && mine.sha256 === theirs.sha256,
  };
}

async function checkSearch(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  table: string,
): Promise<TableCheck> {
  const source = searchSource(table);
  const [mine, theirs] = await Promise.all([
    hashSqlite(searchRows(sqlite, table)),
    hashPostgres(client, `SELECT rowid, terms FROM ${quote(table)} ORDER BY rowid`),
  ]);
  // SQLite's own index: one entry per source row, as the app keeps it. Counted, since FTS5's
  // contentless terms cannot be read.
  const indexed = Number(
    (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n,
  );
  const notes: string[] = [];
  if (indexed !== mine.rows) {
    notes.push(`SQLite's index has ${indexed} entries for ${mine.rows} rows of ${source.source}`);
  }
  if (theirs.rows !== indexed) notes.push(`PostgreSQL has ${theirs.rows} entries`);
  if (mine.sha256 !== theirs.sha256) notes.push(`terms differ from ${source.source}'s rows`);
  return {
    table,
    kind: 'search',
    sqliteRows: indexed,
    postgresRows: theirs.rows,
    sqliteSha256: mine.sha256,
    postgresSha256: theirs.sha256,
    match: notes.length === 0,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/**
 * Compares every table. `client` must be in a transaction (the copy's own, before it commits, or
 * a read-only one for `--verify-only`): the cursors live in it, and it sees one state throughout.
 */
export async function verifyStores(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  schema: Schema,
  onTable: (check: TableCheck) => void = () => undefined,
): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of schema.tables) {
    const check = await checkTable(sqlite, client, table);
    onTable(check);
    checks.push(check);
  }
  for (const table of schema.search) {
    const check = await checkSearch(sqlite, client, table);
    onTable(check);
    checks.push(check);
  }
  return checks;
}

/** The verification as a table for the terminal. */
export function formatChecks(checks: readonly TableCheck[]): string {
  const header = `${'table'.padEnd(26)} ${'rows'.padStart(11)}  checksum`;
  const lines = checks.map((c) => {
    const rows =
      c.sqliteRows === c.postgresRows
        ? c.sqliteRows.toLocaleString('en')
        : `${c.sqliteRows.toLocaleString('en')} ≠ ${c.postgresRows.toLocaleString('en')}`;
    const verdict = c.match ? 'match' : 'MISMATCH';
    const what = c.kind === 'search' ? ' (search, rebuilt)' : '';
    return `${c.table.padEnd(26)} ${rows.padStart(11)}  ${verdict}${what}${c.note ? ` — ${c.note}` : ''}`;
  });
  const bad = checks.filter((c) => !c.match).length;
  const total = checks.reduce((n, c) => n + c.postgresRows, 0);
  return [
    header,
    ...lines,
    bad === 0
      ? `all ${checks.length} tables match (${total.toLocaleString('en')} rows)`
      : `${bad} of ${checks.length} tables do NOT match`,
  ].join('\n');
}
