import { describe, expect, it } from 'vitest';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { OperationName } from '../../shared/contract/names';
import {
  companyApp,
  decideAs,
  MINUTE,
  signedInUser,
  submitted,
  type TestApp,
} from '../test-support';
import stats from './planner-stats.json';
import { sweepDueTasks } from '../domains/tasks';

/**
 * The hot calls' query plans at ten years of data. The planner statistics of a generated database
 * of 500,000 visits (planner-stats.json, see scripts/planner-stats.ts) are loaded into a small
 * one, so SQLite plans as it would there; every statement the calls run is explained with the
 * values it was run with. A statement fails when it reads a large table from end to end (SCAN
 * without an index), and a paged list also when it sorts its rows instead of walking an index in
 * the list's order (USE TEMP B-TREE FOR ORDER BY).
 */

/** Tables that grow with the years; the others (users, departments, settings …) stay small. */
const LARGE = new Set([
  'requests',
  'request_revisions',
  'request_events',
  'approval_steps',
  'notifications',
  'audit_log',
  'sessions',
  'idempotency_keys',
  'delegations',
  'tasks',
]);

interface Ran {
  sql: string;
  args: unknown[];
}

function capture(t: TestApp) {
  const ran: Ran[] = [];
  t.app.statements.onRun = (sql, args) => ran.push({ sql, args });
  return {
    async during(fn: () => Promise<unknown>): Promise<Ran[]> {
      ran.length = 0;
      await fn();
      return [...ran];
    },
    restore: () => {
      t.app.statements.onRun = null;
    },
  };
}

