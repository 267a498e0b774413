import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, submitted } from '../../test-support';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { sqliteOnly } from '../../test-postgres';

describe('notifications lead somewhere', () => {
  it('an approval task and the decision lead to the request', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    const task = (await t.ok('notifications.list', {}, r.head.token)).items[0];
    expect(task).toMatchObject({
      kind: 'approval.task',
      target: { type: 'request', id: d.id },
    });
    await decideAs(t, r.head.token, d.id, 'return', '补充行程');
    const back = (await t.ok('notifications.list', {}, r.host.token)).items[0];
    expect(back).toMatchObject({
      kind: 'request.returned',
      target: { type: 'request', id: d.id },
    });
  });

  it('marking all read reaches the ones the bell does not show', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r);
    const user = r.head.userId;
    // 120 older notifications straight into the table: more than the 50 the list shows.
    t.exec(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
       INSERT INTO notifications (user_id, kind, title_key, params, created_at_ms, target)
       SELECT ?, 'approval.task', 'notifications.approvalTask', '{}', i, NULL FROM n`,
      user,
    );
    t.exec(
      `INSERT INTO notifications (user_id, kind, title_key, params, created_at_ms)
       VALUES (?, 'request.filed', 'notifications.requestFiled', '{}', 1)`,
      r.host.userId,
    );
    const before = await t.ok('notifications.list', {}, r.head.token);
    expect(before.items).toHaveLength(50);
    expect(before.unread).toBe(100); // counted to the badge's "99+"
    await t.ok('notifications.markAllRead', {}, r.head.token);
    const after = await t.ok('notifications.list', {}, r.head.token);
    expect(after.unread).toBe(0);
    expect(t.count('notifications', 'user_id = ? AND read_at_ms IS NULL', user)).toBe(0);
    // Another user's stay unread.
    expect(t.count('notifications', 'user_id <> ? AND read_at_ms IS NULL', user)).toBeGreaterThan(
      0,
    );
  });

  // SQLite's migrations: PostgreSQL starts from its own baseline schema (db/postgres).
  it.skipIf(sqliteOnly)(
    'migration 0090 gives older notifications about a request their target',
    async () => {
      const { t, r } = await companyApp();
      const d = await submitted(t, r);
      const sqlite = t.app.sqlite;
      sqlite.exec(`ALTER TABLE notifications DROP COLUMN target; PRAGMA user_version = 80;`);
      expect(
        migrate(
          sqlite,
          MIGRATIONS.filter((m) => m.version <= 90),
        ),
      ).toBe(90);
      const task = (await t.ok('notifications.list', {}, r.head.token)).items[0];
      expect(task?.target).toEqual({ type: 'request', id: d.id });
    },
  );
});
