import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../core/queries';
import { TEST_STORE } from '../../test-postgres';
import { adminApp, MINUTE, type TestApp } from '../../test-support';
import { appendAudit } from './audit';
import { entryHash, GENESIS_HASH, verifyChain, type ChainedFields } from './chain';

const FIELDS: ChainedFields = {
  atMs: 1_764_205_200_000,
  actorUserId: 1,
  actorName: '王管理',
  onBehalfOfUserId: null,
  onBehalfOfName: null,
  operation: 'departments.create',
  entityType: 'department',
  entityId: '3',
  summary: '{"name":"市场部"}',
};

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

describe('entryHash', () => {
  it('hashes an entry without a client exactly as before migration 0210 (audit-v1)', () => {
    const v1 = sha256(
      JSON.stringify([
        'audit-v1',
        GENESIS_HASH,
        FIELDS.atMs,
        1,
        '王管理',
        null,
        null,
        'departments.create',
        'department',
        '3',
        '{"name":"市场部"}',
      ]),
    );
    expect(entryHash(GENESIS_HASH, FIELDS)).toBe(v1);
    expect(entryHash(GENESIS_HASH, { ...FIELDS, client: null })).toBe(v1);
  });

  it('covers the client when there is one (audit-v2), so it cannot be changed unseen', () => {
    const v2 = entryHash(GENESIS_HASH, { ...FIELDS, client: '10.0.0.5' });
    expect(v2).toBe(
      sha256(
        JSON.stringify([
          'audit-v2',
          GENESIS_HASH,
          FIELDS.atMs,
          1,
          '王管理',
          null,
          null,
          'departments.create',
          'department',
          '3',
          '{"name":"市场部"}',
          '10.0.0.5',
        ]),
      ),
    );
    expect(v2).not.toBe(entryHash(GENESIS_HASH, FIELDS));
    expect(entryHash(GENESIS_HASH, { ...FIELDS, client: '10.0.0.6' })).not.toBe(v2);
    // An empty address is an address, not "none".
    expect(entryHash(GENESIS_HASH, { ...FIELDS, client: '' })).not.toBe(
      entryHash(GENESIS_HASH, FIELDS),
    );
  });
});

/** Runs `sql` on the app's database with the audit triggers off, then puts them back. */
function tamper(t: TestApp, sql: string, ...params: unknown[]) {
  if (TEST_STORE === 'postgres') {
    // Triggers (the append-only guard among them) do not fire for the replica role.
    t.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`, ...params);
    return;
  }
  const db = t.app.sqlite;
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
    )
    .all() as { name: string; sql: string }[];
  for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`);
  db.prepare(sql).run(...params);
  for (const tr of triggers) db.exec(tr.sql);
}

/**
 * An audit log with entries from three clients, after the first admin's (a call that named no
 * client), and one appended without a call — as a script does, and as every entry from before
 * migration 0210 is: no client.
 */
async function log() {
  const { t, admin } = await adminApp();
  for (const [i, client] of ['10.0.0.5', 'local-app', '::1'].entries()) {
    t.advance(MINUTE);
    await t.call('departments.create', { name: `部门${i}`, headUserId: null }, admin.token, client);
  }
  await writeTransaction(t.app.db, (trx) =>
    appendAudit(trx, { ...FIELDS, actorName: 'script', atMs: t.now() }),
  );
  const ids = t.rows<{ id: number; client: string | null }>(
    'SELECT id, client FROM audit_log ORDER BY id',
  );
  return { t, ids: ids.map((r) => r.id), clients: ids.map((r) => r.client) };
}

describe('the chain with clients', () => {
  it('verifies entries with and without a client', async () => {
    const { t, clients } = await log();
    expect(clients).toEqual(['unknown', '10.0.0.5', 'local-app', '::1', null]);
    expect((await verifyChain(t.app.db)).broken).toBeNull();
  });

  it.each<[string, string | null, number]>([
    ['changed', '10.9.9.9', 1],
    ['cleared (to pass for an entry from before 0210)', null, 2],
    ['set on an entry that had none', '10.0.0.5', 4],
  ])('finds a client %s', async (_what, value, index) => {
    const { t, ids } = await log();
    const id = ids[index]!;
    tamper(t, 'UPDATE audit_log SET client = ? WHERE id = ?', value, id);
    const report = await verifyChain(t.app.db);
    expect(report.broken).toMatchObject({ id, reason: expect.stringMatching(/edited/) });
    expect(report.entries).toBe(index);
  });
});
