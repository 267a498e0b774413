import { describe, expect, it } from 'vitest';
import { sqliteOnly } from '../../test-postgres';
import { companyApp, submitted } from '../../test-support';
import { samplePdf } from './test-files';

/**
 * The list of a record's files and their count, planned as at ten years of data: two million
 * attachments over a few hundred thousand requests (statistics written into sqlite_stat1, as
 * main/db/query-plans.test.ts does for the other tables). Each statement must find the record's
 * rows through `attachments_owner` and read them in its order: no scan, no sort.
 */
// SQLite's planner (sqlite_stat1, EXPLAIN QUERY PLAN, its statement hook): PostgreSQL plans
// with its own statistics.
describe.skipIf(sqliteOnly)('attachments query plans', () => {
  it('list and count use attachments_owner, without a scan or a sort', async () => {
    const { t, r } = await companyApp();
    const d = await submitted(t, r);
    for (const name of ['a.pdf', 'b.pdf']) {
      await t.ok(
        'attachments.upload',
        {
          ownerType: 'request',
          ownerId: d.id,
          fileName: name,
          dataBase64: samplePdf(name).toString('base64'),
        },
        r.host.token,
      );
    }
    const sqlite = t.app.sqlite;
    sqlite.exec('ANALYZE');
    sqlite.exec("DELETE FROM sqlite_stat1 WHERE tbl IN ('attachments', 'users')");
    const stat = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    stat.run('attachments', 'attachments_owner', '2000000 1000000 6 1');
    stat.run('attachments', null, '2000000');
    stat.run('users', 'sqlite_autoindex_users_1', '3000 1');
    sqlite.exec('ANALYZE sqlite_schema');

    const ran: { sql: string; args: unknown[] }[] = [];
    t.app.statements.onRun = (sql, args) => ran.push({ sql, args });
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.host.token,
    );
    await t.ok(
      'attachments.upload',
      {
        ownerType: 'request',
        ownerId: d.id,
        fileName: 'c.pdf',
        dataBase64: samplePdf('c').toString('base64'),
      },
      r.host.token,
    );
    t.app.statements.onRun = null;
    expect(list.items).toHaveLength(2);

    const ours = ran.filter((s) => /^\s*select\b/i.test(s.sql) && /"attachments"/.test(s.sql));
    // The list, the count before an upload, and the row read back after it.
    expect(ours.length).toBeGreaterThanOrEqual(3);
    for (const s of ours) {
      const plan = (
        sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[]
      ).map((p) => p.detail);
      const text = `${s.sql}\n${plan.join('\n')}`;
      expect(
        plan.some((p) => /^SCAN (a|attachments)\b/.test(p)),
        text,
      ).toBe(false);
      expect(
        plan.some((p) => p.startsWith('USE TEMP B-TREE')),
        text,
      ).toBe(false);
      expect(
        plan.some((p) =>
          /USING (COVERING )?INDEX attachments_owner|USING INTEGER PRIMARY KEY/.test(p),
        ),
        text,
      ).toBe(true);
    }
  });
});
