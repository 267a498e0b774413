/**
 * For migration tests: fill a database the way an older app version left it, with plain SQL, and
 * read it back in a stable order to prove a migration changed nothing it should not. Tests only.
 */
import type { Database } from 'better-sqlite3';

/** Inserts one row (named parameters) and returns its rowid. */
export function insertRow(db: Database, table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      )
      .run(row).lastInsertRowid,
  );
}

/** The key order of tables without an `id` column. */
const TABLES_BY_KEY: Record<string, string> = {
  user_roles: 'user_id, role',
  sessions: 'token_hash',
  settings: 'key',
  request_revisions: 'request_id, revision',
  policy_versions: 'version',
};

/** Every row of a table, in key order, as plain objects. */
export function rowsInOrder(db: Database, table: string): Record<string, unknown>[] {
  return db
    .prepare(`SELECT * FROM ${table} ORDER BY ${TABLES_BY_KEY[table] ?? 'id'}`)
    .all() as Record<string, unknown>[];
}

/** The names of the database's own tables, sorted. */
export function tableNames(db: Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}
