import { PostgresAdapter, type QueryExecutorProvider } from 'kysely';

/**
 * Which store a handle is on (issue 14): the embedded SQLite file or the office server's
 * PostgreSQL. Almost all SQL is Kysely's builder and the same on both; the few statements that
 * differ (transactions, text search) ask this.
 */
export type StoreKind = 'sqlite' | 'postgres';

export function storeKind(db: QueryExecutorProvider): StoreKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
