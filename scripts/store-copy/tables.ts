import type { Database as SqliteDatabase } from 'better-sqlite3';
import type pg from 'pg';

/**
 * What is copied: the app's tables as SQLite lists them, checked against the PostgreSQL schema
 * (main/db/postgres/baseline-sql.ts: the same tables, the same columns in the same order — the
 * schema-parity test keeps them so). A table or column on one side only means the two are at
 * different versions of the app: refused before anything is written.
 */

export interface Column {
  name: string;
  /** SQLite's declared type: INTEGER or TEXT in this schema (checked: no BLOB, no REAL). */
  type: string;
}

export interface Table {
  name: string;
  columns: Column[];
  /** The primary key's columns in key order: the order rows are compared in. */
  primaryKey: string[];
}

export interface Schema {
  /** Plain tables, copied row by row, by name. */
  tables: Table[];
  /** FTS5 tables (contentless: their terms cannot be read back), rebuilt from their rows. */
  search: string[];
}

export class SchemaMismatchError extends Error {}

/** A name inside double quotes, for SQL on either side (names come from the schema itself). */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function sqliteSchema(sqlite: SqliteDatabase): Schema {
  const entries = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all() as { name: string; sql: string | null }[];
  const virtual = entries
    .filter((e) => /^CREATE VIRTUAL TABLE/i.test(e.sql ?? ''))
    .map((e) => e.name);
  // FTS5 keeps each index in shadow tables named after it (request_search_data, _idx, …).
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  const tables: Table[] = [];
  for (const { name } of entries) {
    if (virtual.includes(name) || shadow(name)) continue;
    const info = sqlite.prepare(`PRAGMA table_info(${quote(name)})`).all() as {
      name: string;
      type: string;
      pk: number;
    }[];
    for (const c of info) {
      const type = c.type.toUpperCase();
      if (type !== 'INTEGER' && type !== 'TEXT') {
        throw new SchemaMismatchError(
          `${name}.${c.name} is ${c.type || 'untyped'}: this tool copies INTEGER and TEXT columns only`,
        );
      }
    }
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    if (primaryKey.length === 0) {
      // Rows without a key have no order both sides agree on; the schema has none.
      throw new SchemaMismatchError(`${name} has no primary key`);
    }
    tables.push({
      name,
      columns: info.map((c) => ({ name: c.name, type: c.type.toUpperCase() })),
      primaryKey,
    });
  }
  return { tables, search: virtual };
}

/**
 * Checks that PostgreSQL has exactly these tables with these columns in this order (the search
 * tables as `(rowid, terms)`), and returns each table's identity column, if any.
 */
export async function checkPostgresSchema(
  client: pg.ClientBase,
  schema: Schema,
): Promise<Map<string, string>> {
  const { rows } = await client.query<{
    table_name: string;
    column_name: string;
    is_identity: string;
  }>(
    `SELECT c.table_name, c.column_name, c.is_identity
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.table_name <> 'rm_schema'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  const identity = new Map<string, string>();
  for (const r of rows) {
    columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
    if (r.is_identity === 'YES') identity.set(r.table_name, r.column_name);
  }
  const problems: string[] = [];
  const expected = new Map<string, string[]>([
    ...schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)] as [string, string[]]),
    ...schema.search.map((s) => [s, ['rowid', 'terms']] as [string, string[]]),
  ]);
  for (const [name, mine] of expected) {
    const theirs = columns.get(name);
    if (!theirs) problems.push(`${name}: missing in PostgreSQL`);
    else if (theirs.join(',') !== mine.join(',')) {
      problems.push(`${name}: columns (${mine.join(', ')}) vs PostgreSQL (${theirs.join(', ')})`);
    }
  }
  for (const name of columns.keys()) {
    if (!expected.has(name)) problems.push(`${name}: only in PostgreSQL`);
  }
  if (problems.length > 0) {
    throw new SchemaMismatchError(
      `the two schemas differ (are both at the same version of the app?):\n  ${problems.join('\n  ')}`,
    );
  }
  return identity;
}

/**
 * A value as it travels: SQLite's integers (read as BigInt so that none is silently rounded)
 * become numbers — every id, millisecond and fen amount of the app is far below 2^53 — and TEXT
 * stays text. Anything else has no place in this schema.
 */
export function plainValue(value: unknown, where: () => string): number | string | null {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`${where()}: the integer ${value} does not fit in 2^53`);
    }
    return Number(value);
  }
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  throw new TypeError(`${where()}: a ${typeof value} value (BLOB?) where INTEGER or TEXT belongs`);
}
