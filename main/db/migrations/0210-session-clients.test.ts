import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../core/queries';
import { appendAudit } from '../../domains/audit';
import { verifyChain } from '../../domains/audit/chain';
import { makeTempDir } from '../../test-support';
import { migrate } from '../migrate';
import { applyPragmas } from '../open';
import type { DB } from '../schema';
import { MIGRATIONS } from './index';
import { insertRow, rowsInOrder } from './test-helpers';

let sqlite: Database;
let db: Kysely<DB>;

afterEach(async () => {
  await db.destroy();
});

/**
 * A database as version 200 left it: a user, three sessions (live, locked, signed out) and an
 * audit log of three entries chained by migration 0200 (no client: the column did not exist).
 */
function at200() {
  sqlite = new BetterSqlite3(path.join(makeTempDir(), 'at200.db'));
  applyPragmas(sqlite);
  db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  migrate(
    sqlite,
    MIGRATIONS.filter((m) => m.version < 200),
  );
  const user = insertRow(sqlite, 'users', {
    login: 'host',
    display_name: '王接待',
    password_hash: 'x',
    created_at_ms: 1,
    updated_at_ms: 1,
  });
  const sessions = [
    { token_hash: 'a'.repeat(64), locked: 0, ended_at_ms: null },
    { token_hash: 'b'.repeat(64), locked: 1, ended_at_ms: null },
    { token_hash: 'c'.repeat(64), locked: 0, ended_at_ms: 900 },
  ];
  for (const s of sessions) {
    insertRow(sqlite, 'sessions', {
      ...s,
      user_id: user,
      created_at_ms: 100,
      last_active_at_ms: 200,
    });
  }
  for (let i = 0; i < 3; i++) {
    insertRow(sqlite, 'audit_log', {
      at_ms: 1_000 + i,
      actor_user_id: user,
      actor_name: '王接待',
      operation: `op.${i}`,
      entity_type: 'x',
      entity_id: String(i),
      summary: JSON.stringify({ i }),
    });
  }
  migrate(
    sqlite,
    MIGRATIONS.filter((m) => m.version <= 200),
  );
  return { user, sessions };
}

describe('migration 0210 (session clients)', () => {
  it('keeps every session as it was, each with a new opaque id, no client and not revoked', async () => {
    at200();
    const before = rowsInOrder(sqlite, 'sessions');
    migrate(sqlite);
    const after = rowsInOrder(sqlite, 'sessions');
    expect(after.map(({ id: _id, client: _c, revoked_by: _r, ...rest }) => rest)).toEqual(before);
    const ids = after.map((r) => r.id as string);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.every((r) => r.client === null && r.revoked_by === null)).toBe(true);
  });

  it('refuses a session without an id, or with one that is not 16 hex digits, or twice the same', async () => {
    const { user } = at200();
    migrate(sqlite);
    const add = (id: unknown, hash: string) =>
      insertRow(sqlite, 'sessions', {
        token_hash: hash,
        id,
        user_id: user,
        created_at_ms: 1,
        last_active_at_ms: 1,
      });
    expect(() => add(null, 'd'.repeat(64))).toThrow(/NOT NULL/);
    expect(() => add('XYZ', 'd'.repeat(64))).toThrow(/CHECK/);
    expect(() => add('0123456789ABCDEF', 'd'.repeat(64))).toThrow(/CHECK/);
    add('0123456789abcdef', 'd'.repeat(64));
    expect(() => add('0123456789abcdef', 'e'.repeat(64))).toThrow(/UNIQUE/);
  });

  it('indexes sessions by id, by user and by last activity', async () => {
    at200();
    migrate(sqlite);
    const indexes = sqlite
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL ORDER BY name",
      )
      .all();
    expect(indexes).toEqual([
      { name: 'sessions_activity', sql: expect.stringContaining('(last_active_at_ms, id)') },
      {
        name: 'sessions_id',
        sql: expect.stringContaining('UNIQUE INDEX sessions_id ON sessions(id)'),
      },
      { name: 'sessions_user', sql: expect.stringContaining('(user_id)') },
    ]);
  });

  it('leaves the audit chain as it was: the old entries verify, new ones with a client extend it', async () => {
    at200();
    const before = (await verifyChain(db)).head;
    migrate(sqlite);
    expect(await verifyChain(db)).toMatchObject({ entries: 3, head: before, broken: null });
    expect(
      sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE client IS NULL').get(),
    ).toEqual({
      n: 3,
    });
    await writeTransaction(db, (trx) =>
      appendAudit(trx, {
        atMs: 2_000,
        actorUserId: null,
        actorName: null,
        operation: 'op.new',
        entityType: 'x',
        entityId: null,
        summary: {},
        client: '10.0.0.8',
      }),
    );
    expect(await verifyChain(db)).toMatchObject({ entries: 4, broken: null });
    // The append-only triggers still stand after the new column.
    expect(() => sqlite.exec("UPDATE audit_log SET client = 'x' WHERE id = 1")).toThrow(
      /append-only/,
    );
  });
});
