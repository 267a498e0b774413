import type { Database } from 'better-sqlite3';

export function sqliteVersion(db: Database): string {
  return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
}
