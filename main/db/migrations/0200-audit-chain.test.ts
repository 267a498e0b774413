import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../core/queries';
import { appendAudit } from '../../domains/audit';
import { GENESIS_HASH, verifyChain } from '../../domains/audit/chain';
import { makeTempDir } from '../../test-support';
import { applyPragmas } from '../open';
import { migrate } from '../migrate';
import type { DB } from '../schema';
import { MIGRATIONS } from './index';
import { insertRow } from './test-helpers';

const BEFORE = MIGRATIONS.filter((m) => m.version < 200);

let file: string;
let sqlite: Database;
let db: Kysely<DB>;

function open() {
  sqlite = new BetterSqlite3(file);
  applyPragmas(sqlite);
  db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}

const verify = () => verifyChain(db);

async function append(operation: string, summary: unknown = {}) {
  await writeTransaction(db, (trx) =>
    appendAudit(trx, {
      atMs: 1_000,
      actorUserId: null,
      actorName: 'tester',
      operation,
      entityType: 'x',
      entityId: '1',
      summary,
    }),
  );
}

/** Runs `sql` with the append-only triggers dropped, then puts them back as 0200 left them. */
function withoutTriggers(sql: string) {
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  sqlite.exec(sql);
  for (const t of triggers) sqlite.exec(t.sql);
}

beforeEach(() => {
  file = path.join(makeTempDir(), 'chain.db');
});

afterEach(async () => {
  await db.destroy();
});

describe('migration 0200 (audit chain)', () => {
  it('chains the entries already there, in id order, and new ones continue the chain', async () => {
    open();
    migrate(sqlite, BEFORE);
    for (let i = 0; i < 7; i++) {
      insertRow(sqlite, 'audit_log', {
        at_ms: 100 + i,
        operation: `old.${i}`,
        entity_type: 'x',
        entity_id: i % 2 ? String(i) : null,
        summary: JSON.stringify({ i, name: '张三' }),
      });
    }
    migrate(sqlite);
    expect(await verify()).toMatchObject({ entries: 7, broken: null });
    const first = sqlite.prepare('SELECT prev_hash FROM audit_log ORDER BY id LIMIT 1').get();
    expect(first).toEqual({ prev_hash: GENESIS_HASH });
    await append('new.one', { text: 'lone \ud800 surrogate and NUL \u0000' });
    await append('new.two');
    const report = await verify();
    expect(report).toMatchObject({ entries: 9, broken: null });
    expect(sqlite.prepare('SELECT entries, last_hash FROM audit_head').get()).toEqual({
      entries: 9,
      last_hash: report.head,
    });
  });

  it('stores a lone surrogate in a name as U+FFFD, so the entry still verifies', async () => {
    open();
    migrate(sqlite);
    await writeTransaction(db, (trx) =>
      appendAudit(trx, {
        atMs: 1,
        actorUserId: null,
        actorName: 'a\ud800b',
        operation: 'x',
        entityType: 'y',
        entityId: null,
        summary: {},
      }),
    );
    expect(sqlite.prepare('SELECT actor_name FROM audit_log').get()).toEqual({
      actor_name: 'a\uFFFDb',
    });
    expect((await verify()).broken).toBeNull();
  });

  describe('with entries', () => {
    beforeEach(async () => {
      open();
      migrate(sqlite);
      for (let i = 0; i < 6; i++) await append(`op.${i}`, { i });
      expect((await verify()).broken).toBeNull();
    });

    it('refuses an entry that does not link to the newest one, or slots in before it', () => {
      const last = sqlite
        .prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
        .get() as {
        id: number;
        hash: string;
      };
      const add = sqlite.prepare(
        `INSERT INTO audit_log (id, at_ms, operation, entity_type, prev_hash, hash)
         VALUES (?, 1, 'forged', 'x', ?, ?)`,
      );
      const h = 'f'.repeat(64);
      expect(() => add.run(null, GENESIS_HASH, h)).toThrow(/hash chain/);
      expect(() => add.run(null, last.hash, null)).toThrow(/hash chain/);
      expect(() => add.run(-5, last.hash, h)).toThrow(/hash chain/);
      expect(() =>
        sqlite.exec("UPDATE audit_head SET entries = 3, last_hash = 'x' WHERE id = 1"),
      ).toThrow(/audit_head/);
      expect(() => sqlite.exec('DELETE FROM audit_head')).toThrow(/audit_head/);
      expect(() =>
        sqlite.exec("INSERT OR REPLACE INTO audit_head VALUES (1, 0, NULL, 'x')"),
      ).toThrow(/audit_head/);
      expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 6 });
    });

    it('detects a field edited with the triggers dropped', async () => {
      withoutTriggers(`UPDATE audit_log SET summary = '{"i":99}' WHERE id = 3`);
      expect((await verify()).broken).toMatchObject({
        id: 3,
        reason: expect.stringMatching(/edited/),
      });
    });

    it('detects a middle entry deleted', async () => {
      withoutTriggers('DELETE FROM audit_log WHERE id = 4');
      expect((await verify()).broken).toMatchObject({ id: 5 });
    });

    it('detects the first entries deleted', async () => {
      withoutTriggers('DELETE FROM audit_log WHERE id <= 2');
      expect((await verify()).broken).toMatchObject({ id: 3 });
    });

    it('detects entries cut off the end through the head, not when the head is rolled back too', async () => {
      withoutTriggers('DELETE FROM audit_log WHERE id > 4');
      expect((await verify()).broken).toMatchObject({
        id: null,
        reason: expect.stringMatching(/6 entries/),
      });
      withoutTriggers(
        'UPDATE audit_head SET entries = 4, last_id = 4, last_hash = (SELECT hash FROM audit_log WHERE id = 4)',
      );
      // The limit of a chain kept in the same file: only a head kept elsewhere finds this.
      expect((await verify()).broken).toBeNull();
    });

    it('detects two entries swapped', async () => {
      withoutTriggers(`
        UPDATE audit_log SET id = -2 WHERE id = 2;
        UPDATE audit_log SET id = 2 WHERE id = 3;
        UPDATE audit_log SET id = 3 WHERE id = -2;
      `);
      expect((await verify()).broken).toMatchObject({ id: 2 });
    });
  });
});
