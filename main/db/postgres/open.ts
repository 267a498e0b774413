import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema';
import { migratePostgres } from './migrate';

/**
 * PostgreSQL's types as the app reads them from SQLite: ids, milliseconds, counts and sums are
 * plain numbers (int8 and numeric arrive as strings by default, since they may exceed 2^53; the
 * app's values stay far below — fen amounts up to 10^9 per line).
 */
const INT8 = 20;
const NUMERIC = 1700;
const toNumber = (value: string) => Number(value);

function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return toNumber;
  return format === 'binary'
    ? (pg.types.getTypeParser(oid, 'binary') as (value: string) => unknown)
    : pg.types.getTypeParser(oid, 'text');
}

export interface PostgresStore {
  pool: pg.Pool;
  db: Kysely<DB>;
  /** The server's own description (`PostgreSQL 15.18 …`), for the about screen. */
  version: () => Promise<string>;
  close: () => Promise<void>;
}

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Migrate to the latest version first (default true; only the server does, never a client). */
  migrate?: boolean;
}

/**
 * A pool on `url` and Kysely over it, nothing asked of the server yet (connections open on first
 * use). The schema must already be current: `openPostgres` migrates first.
 */
export function postgresStore(
  url: string,
  options: Pick<PostgresOptions, 'max'> = {},
): PostgresStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
    application_name: 'reception-manager',
  });
  // An idle connection that the server drops must not crash the process (pg's documented advice).
  pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    pool,
    db,
    version: async () => {
      const { rows } = await pool.query<{ v: string }>('SELECT version() AS v');
      return rows[0]?.v ?? 'PostgreSQL';
    },
    close: async () => {
      // Kysely ends the pool only if it ran a query itself; the migrations use the pool directly.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

/** Opens a pool on `url` and brings its schema to the latest version. */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<PostgresStore> {
  const store = postgresStore(url, options);
  try {
    if (options.migrate !== false) await migratePostgres(store.pool);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