/** Table names by the aliases a statement gives them (`"requests" as "r"`). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/"?(\w+)"?\s+as\s+"?(\w+)"?/gi)) out.set(m[2]!, m[1]!);
  return out;
}

/** What is wrong with a statement's plan, if anything. */
function planProblems(sqlite: SqliteDatabase, ran: Ran, paged: boolean): string[] {
  if (!/^\s*(select|with)\b/i.test(ran.sql)) return [];
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.args) as {
    detail: string;
  }[];
  const names = aliases(ran.sql);
  const problems: string[] = [];
  const sorts = plan.some((p) => p.detail.startsWith('USE TEMP B-TREE FOR ORDER BY'));
  // A table walked in rowid order that stops at a LIMIT (the newest page, a capped count) is a
  // bounded walk, not a scan: allowed when nothing is sorted.
  const bounded = /\blimit\b/i.test(ran.sql) && !sorts;
  for (const { detail } of plan) {
    const scan = /^SCAN (\w+)$/.exec(detail);
    const table = scan ? (names.get(scan[1]!) ?? scan[1]!) : null;
    if (table && LARGE.has(table) && !bounded) problems.push(`full scan of ${table}`);
  }
  if (paged && sorts) problems.push('sorts its rows');
  return problems.map((p) => `${p}: ${ran.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
}

function loadStats(sqlite: SqliteDatabase) {
  sqlite.exec('ANALYZE'); // creates sqlite_stat1
  sqlite.exec('DELETE FROM sqlite_stat1');
  const insert = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const s of stats) insert.run(s.tbl, s.idx, s.stat);
  sqlite.exec('DELETE FROM sqlite_stat4 WHERE tbl IN (SELECT tbl FROM sqlite_stat1)');
  sqlite.exec('ANALYZE sqlite_schema'); // reloads the statistics
}

describe('query plans of the hot calls at ten years of data', () => {
  it('the statistics are those of a large database', () => {
    const requests = stats.find((s) => s.tbl === 'requests' && s.idx === 'requests_updated');
    expect(Number(requests?.stat.split(' ')[0])).toBeGreaterThanOrEqual(100_000);
  });

  it('no hot call scans a large table; no paged list sorts its rows', async () => {
    const { t, r } = await companyApp();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await submitted(t, r, { orgName: `华东精密${i}` })).id);
      t.advance(MINUTE);
    }
    await decideAs(t, r.head.token, ids[0]!, 'approve');
    // Filed: its tasks exist (the host's, the admin office's).
    await decideAs(t, r.office.token, ids[0]!, 'approve');
    // A head of one department (李部长) and a head of two (周经理), for 本部门接待.
    const boss = await signedInUser(t, r.admin.token, { login: 'boss', roles: ['dept_head'] });
    for (const name of ['市场部', '研发部']) {
      await t.ok('departments.create', { name, headUserId: boss.userId }, r.admin.token);
    }
    loadStats(t.app.sqlite);

    const office = r.office.token;
    const calls: [string, OperationName, unknown, string, boolean][] = [
      ['all requests', 'requests.list', { scope: 'all' }, office, true],
      ['by status', 'requests.list', { scope: 'all', statuses: ['approving'] }, office, true],
      [
        'by two statuses',
        'requests.list',
        { scope: 'all', statuses: ['approved', 'filed'] },
        office,
        true,
      ],
      [
        'by department',
        'requests.list',
        { scope: 'all', departmentId: r.departmentId },
        office,
        true,
      ],
      ['by tier', 'requests.list', { scope: 'all', tiers: ['A'] }, office, true],
      [
        'by dates',
        'requests.list',
        { scope: 'all', fromDate: '2025-03-01', toDate: '2025-03-31', sort: 'arrival_asc' },
        office,
        true,
      ],
      ['by arrival', 'requests.list', { scope: 'all', sort: 'arrival_desc' }, office, true],
      ['by budget', 'requests.list', { scope: 'all', sort: 'budget_desc' }, office, true],
      [
        'a later page',
        'requests.list',
        { scope: 'all', after: { key: t.now(), id: ids[1]! } },
        office,
        true,
      ],
      ['search', 'requests.list', { scope: 'all', search: '晓明' }, office, false],
      ['my requests', 'requests.list', { scope: 'mine' }, r.host.token, true],
      [
        'my requests by arrival',
        'requests.list',
        { scope: 'mine', sort: 'arrival_asc' },
        r.host.token,
        true,
      ],
      // 本部门接待: each sort, with and without a status filter, for a head of one department and
      // of two (a walk of each department's index); a later page; dates; a search.
      ...(['updated_desc', 'arrival_desc', 'arrival_asc', 'budget_desc'] as const).flatMap((sort) =>
        [r.head.token, boss.token].flatMap((token, twice) =>
          [{}, { statuses: ['approving'] }, { statuses: ['approved', 'filed'] }].map(
            (filter) =>
              [
                `department (${twice ? 'two' : 'one'}) by ${sort} ${JSON.stringify(filter)}`,
                'requests.list',
                { scope: 'department', sort, ...filter },
                token,
                true,
              ] as [string, OperationName, unknown, string, boolean],
          ),
        ),
      ),
      [
        'department, a later page',
        'requests.list',
        { scope: 'department', after: { key: t.now(), id: ids[1]! } },
        r.head.token,
        true,
      ],
      [
        'department by dates',
        'requests.list',
        { scope: 'department', fromDate: '2025-03-01', toDate: '2025-03-31', sort: 'arrival_asc' },
        boss.token,
        true,
      ],
      [
        'department search',
        'requests.list',
        { scope: 'department', search: '晓明' },
        boss.token,
        false,
      ],
      ['dossier (head)', 'requests.get', { id: ids[1]! }, r.head.token, false],
      ['inbox (head)', 'approvals.inbox', {}, r.head.token, false],
      ['inbox (office)', 'approvals.inbox', {}, office, false],
      ['inbox (executive)', 'approvals.inbox', {}, r.executive.token, false],
      ['badge (office)', 'approvals.count', {}, office, false],
      ['decided (head)', 'approvals.decided', {}, r.head.token, true],
      [
        'decided, a later page',
        'approvals.decided',
        { after: { key: t.now(), id: 1_000_000 } },
        r.head.token,
        true,
      ],
      ['dossier', 'requests.get', { id: ids[0]! }, office, false],
      ['audit', 'audit.list', {}, r.admin.token, true],
      ['audit by operation', 'audit.list', { operation: 'requests.submit' }, r.admin.token, true],
      ['audit by actor', 'audit.list', { actorUserId: r.host.userId }, r.admin.token, true],
      ['audit by time', 'audit.list', { fromMs: 0, toMs: t.now() }, r.admin.token, true],
      ['audit search', 'audit.list', { search: '华东' }, r.admin.token, false],
      ['notifications', 'notifications.list', {}, r.host.token, true],
      // 我的待办: a person's open tasks, a role's, the recently done, a later page; a visit's.
      ['my tasks (host)', 'tasks.mine', {}, r.host.token, true],
      ['my tasks (office)', 'tasks.mine', {}, office, true],
      ['my tasks done', 'tasks.mine', { done: true }, office, true],
      ['my tasks, a later page', 'tasks.mine', { after: { key: t.now(), id: 1 } }, office, true],
      ["a visit's tasks", 'tasks.ofRequest', { requestId: ids[0]! }, r.host.token, false],
    ];
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, op, input, token, paged] of calls) {
        const ran = await c.during(() => t.ok(op, input as never, token));
        expect(ran.length, label).toBeGreaterThan(0);
        for (const s of ran) {
          // A head's list walks his departments' indexes, not the whole company's.
          if (label.startsWith('department') && paged && /order by "r"\./.test(s.sql)) {
            const plan = t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args);
            const onIndex = (plan as { detail: string }[]).some((p) =>
              p.detail.startsWith('SEARCH r USING INDEX requests_department_'),
            );
            if (!onIndex) problems.push(`${label}: not on a department's index: ${s.sql}`);
          }
          problems.push(...planProblems(t.app.sqlite, s, paged).map((p) => `${label}: ${p}`));
        }
      }
      // The reminder sweep: due tasks not yet reminded, on its partial index.
      const swept = await c.during(() => sweepDueTasks(t.app, t.now() + 30 * 86_400_000));
      for (const s of swept)
        problems.push(...planProblems(t.app.sqlite, s, true).map((p) => `sweep: ${p}`));
      // The write paths read too (codes, repeat visits, the chain).
      const submit = await c.during(() => submitted(t, r, { orgName: '上海电气' }));
      for (const s of submit) problems.push(...planProblems(t.app.sqlite, s, false));
    } finally {
      c.restore();
    }
    expect(problems).toEqual([]);
  });

  it('the check bites: a list without its index is caught', async () => {
    const { t } = await companyApp();
    loadStats(t.app.sqlite);
    const sqlite = t.app.sqlite;
    const problems = planProblems(
      sqlite,
      {
        sql: 'SELECT * FROM requests AS r WHERE r.visitor_count = ? ORDER BY r.org_name',
        args: [3],
      },
      true,
    );
    expect(problems.join('\n')).toMatch(/full scan of requests/);
    expect(problems.join('\n')).toMatch(/sorts its rows/);
  });
});
