import type pg from 'pg';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { DatabaseTooNewError } from '../migrate';
import { LATEST_VERSION } from '../migrations';
import { PG_BASELINE_VERSION, PRELUDE, TABLES, TRIGGERS } from './baseline-sql';

/**
 * A PostgreSQL migration after the baseline: the twin of the SQLite migration with the same
 * version, in one transaction with the rest.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  up: (client: pg.PoolClient) => Promise<void>;
}

/** In order, after PG_BASELINE_VERSION. Never edit one that has shipped: add the next one. */
export const PG_MIGRATIONS: readonly PostgresMigration[] = [];

/**
 * The advisory lock the schema's changes are made under: several server processes starting at
 * once on one database migrate it once, the others wait and then find it current.
 */
const MIGRATION_LOCK = 7_249_001;

/** The schema version (`rm_schema`), 0 for an empty database. */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('rm_schema') IS NOT NULL AS found",
  );
  if (!rows[0]?.found) return 0;
  const version = await client.query<{ version: number }>('SELECT version FROM rm_schema');
  return Number(version.rows[0]?.version ?? 0);
}

/** The rows SQLite's migrations insert, as of the baseline. */
async function seedBaseline(client: pg.PoolClient, nowMs: number): Promise<void> {
  // Before the trigger that refuses any insert into audit_head exists (TRIGGERS run after this).
  await client.query(
    `INSERT INTO audit_head (id, entries, last_id, last_hash) VALUES (1, 0, NULL, $1)`,
    ['0'.repeat(64)],
  );
  await client.query(`INSERT INTO request_stats (key, value) VALUES ('max_stay_days', 0)`);
  await client.query(
    'INSERT INTO policy_versions (version, policy, created_at_ms, note) VALUES (1, $1, $2, $3)',
    [JSON.stringify(DEFAULT_POLICY), nowMs, '默认标准（《公务接待流程及标准》）'],
  );
}

/**
 * Brings the database to LATEST_VERSION: the baseline on an empty one, then each later migration,
 * all in one transaction — the database reaches the latest version or stays as it was.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[] = PG_MIGRATIONS,
  nowMs = Date.now(),
): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? PG_BASELINE_VERSION;
  if (latest !== LATEST_VERSION && migrations === PG_MIGRATIONS) {
    // A SQLite migration without its PostgreSQL twin: refuse rather than run an older schema.
    throw new Error(
      `PostgreSQL schema ${latest} does not match the app's schema ${LATEST_VERSION}: ` +
        'add the PostgreSQL migration (main/db/postgres/migrate.ts)',
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const current = await postgresSchemaVersion(client);
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    if (current === 0) {
      await client.query(PRELUDE);
      await client.query(TABLES);
      await seedBaseline(client, nowMs);
      await client.query(TRIGGERS);
      await client.query('CREATE TABLE rm_schema (version INTEGER NOT NULL)');
      await client.query('INSERT INTO rm_schema (version) VALUES ($1)', [PG_BASELINE_VERSION]);
    }
    const from = Math.max(current, PG_BASELINE_VERSION);
    for (const m of migrations.filter((x) => x.version > from)) {
      await m.up(client);
      await client.query('UPDATE rm_schema SET version = $1', [m.version]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
