import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/** How many distinct statements stay prepared (the app has a few hundred query shapes). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The handle Kysely's SQLite driver uses, with prepared statements kept by their SQL text:
 * Kysely prepares every query it runs, and preparing costs as much as running a small query.
 * Safe because the driver runs each statement to completion (`all`/`run`) before the next call on
 * this one connection; the app never streams (`iterate`) with Kysely. Least recently used
 * statements are dropped beyond `size`.
 *
 * `prepare` is looked up on the real handle at each miss, so a test that wraps it still sees
 * every new statement; `onRun` sees every execution (tests count statements with it).
 */
export interface CachingHandle {
  prepare: (sql: string) => Statement;
  close: () => void;
  /** Called before each statement runs (hits too): a test hook. */
  onRun: ((sql: string, args: unknown[]) => void) | null;
  /** Drops every cached statement. */
  clear: () => void;
}

export function cachingHandle(sqlite: SqliteDatabase, size = STATEMENT_CACHE_SIZE): CachingHandle {
  const cache = new Map<string, Statement>();
  const handle: CachingHandle = {
    onRun: null,
    clear: () => cache.clear(),
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // re-inserted below: most recently used last
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      const hook = handle.onRun;
      if (!hook) return stmt;
      // A view of the statement that reports each run (only while a test listens).
      const s = stmt;
      return new Proxy(s, {
        get(target, prop, receiver) {
          const v: unknown = Reflect.get(target, prop, receiver);
          if (typeof v !== 'function' || !['all', 'get', 'run', 'iterate'].includes(String(prop))) {
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          }
          return (...args: unknown[]) => {
            hook(sql, args);
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
  return handle;
}
