import type { Database } from 'better-sqlite3';

/**
 * Rebuilds a table with an edited DDL (SQLite changes a CHECK only so): the DDL is taken from the
 * schema as it stands (with every column later migrations added) and edited by `edit`, the rows
 * are copied with their ids, and the table's indexes and triggers are made again from their own
 * text. For a migration with `rebuildsTables` (foreign keys off, checked before commit).
 * `legacy_alter_table` is on only for the rename: other tables' triggers and references name the
 * table and keep their text while it is briefly missing.
 */
export function rebuildTable(db: Database, table: string, edit: (ddl: string) => string): void {
  const ddl = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table) as string | undefined;
  if (!ddl) throw new Error(`no table ${table} to rebuild`);
  const edited = edit(ddl);
  if (edited === ddl) throw new Error(`${table}: the edit changed nothing (unexpected DDL)`);
  const dependents = db
    .prepare(
      `SELECT sql FROM sqlite_schema
        WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL
        ORDER BY type, name`,
    )
    .pluck()
    .all(table) as string[];
  const temp = `${table}_new`;
  db.exec(edited.replace(new RegExp(`^CREATE TABLE "?${table}"?`), `CREATE TABLE ${temp}`));
  db.exec(`INSERT INTO ${temp} SELECT * FROM ${table} ORDER BY id`);
  db.exec(`DROP TABLE ${table}`);
  db.pragma('legacy_alter_table = ON');
  db.exec(`ALTER TABLE ${temp} RENAME TO ${table}`);
  db.pragma('legacy_alter_table = OFF');
  for (const sql of dependents) db.exec(sql);
}
