/**
 * The PostgreSQL schema is the SQLite schema (issue 14): every table, column (in order, with its
 * kind, NOT NULL and default), index and trigger of a fresh SQLite database at the latest version
 * is in a fresh PostgreSQL database, and the rows the migrations seed are the same. A SQLite
 * migration without its PostgreSQL twin fails here. Runs with the PostgreSQL suites
 * (RM_TEST_STORE=postgres, vitest.config.ts).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../migrate';
import { applyPragmas } from '../open';
import { openPostgres, type PostgresStore } from './open';
import { createDatabase, databaseUrl, dropDatabase, forget } from '../../test-postgres';

const sqlite = new BetterSqlite3(':memory:');
let store: PostgresStore;
const name = `rmt_parity_${crypto.randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  applyPragmas(sqlite);
  migrate(sqlite);
  createDatabase(name, 'template0');
  store = await openPostgres(databaseUrl(name), { max: 2 });
});
afterAll(async () => {
  await store.close();
  forget(databaseUrl(name));
  dropDatabase(name);
  sqlite.close();
});

/** SQLite's own tables and FTS5's shadow tables have no twin; the search tables are checked apart. */
const sqliteTables = () =>
  (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '%_search_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

async function pgRows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await store.pool.query(text, params)).rows as T[];
}

/** The PostgreSQL type a SQLite column's declared type maps to. */
function expectedType(declared: string, table: string, column: string): string[] {
  if (table.endsWith('_search')) return column === 'rowid' ? ['bigint'] : ['text'];
  const t = declared.toUpperCase();
  if (t === 'INTEGER') return ['bigint'];
  if (t === 'REAL') return ['double precision'];
  if (t === 'BLOB') return ['bytea'];
  return ['text', 'citext'];
}

describe('the PostgreSQL schema matches SQLite at the latest version', () => {
  it('has the same tables', async () => {
    const pg = await pgRows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rm_schema'
         ORDER BY table_name`,
    );
    expect(pg.map((r) => r.table_name).sort()).toEqual(sqliteTables().sort());
  });

  it('has the same columns, in the same order, of the same kind, nullability and default', async () => {
    for (const table of sqliteTables()) {
      const mine = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      const theirs = await pgRows<{
        column_name: string;
        data_type: string;
        udt_name: string;
        is_nullable: string;
        column_default: string | null;
        is_identity: string;
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, column_default, is_identity
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
           ORDER BY ordinal_position`,
        [table],
      );
      if (table.endsWith('_search')) {
        // FTS5's `terms` column; the row id is a column of its own here.
        expect(
          theirs.map((c) => c.column_name),
          table,
        ).toEqual(['rowid', 'terms']);
        continue;
      }
      expect(
        theirs.map((c) => c.column_name),
        table,
      ).toEqual(mine.map((c) => c.name));
      for (const [i, c] of mine.entries()) {
        const twin = theirs[i]!;
        const type = twin.data_type === 'USER-DEFINED' ? twin.udt_name : twin.data_type;
        expect(expectedType(c.type, table, c.name), `${table}.${c.name}`).toContain(type);
        // A primary key column is NOT NULL in PostgreSQL whatever SQLite declared.
        const notNull = c.notnull === 1 || c.pk > 0;
        expect(twin.is_nullable === 'NO', `${table}.${c.name} NOT NULL`).toBe(notNull);
        const hasDefault = twin.column_default !== null || twin.is_identity === 'YES';
        const rowid =
          c.pk === 1 &&
          c.type.toUpperCase() === 'INTEGER' &&
          mine.filter((m) => m.pk > 0).length === 1;
        expect(hasDefault, `${table}.${c.name} default`).toBe(
          c.dflt_value !== null || (rowid && twin.is_identity === 'YES'),
        );
      }
    }
  });

  it('has every index, on the same columns', async () => {
    const mine = sqlite
      .prepare(
        `SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`,
      )
      .all() as { name: string; tbl_name: string }[];
    const theirs = new Map(
      (
        await pgRows<{ indexname: string; tablename: string; indexdef: string }>(
          `SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
        )
      ).map((r) => [r.indexname, r]),
    );
    for (const index of mine) {
      const twin = theirs.get(index.name);
      expect(twin, index.name).toBeDefined();
      expect(twin?.tablename, index.name).toBe(index.tbl_name);
      const columns = (
        sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]
      ).map((c) => c.name);
      const listed = /\(([^)]*)\)/.exec(twin?.indexdef ?? '')?.[1]?.split(', ') ?? [];
      expect(listed, index.name).toEqual(columns);
    }
  });

  it('has every trigger', async () => {
    const mine = (
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const theirs = new Set(
      (
        await pgRows<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`)
      ).map((r) => r.tgname),
    );
    // SQLite's pairs of BEFORE INSERT / BEFORE UPDATE triggers that are one trigger here.
    const merged: Record<string, string> = {
      approval_steps_request_kept: 'approval_steps_request_exists',
      audit_log_no_reuse: 'audit_log_chained',
    };
    for (const trigger of mine) expect(theirs, trigger).toContain(merged[trigger] ?? trigger);
  });

  it('seeds the same rows', async () => {
    for (const table of sqliteTables()) {
      const mine = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      const theirs = await pgRows<Record<string, unknown>>(`SELECT * FROM ${table}`);
      // The time a policy version was written is the migration's own clock.
      const timeless = (rows: Record<string, unknown>[]) =>
        rows.map((r) => (table === 'policy_versions' ? { ...r, created_at_ms: 0 } : r));
      expect(timeless(theirs), table).toEqual(timeless(mine));
    }
  });
});
