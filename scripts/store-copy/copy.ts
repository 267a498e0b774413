import type { Database as SqliteDatabase } from 'better-sqlite3';
import type pg from 'pg';
import { plainValue, quote, type Schema } from './tables';
import { searchRows, searchSource } from './search';

/**
 * The copy itself, on a PostgreSQL client inside a transaction the caller opened (run.ts): the
 * target is checked empty, the seeded rows go, every table's rows arrive as they are in SQLite,
 * the search tables are rebuilt, and the identity sequences continue after the copied ids.
 */

export class TargetNotEmptyError extends Error {}

export interface TableCopied {
  table: string;
  rows: number;
  seconds: number;
}

export interface CopyOptions {
  batchRows: number;
  log: (line: string) => void;
}

/**
 * The rows a new PostgreSQL database is created with (main/db/postgres/migrate.ts seedBaseline),
 * as SQL conditions: a row that does not meet its table's condition is someone's data.
 */
const SEEDED: Readonly<Record<string, string>> = {
  audit_head: 'id = 1 AND entries = 0 AND last_id IS NULL',
  request_stats: "key = 'max_stay_days'",
  policy_versions: 'version = 1',
};

/** The tables people's data starts in, named first when a target is refused. */
const FIRST = ['users', 'requests', 'audit_log'];

/**
 * Refuses a target that holds anything beyond the schema's seeded rows (the company's users,
 * requests, audit entries — or any other row, say a session of a server started on it): copying
 * into it would mix two companies, or collide on ids. Changes nothing.
 */
export async function refuseNonEmpty(client: pg.ClientBase, schema: Schema): Promise<void> {
  const names = [...schema.tables.map((t) => t.name), ...schema.search].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const found: string[] = [];
  for (const name of names) {
    const seeded = SEEDED[name];
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${quote(name)}
         ${seeded ? `WHERE NOT (${seeded})` : ''} LIMIT 1000) AS t`,
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found.push(`${name} (${n >= 1000 ? 'at least 1,000' : n} row${n === 1 ? '' : 's'})`);
  }
  if (found.length > 0) {
    throw new TargetNotEmptyError(
      `The target database is not empty: ${found.join(', ')}. ` +
        'store:copy only fills a new, empty database — create one (CREATE DATABASE …) and ' +
        'point --to at it. Nothing was changed.',
    );
  }
}

const rank = (name: string) => {
  const i = FIRST.indexOf(name);
  return i < 0 ? FIRST.length : i;
};

/**
 * One INSERT in flight while the next batch is read and serialised: SQLite's reading and the
 * server's writing overlap instead of taking turns.
 */
class Pipeline {
  private pending: Promise<unknown> | null = null;
  constructor(
    private readonly client: pg.ClientBase,
    private readonly sql: string,
  ) {}
  async send(json: string): Promise<void> {
    await this.flush();
    const p = this.client.query(this.sql, [json]);
    // Awaited by the next send or flush; until then a failure must not count as unhandled.
    p.catch(() => undefined);
    this.pending = p;
  }
  async flush(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (p) await p;
  }
}

/** Prints a table's progress now and then, and its line when done. */
function progress(table: string, log: (line: string) => void) {
  const start = performance.now();
  let shown = start;
  return {
    tick(rows: number) {
      const now = performance.now();
      if (now - shown < 10_000) return;
      shown = now;
      log(`  … ${table}: ${rows.toLocaleString('en')} rows, ${rate(rows, now - start)}`);
    },
    done(rows: number): TableCopied {
      const ms = performance.now() - start;
      log(
        `  ${table.padEnd(26)} ${rows.toLocaleString('en').padStart(11)} rows ` +
          `${(ms / 1000).toFixed(1).padStart(7)} s  ${rate(rows, ms)}`,
      );
      return { table, rows, seconds: ms / 1000 };
    },
  };
}

const rate = (rows: number, ms: number) =>
  `${Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString('en')} rows/s`;

const insertSql = (table: string) =>
  // Columns are matched by name (the JSON objects' keys), and SELECT * gives them in the table's
  // own order, which INSERT without a column list expects.
  `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`;

async function copyTable(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  table: Schema['tables'][number],
  options: CopyOptions,
): Promise<TableCopied> {
  const shown = progress(table.name, options.log);
  const names = table.columns.map((c) => c.name);
  // safeIntegers: integers arrive as BigInt, so one beyond 2^53 is refused, not rounded.
  const select = sqlite
    .prepare(`SELECT ${names.map(quote).join(', ')} FROM ${quote(table.name)}`)
    .raw(true)
    .safeIntegers(true);
  const pipeline = new Pipeline(client, insertSql(table.name));
  let batch: Record<string, unknown>[] = [];
  let rows = 0;
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      record[names[i]!] = plainValue(row[i], () => `${table.name}.${names[i]!}`);
    }
    batch.push(record);
    rows++;
    if (batch.length >= options.batchRows) {
      await pipeline.send(JSON.stringify(batch));
      batch = [];
      shown.tick(rows);
    }
  }
  if (batch.length > 0) await pipeline.send(JSON.stringify(batch));
  await pipeline.flush();
  return shown.done(rows);
}

async function rebuildSearch(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  table: string,
  options: CopyOptions,
): Promise<TableCopied> {
  const shown = progress(`${table} (rebuilt)`, options.log);
  searchSource(table); // an unknown search table is refused before anything is read
  const pipeline = new Pipeline(client, insertSql(table));
  let batch: { rowid: number; terms: string }[] = [];
  let rows = 0;
  for (const [rowid, terms] of searchRows(sqlite, table)) {
    batch.push({ rowid, terms });
    rows++;
    if (batch.length >= options.batchRows) {
      await pipeline.send(JSON.stringify(batch));
      batch = [];
      shown.tick(rows);
    }
  }
  if (batch.length > 0) await pipeline.send(JSON.stringify(batch));
  await pipeline.flush();
  return { ...shown.done(rows), table };
}

/**
 * Copies every table. The caller holds a transaction on `client` and has checked the target
 * empty (refuseNonEmpty); on any error it rolls back, leaving the target as it was.
 */
export async function copyTables(
  sqlite: SqliteDatabase,
  client: pg.ClientBase,
  schema: Schema,
  identity: ReadonlyMap<string, string>,
  options: CopyOptions,
): Promise<TableCopied[]> {
  // No trigger fires (nor the foreign keys' checks, which are triggers too): the summaries,
  // counters, chain head and stay statistics are copied as SQLite has them instead of being
  // recomputed row by row, the append-only tables accept their history, and the tables may be
  // filled in any order although users and departments refer to each other. Needs a superuser.
  await client.query('SET LOCAL session_replication_role = replica');
  // The seeded rows make way for the file's own (audit_head's row 1 is the file's chain head).
  for (const name of Object.keys(SEEDED)) await client.query(`DELETE FROM ${quote(name)}`);
  const copied: TableCopied[] = [];
  for (const table of schema.tables) copied.push(await copyTable(sqlite, client, table, options));
  for (const table of schema.search)
    copied.push(await rebuildSearch(sqlite, client, table, options));
  // New rows continue after the copied ids (an identity column's sequence knows nothing of rows
  // inserted with explicit ids).
  for (const [table, column] of identity) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column)}), 0) + 1, false)
         FROM ${quote(table)}`,
      [quote(table), column],
    );
  }
  return copied;
}
