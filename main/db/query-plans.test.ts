import { describe, expect, it } from 'vitest';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { OperationName } from '../../shared/contract/names';
import { bookingCompany, filedRequest } from '../domains/bookings/test-company';
import {
  companyApp,
  decideAs,
  makeTestApp,
  MINUTE,
  signedInUser,
  signIn,
  submitted,
  type TestApp,
} from '../test-support';
import stats from './planner-stats.json';
import { sweepDueTasks } from '../domains/tasks';
import {
  expensePageQuery,
  periodLines,
  requestNamesQuery,
} from '../domains/exports/sources/expenses';
import { bookingPageQuery } from '../domains/exports/sources/bookings';
import { directoryPrefixes, prefixQuery } from '../domains/frontdesk/directory';
import { checkInOf, deskClerk, deskVisit, VISIT_DAY } from '../domains/frontdesk/test-desk';
import { bTierLunchBody, filedVisit, financeClerk, lineOf } from '../domains/expenses/test-money';
import { insertIssuedAdvance, insertLine } from '../domains/expenses/test-reconcile';
import { randomLines, seededRandom, seedVisit } from '../domains/expenses/finance-seed';

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
  'bookings',
  'booking_slots',
  'frontdesk_guests',
  'frontdesk_walk_ins',
  'frontdesk_directory',
  'expense_lines',
  'expense_reconciliations',
  'expense_budgets',
  'expense_line_summaries',
  'expense_visit_summaries',
  'expense_budget_summaries',
]);

/**
 * The bookings tables at ten years (issue 10): ANALYZE of the bench's bookings (bench/bookings.ts:
 * 12 cars, 12 drivers and 6 rooms busy every day for ten years, 400,000 slots), with about five
 * bookings per request (most of them made from plan lines) as 500,000 visits would have.
 * scripts/planner-stats.ts reads a generated database, which has no bookings yet.
 */
const BOOKING_STATS = [
  { tbl: 'booking_resources', idx: 'booking_resources_name', stat: '30 10 1' },
  { tbl: 'booking_slots', idx: 'booking_slots', stat: '402620 2 1' },
  { tbl: 'booking_slots', idx: 'booking_slots_resource', stat: '402620 13421 1 1' },
  { tbl: 'bookings', idx: 'bookings_day', stat: '231816 38636 2' },
  { tbl: 'bookings', idx: 'bookings_need', stat: '200000 5 1' },
  { tbl: 'bookings', idx: 'bookings_request', stat: '243934 5 1' },
];

/**
 * The front desk's tables at ten years (issue 11), hand-entered: 500,000 visits of three visitors
 * each, about 1.5 million attendance rows (410 a day) of which some fifty are inside at any time;
 * twenty walk-ins a day; a watchlist of a few hundred entries, most active; 1.5 million people in
 * the visitor directory (a few share initials, far fewer a full pinyin, a phone or a name).
 */
const FRONTDESK_STATS = [
  { tbl: 'frontdesk_guests', idx: 'frontdesk_guests_day', stat: '1500000 410' },
  { tbl: 'frontdesk_guests', idx: 'frontdesk_guests_inside', stat: '50 1' },
  { tbl: 'frontdesk_guests', idx: 'frontdesk_guests_badge', stat: '50 50 1' },
  { tbl: 'frontdesk_guests', idx: 'sqlite_autoindex_frontdesk_guests_1', stat: '1500000 3 1 1' },
  { tbl: 'frontdesk_walk_ins', idx: 'frontdesk_walk_ins_day', stat: '73000 20' },
  { tbl: 'frontdesk_walk_ins', idx: 'frontdesk_walk_ins_host', stat: '73000 60 30' },
  { tbl: 'frontdesk_watchlist', idx: 'frontdesk_watchlist_active', stat: '300 150' },
  {
    tbl: 'frontdesk_directory',
    idx: 'sqlite_autoindex_frontdesk_directory_1',
    stat: '1500000 3 1 1',
  },
  { tbl: 'frontdesk_directory', idx: 'frontdesk_directory_initials', stat: '1500000 60' },
  { tbl: 'frontdesk_directory', idx: 'frontdesk_directory_pinyin', stat: '1500000 4' },
  { tbl: 'frontdesk_directory', idx: 'frontdesk_directory_phone', stat: '1500000 2' },
  { tbl: 'frontdesk_directory', idx: 'frontdesk_directory_org', stat: '1500000 30' },
  { tbl: 'frontdesk_directory', idx: 'frontdesk_directory_last_day', stat: '1500000 410' },
];
/**
 * The expenses at ten years (issue 12), hand-entered: 2,000,000 expense lines (about 550 a day,
 * some 20 departments, nine categories, four tiers, four statuses), four lines and one
 * reconciliation per visit of 500,000, nine budget rows per visit.
 */
const EXPENSE_STATS = [
  { tbl: 'expense_lines', idx: 'expense_lines_period', stat: '2000000 550 30 6 3 2 1 1 1' },
  { tbl: 'expense_lines', idx: 'expense_lines_request', stat: '2000000 4 2 1' },
  { tbl: 'expense_lines', idx: 'expense_lines_invoice', stat: '1800000 1' },
  { tbl: 'expense_lines', idx: 'expense_lines_booking', stat: '400000 1' },
  // Migration 0190: the lines by day, in id order within a day.
  { tbl: 'expense_lines', idx: 'expense_lines_day', stat: '2000000 550' },
  {
    tbl: 'expense_reconciliations',
    idx: 'expense_reconciliations_status',
    stat: '500000 125000 1 1',
  },
  {
    tbl: 'expense_reconciliations',
    idx: 'sqlite_autoindex_expense_reconciliations_1',
    stat: '500000 1',
  },
  { tbl: 'expense_budgets', idx: 'sqlite_autoindex_expense_budgets_1', stat: '4500000 9 1' },
  // Migration 0170: the dashboard's index-only reads (a fifth of the lines are over the cap).
  {
    tbl: 'expense_lines',
    idx: 'expense_lines_spend',
    stat: '2000000 550 140 20 4 2 1 1 1 1 1 1',
  },
  { tbl: 'expense_lines', idx: 'expense_lines_over', stat: '400000 110 1 1' },
  { tbl: 'requests', idx: 'requests_arrival_facts', stat: '500000 135 33 13 3 2' },
  // Migration 0180: the monthly summaries (120 months; some 1,500 line groups, 300 visit groups
  // and 2,000 budget groups a month).
  {
    tbl: 'expense_line_summaries',
    idx: 'expense_line_summaries',
    stat: '180000 1500 75 20 3 2 1 1',
  },
  { tbl: 'expense_visit_summaries', idx: 'expense_visit_summaries', stat: '36000 300 15 4 1' },
  {
    tbl: 'expense_budget_summaries',
    idx: 'expense_budget_summaries',
    stat: '240000 2000 100 25 9 1',
  },
];

/**
 * Sign-in sessions at ten years (issue 14), hand-entered: a million sessions (some 500 people
 * signing in a few times a day; a session is never deleted, only ended), by token hash, by id,
 * by person and by last activity.
 */
const SESSION_STATS = [
  { tbl: 'sessions', idx: 'sqlite_autoindex_sessions_1', stat: '1000000 1' },
  { tbl: 'sessions', idx: 'sessions_id', stat: '1000000 1' },
  { tbl: 'sessions', idx: 'sessions_user', stat: '1000000 2000' },
  { tbl: 'sessions', idx: 'sessions_activity', stat: '1000000 2 1' },
];

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
  for (const s of [
    ...stats,
    ...BOOKING_STATS,
    ...FRONTDESK_STATS,
    ...EXPENSE_STATS,
    ...SESSION_STATS,
  ])
    insert.run(s.tbl, s.idx, s.stat);
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

  it('bookings: the conflict check and the hot reads walk their indexes', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r);
    const office = c.r.office.token;
    const car = (startTime: string, endTime: string) => ({
      kind: 'car' as const,
      carKind: 'transfer' as const,
      vehicleId: c.sedan.id,
      driverId: c.driverA.id,
      from: '公司',
      to: '工厂',
      passengers: 2,
      transportNo: '',
      startDate: '2026-12-01',
      startTime,
      endDate: '2026-12-01',
      endTime,
    });
    const save = (status: 'tentative' | 'confirmed', detail: ReturnType<typeof car>) =>
      t.ok(
        'bookings.save',
        { id: null, version: null, requestId: request.id, needKey: null, status, detail },
        office,
      );
    await save('confirmed', car('08:00', '09:00'));
    const tentative = await save('tentative', car('13:00', '14:00'));
    loadStats(t.app.sqlite);

    const free = {
      startDate: '2026-12-01',
      startTime: '00:00',
      endDate: '2026-12-02',
      endTime: '00:00',
      passengers: 3,
      attendees: 5,
      equipment: [],
    };
    const calls: [string, () => Promise<unknown>, boolean][] = [
      ['conflict check (save)', () => save('confirmed', car('10:00', '11:00')), false],
      [
        'conflict check (confirm)',
        () =>
          t.ok(
            'bookings.setStatus',
            { id: tentative.id, version: tentative.version, status: 'confirmed' },
            office,
          ),
        false,
      ],
      ['free', () => t.ok('bookings.free', free, office), false],
      ['plan', () => t.ok('bookings.plan', { requestId: request.id }, office), false],
      [
        'calendar',
        () =>
          t.ok(
            'bookings.calendar',
            { resourceKind: 'vehicle', from: '2026-11-30', days: 7 },
            office,
          ),
        false,
      ],
      ['day', () => t.ok('bookings.day', { date: '2026-12-01' }, office), true],
      ['of a request', () => t.ok('bookings.ofRequest', { requestId: request.id }, office), false],
      ['to plan', () => t.ok('bookings.toPlan', { cursor: null }, office), true],
      [
        'to plan, a later page',
        () => t.ok('bookings.toPlan', { cursor: `2026-12-01:${request.id}` }, office),
        true,
      ],
      [
        'resources',
        () => t.ok('bookings.resources', { kind: null, includeInactive: false }, office),
        false,
      ],
      [
        'resources of a kind',
        () => t.ok('bookings.resources', { kind: 'vehicle', includeInactive: true }, office),
        false,
      ],
    ];
    // The statements that matter, and the index step each must take, covering or not (beside no
    // full scan of a large table anywhere, and no sort in a paged list).
    const SLOTS_BY_RESOURCE =
      'booking_slots_resource (resource_id=? AND start_ms>? AND start_ms<?)';
    const must: [string, RegExp, string][] = [
      // The conflict check (clashesWith): one resource's short range of the index.
      [
        'conflict check (save)',
        /from "booking_slots" as "s"/,
        `SEARCH s USING INDEX ${SLOTS_BY_RESOURCE}`,
      ],
      [
        'conflict check (confirm)',
        /from "booking_slots" as "s"/,
        `SEARCH s USING INDEX ${SLOTS_BY_RESOURCE}`,
      ],
      // busyResources: the same range for each resource of a kind.
      [
        'free',
        /from "booking_slots" where "resource_id" in/,
        `SEARCH booking_slots USING INDEX ${SLOTS_BY_RESOURCE}`,
      ],
      [
        'plan',
        /from "booking_slots" where "resource_id" in/,
        `SEARCH booking_slots USING INDEX ${SLOTS_BY_RESOURCE}`,
      ],
      ['plan', /from "bookings" as "b"/, 'SEARCH b USING INDEX bookings_request (request_id=?)'],
      // The calendar's slots of the days shown.
      ['calendar', /from "booking_slots" as "s"/, `SEARCH s USING INDEX ${SLOTS_BY_RESOURCE}`],
      [
        'day',
        /from "bookings" as "b"/,
        'SEARCH b USING INDEX bookings_day (kind=? AND start_ms>? AND start_ms<?)',
      ],
      [
        'of a request',
        /from "bookings" as "b"/,
        'SEARCH b USING INDEX bookings_request (request_id=?)',
      ],
      // The work list walks the requests arriving from today in arrival order (requests_arrival,
      // stopping at a page of approved and filed ones) rather than sorting them.
      [
        'to plan',
        /from "requests" as "r"/,
        'SEARCH r USING INDEX requests_arrival (arrival_date>?)',
      ],
      [
        'to plan, a later page',
        /from "requests" as "r"/,
        'SEARCH r USING INDEX requests_arrival (arrival_date>?)',
      ],
    ];
    const c2 = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, fn, paged] of calls) {
        const ran = await c2.during(fn);
        expect(ran.length, label).toBeGreaterThan(0);
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, paged).map((p) => `${label}: ${p}`));
        }
        for (const [, pattern, step] of must.filter(([l]) => l === label)) {
          const matching = ran.filter((s) => pattern.test(s.sql));
          if (matching.length === 0) problems.push(`${label}: no statement ${String(pattern)}`);
          for (const s of matching) {
            const plan = (
              t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as {
                detail: string;
              }[]
            ).map((p) => p.detail.replace('USING COVERING INDEX', 'USING INDEX'));
            if (!plan.includes(step)) {
              problems.push(`${label}: not ${step}: ${plan.join(' | ')}: ${s.sql.slice(0, 200)}`);
            }
          }
        }
      }
    } finally {
      c2.restore();
    }
    expect(problems).toEqual([]);
  });

  it('front desk: the board, attendance, walk-ins, the watchlist and the directory walk their indexes', async () => {
    const { t, r } = await companyApp();
    const desk = await deskClerk(t, r);
    const id = await deskVisit(t, r);
    await t.ok('frontdesk.checkIn', checkInOf(id, [0]), desk.token);
    loadStats(t.app.sqlite);
    const db = t.app.db;
    const plan = (ran: Ran) =>
      (
        t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.args) as {
          detail: string;
        }[]
      ).map((p) => p.detail.replace('USING COVERING INDEX', 'USING INDEX'));
    const compiled = (q: { compile(): { sql: string; parameters: readonly unknown[] } }): Ran => {
      const c = q.compile();
      return { sql: c.sql, args: [...c.parameters] };
    };

    const calls: [string, () => Promise<unknown>, boolean][] = [
      ['board', () => t.ok('frontdesk.board', { day: VISIT_DAY }, desk.token), false],
      ['on site', () => t.ok('frontdesk.onSite', { arrivedBefore: null }, desk.token), false],
      [
        'on site by day',
        () => t.ok('frontdesk.onSite', { arrivedBefore: VISIT_DAY }, desk.token),
        false,
      ],
      ['check-in', () => t.ok('frontdesk.checkIn', checkInOf(id, [1], 7), desk.token), false],
      ...['zs', '张', 'zhang', '139', '华东'].map(
        (query): [string, () => Promise<unknown>, boolean] => [
          `suggest ${query}`,
          () => t.ok('frontdesk.suggestVisitors', { query }, r.host.token),
          false,
        ],
      ),
    ];
    // The statements that matter, and the index step each must take (one of them).
    const must: [string, RegExp, string | string[]][] = [
      // The board: the visits whose stay covers the day, one range of the arrival index.
      [
        'board',
        /from "requests" cross join "users"/,
        'SEARCH requests USING INDEX requests_arrival (arrival_date>? AND arrival_date<?)',
      ],
      // The day's attendance: the day's index, or (few visits) each visit's rows of the unique key.
      [
        'board',
        /from "frontdesk_guests"/,
        [
          'SEARCH frontdesk_guests USING INDEX frontdesk_guests_day (day=?)',
          'SEARCH frontdesk_guests USING INDEX sqlite_autoindex_frontdesk_guests_1 (request_id=?)',
        ],
      ],
      [
        'board',
        /from "frontdesk_watchlist"/,
        'SEARCH frontdesk_watchlist USING INDEX frontdesk_watchlist_active (active=?)',
      ],
      // Who is inside: the partial index of those not gone.
      [
        'on site',
        /from "frontdesk_guests" inner join/,
        'SCAN frontdesk_guests USING INDEX frontdesk_guests_inside',
      ],
      [
        'on site by day',
        /from "frontdesk_guests" inner join/,
        'SEARCH frontdesk_guests USING INDEX frontdesk_guests_inside (arrived_at_ms<?)',
      ],
      // Badges worn today.
      [
        'check-in',
        /"badge_no" in/,
        'SEARCH frontdesk_guests USING INDEX frontdesk_guests_badge (day=? AND badge_no=?)',
      ],
    ];
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, fn, paged] of calls) {
        const ran = await c.during(fn);
        expect(ran.length, label).toBeGreaterThan(0);
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, paged).map((p) => `${label}: ${p}`));
          if (process.env.PLANS) console.log(label, s.sql, plan(s));
        }
        for (const [, pattern, step] of must.filter(([l]) => l === label)) {
          const matching = ran.filter((s) => pattern.test(s.sql));
          if (matching.length === 0) problems.push(`${label}: no statement ${String(pattern)}`);
          for (const s of matching) {
            const p = plan(s);
            const steps = typeof step === 'string' ? [step] : step;
            if (!steps.some((x) => p.includes(x))) {
              problems.push(`${label}: not ${steps.join(' or ')}: ${p.join(' | ')}: ${s.sql}`);
            }
          }
        }
      }
    } finally {
      c.restore();
    }

    // The directory's prefix searches, as suggestVisitors builds them: each on its own index.
    const INDEX = {
      nameKey: 'sqlite_autoindex_frontdesk_directory_1 (name_key>? AND name_key<?)',
      initials: 'frontdesk_directory_initials (initials>? AND initials<?)',
      pinyin: 'frontdesk_directory_pinyin (pinyin>? AND pinyin<?)',
      phone: 'frontdesk_directory_phone (phone>? AND phone<?)',
      orgKey: 'frontdesk_directory_org (org_key>? AND org_key<?)',
    };
    const columns = new Set<string>();
    for (const query of ['zs', '张', '139', '华东']) {
      for (const { column, prefix } of directoryPrefixes(query)) {
        columns.add(column);
        const p = plan(compiled(prefixQuery(db, column, prefix)));
        const step = `SEARCH frontdesk_directory USING INDEX ${INDEX[column]}`;
        if (!p.includes(step))
          problems.push(`directory ${column} ${prefix}: not ${step}: ${p.join(' | ')}`);
      }
    }
    expect([...columns].sort()).toEqual(Object.keys(INDEX).sort());

    // Walk-ins (their services land beside this; these are the reads they make): a day's list,
    // and a host's pending ones.
    const walkIns: [string, Ran, string][] = [
      [
        'walk-ins of a day',
        compiled(
          db
            .selectFrom('frontdeskWalkIns')
            .selectAll()
            .where('day', '=', VISIT_DAY)
            .orderBy('registeredAtMs'),
        ),
        'SEARCH frontdesk_walk_ins USING INDEX frontdesk_walk_ins_day (day=?)',
      ],
      [
        "a host's pending walk-ins",
        compiled(
          db
            .selectFrom('frontdeskWalkIns')
            .selectAll()
            .where('hostUserId', '=', r.host.userId)
            .where('status', '=', 'pending'),
        ),
        'SEARCH frontdesk_walk_ins USING INDEX frontdesk_walk_ins_host (host_user_id=? AND status=?)',
      ],
    ];
    for (const [label, ran, step] of walkIns) {
      problems.push(...planProblems(t.app.sqlite, ran, false).map((p) => `${label}: ${p}`));
      const p = plan(ran);
      if (!p.includes(step)) problems.push(`${label}: not ${step}: ${p.join(' | ')}`);
    }
    expect(problems).toEqual([]);
    // The check bites here too: a LIKE (which no index serves) reads the whole directory.
    const like = compiled(
      db.selectFrom('frontdeskDirectory').select('title').where('nameKey', 'like', 'zs%'),
    );
    expect(planProblems(t.app.sqlite, like, false).join('\n')).toMatch(
      /full scan of frontdesk_directory/,
    );
  });

  it("cash advances: finance's lists, the inbox and the asking walk their indexes", async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const ask = (amountFen: number) =>
      t.ok(
        'expenses.saveAdvance',
        { requestId, id: null, version: null, amountFen, purpose: '餐费' },
        r.host.token,
      );
    await ask(10_000);
    await ask(10_000);
    loadStats(t.app.sqlite);
    // Ten years of advances (hand-entered): 150,000, most of them cleared long ago; a few dozen
    // approved or issued at any time; one to three per visit.
    const insert = t.app.sqlite.prepare(
      'INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)',
    );
    insert.run('expense_advances', 'expense_advances_status', '150000 21000 2 1');
    insert.run('expense_advances', 'sqlite_autoindex_expense_advances_1', '150000 2 1');
    t.app.sqlite.exec('ANALYZE sqlite_schema');
    const after = { key: t.now(), id: 1 };
    const calls: [string, OperationName, unknown, string, boolean][] = [
      ['to issue', 'expenses.advances', { status: 'approved' }, finance.token, true],
      ['outstanding', 'expenses.advances', { status: 'issued' }, finance.token, true],
      ['a later page', 'expenses.advances', { status: 'issued', after }, finance.token, true],
      ['inbox with advances (head)', 'approvals.inbox', {}, r.head.token, false],
    ];
    const c = capture(t);
    const problems: string[] = [];
    const scans = (s: Ran) =>
      (t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[])
        .filter((p) => /^SCAN (a|expense_advances)\b/.test(p.detail))
        .map((p) => `${p.detail}: ${s.sql}`);
    try {
      for (const [label, op, input, token, paged] of calls) {
        const ran = await c.during(() => t.ok(op, input as never, token));
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, paged).map((p) => `${label}: ${p}`));
          problems.push(...scans(s).map((p) => `${label}: ${p}`));
        }
      }
      // The asking reads too: the visit's live advances, its last number.
      for (const s of await c.during(() => ask(10_000))) {
        problems.push(...planProblems(t.app.sqlite, s, false), ...scans(s));
      }
    } finally {
      c.restore();
    }
    expect(problems).toEqual([]);
  });

  it('reconciliation: the submission and the inbox walk their indexes', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const requestId = await filedVisit(t, r, bTierLunchBody());
    await insertIssuedAdvance(t, requestId, 100_000, finance.userId);
    await insertLine(t, requestId, { invoiceNo: '2631-0001' });
    await insertLine(t, requestId, { invoiceNo: '2631-0002', amountFen: 20_000 });
    loadStats(t.app.sqlite);
    // Ten years of money, hand-entered: 2 million lines (four a visit, invoice numbers nearly
    // unique), a reconciliation and an advance a visit, two receipts a line.
    const insert = t.app.sqlite.prepare(
      'INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)',
    );
    for (const [tbl, idx, stat] of [
      ['expense_lines', 'expense_lines_request', '2000000 4 2 1'],
      ['expense_lines', 'expense_lines_invoice', '1800000 1'],
      ['expense_reconciliations', 'sqlite_autoindex_expense_reconciliations_1', '500000 1'],
      ['expense_advances', 'sqlite_autoindex_expense_advances_1', '500000 1 1'],
      ['attachments', 'attachments_owner', '4000000 2000000 2 1'],
    ]) {
      insert.run(tbl, idx, stat);
    }
    t.app.sqlite.exec('ANALYZE sqlite_schema');
    const large = (table: string) =>
      LARGE.has(table) ||
      ['expense_lines', 'expense_reconciliations', 'expense_advances', 'attachments'].includes(
        table,
      );
    const explain = (s: Ran) =>
      (
        t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[]
      ).map((p) => p.detail.replace('USING COVERING INDEX', 'USING INDEX'));
    const calls: [string, () => Promise<unknown>, [RegExp, string][]][] = [
      [
        'submit',
        () => t.ok('expenses.submit', { requestId, version: null }, r.host.token),
        [
          [
            /from "expense_lines" where "request_id" = \?/,
            'SEARCH expense_lines USING INDEX expense_lines_request (request_id=?)',
          ],
          [/"o"\."invoice_key" in/, 'SEARCH o USING INDEX expense_lines_invoice (invoice_key=?)'],
          [
            /from "attachments"/,
            'SEARCH attachments USING INDEX attachments_owner (owner_type=? AND owner_id=?)',
          ],
        ],
      ],
      [
        'inbox',
        () => t.ok('approvals.inbox', {}, r.head.token),
        [
          [
            /sum\("amount_fen"\)/,
            'SEARCH expense_lines USING INDEX expense_lines_request (request_id=?)',
          ],
        ],
      ],
    ];
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, fn, must] of calls) {
        const ran = await c.during(fn);
        for (const s of ran.filter((x) => /^\s*select\b/i.test(x.sql))) {
          const names = aliases(s.sql);
          for (const d of explain(s)) {
            // A scan, even along an index, reads the whole table.
            const scan = /^SCAN (\w+)( USING (COVERING )?INDEX \w+)?$/.exec(d)?.[1];
            const table = scan ? (names.get(scan) ?? scan) : null;
            if (table && large(table)) problems.push(`${label}: full scan of ${table}: ${s.sql}`);
          }
        }
        for (const [pattern, step] of must) {
          const matching = ran.filter((s) => pattern.test(s.sql));
          if (matching.length === 0) problems.push(`${label}: no statement ${String(pattern)}`);
          for (const s of matching) {
            const plan = explain(s);
            if (!plan.some((p) => p.startsWith(step))) {
              problems.push(`${label}: not ${step}: ${plan.join(' | ')}: ${s.sql.slice(0, 200)}`);
            }
          }
        }
      }
    } finally {
      c.restore();
    }
    expect(problems).toEqual([]);
  });

  it('finance: the period report, its lines, the queue and the dashboard walk their indexes', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const now = t.now();
    for (const [i, status] of (['approving', 'settled', 'open'] as const).entries()) {
      const v = await seedVisit(
        t.app.db,
        {
          code: `PLAN-${i}`,
          tier: 'B',
          departmentId: r.departmentId,
          hostUserId: r.host.userId,
          arrivalDate: `2026-0${i + 1}-10`,
          requestStatus: 'settled',
          reconciliation: { status, submittedAtMs: status === 'open' ? null : now - i },
          lines: randomLines(seededRandom(i), `2026-0${i + 1}-10`, 6, 3),
        },
        now,
      );
      await t.app.db
        .insertInto('approvalSteps')
        .values({
          subjectType: 'reconciliation',
          subjectId: v.reconciliationId!,
          revision: 1,
          seq: 1,
          kind: 'finance',
          reason: 'base',
          assigneeUserId: null,
          status: 'pending',
          decidedBy: null,
          onBehalfOf: null,
          decidedAtMs: null,
          pendingSinceMs: now,
        })
        .execute();
    }
    loadStats(t.app.sqlite);
    const token = finance.token;
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const report =
      (groupBy: string, period: object = year) =>
      () =>
        t.ok('expenses.report', { period: { ...year, ...period }, groupBy } as never, token);
    const calls: [string, () => Promise<unknown>, boolean][] = [
      ['report by department', report('department'), false],
      ['report by tier', report('tier'), false],
      ['report by category', report('category'), false],
      ['report by status', report('status'), false],
      ['report of a department', report('category', { departmentId: r.departmentId }), false],
      ['report over the cap', report('department', { overCapOnly: true }), false],
      ['report by host', report('host'), false],
      ['report of a host', report('department', { hostUserId: r.host.userId }), false],
      [
        'report of partial months',
        report('department', { from: '2026-01-15', to: '2026-11-20' }),
        false,
      ],
      ['lines', () => t.ok('expenses.lines', { period: year }, token), true],
      [
        'lines, a later page',
        () => t.ok('expenses.lines', { period: year, after: { key: '2026-02-10', id: 3 } }, token),
        true,
      ],
      [
        'lines of a category',
        () => t.ok('expenses.lines', { period: { ...year, category: 'meals' } }, token),
        true,
      ],
      ['queue', () => t.ok('expenses.reconciliations', { status: 'approving' }, token), true],
      [
        'queue, a later page',
        () =>
          t.ok(
            'expenses.reconciliations',
            { status: 'approving', after: { key: now - 100, id: 1 } },
            token,
          ),
        true,
      ],
      [
        'queue of open ones',
        () => t.ok('expenses.reconciliations', { status: 'open' }, token),
        true,
      ],
      ['dashboard', () => t.ok('expenses.dashboard', { period: year }, token), false],
      [
        'dashboard of a department',
        () =>
          t.ok('expenses.dashboard', { period: { ...year, departmentId: r.departmentId } }, token),
        false,
      ],
      [
        'dashboard of a host',
        () => t.ok('expenses.dashboard', { period: { ...year, hostUserId: r.host.userId } }, token),
        false,
      ],
      [
        'dashboard of partial months',
        () =>
          t.ok('expenses.dashboard', { period: { from: '2026-01-15', to: '2026-11-20' } }, token),
        false,
      ],
    ];
    const PERIOD_RANGE = 'expense_lines_period (spent_on>? AND spent_on<?)';
    const COVERING = `SEARCH l USING COVERING INDEX ${PERIOD_RANGE}`;
    const ON_PERIOD = [COVERING, `SEARCH l USING INDEX ${PERIOD_RANGE}`];
    // Migration 0190: the lines in their paging order (date, id), so a page sorts nothing.
    const DAY_RANGE = 'expense_lines_day (spent_on>? AND spent_on<?)';
    const BY_DAY = [
      `SEARCH l USING COVERING INDEX ${DAY_RANGE}`,
      `SEARCH l USING INDEX ${DAY_RANGE}`,
    ];
    const LINES = /from "expense_lines" as "l"/;
    const ARRIVALS = [
      'SEARCH r USING COVERING INDEX requests_arrival_facts (arrival_date>? AND arrival_date<?)',
    ];
    const SPEND = ['SEARCH l USING COVERING INDEX expense_lines_spend (spent_on>? AND spent_on<?)'];
    // Whole months: a range of the summaries' primary keys.
    const MONTHS = (alias: string) => [`SEARCH ${alias} USING PRIMARY KEY (month>? AND month<?)`];
    const SUMMARY = /from "expense_line_summaries" as "s"/;
    // The statements that matter and the step each must take (one of them). The report of whole
    // months reads the line summary alone (no statement on the lines at all, below); the days of
    // a partial month and the first page's capped count read the period index alone (covering);
    // a host's figures and a page's rows read the rows of the range they walk.
    const must: [string, RegExp, string[]][] = [
      ['report by department', SUMMARY, MONTHS('s')],
      ['report by tier', SUMMARY, MONTHS('s')],
      ['report by category', SUMMARY, MONTHS('s')],
      ['report by status', SUMMARY, MONTHS('s')],
      ['report of a department', SUMMARY, MONTHS('s')],
      ['report over the cap', SUMMARY, MONTHS('s')],
      ['report of partial months', SUMMARY, MONTHS('s')],
      ['report of partial months', LINES, [COVERING]],
      ['report by host', LINES, [...ON_PERIOD, ...BY_DAY]],
      ['report of a host', LINES, [...ON_PERIOD, ...BY_DAY]],
      ['lines', LINES, BY_DAY],
      ['lines, a later page', LINES, BY_DAY],
      ['lines of a category', LINES, [...BY_DAY, COVERING]],
      [
        'queue',
        /from "expense_reconciliations" as "c"/,
        [
          'SEARCH c USING INDEX expense_reconciliations_status (status=? AND submitted_at_ms=?)',
          'SEARCH c USING INDEX expense_reconciliations_status (status=? AND submitted_at_ms>?)',
        ],
      ],
      [
        'queue, a later page',
        /from "expense_reconciliations" as "c"/,
        // The row value seeks on its first column (instants: about one row each).
        ['SEARCH c USING INDEX expense_reconciliations_status (status=? AND submitted_at_ms>?)'],
      ],
      [
        'queue',
        /from "expense_lines" where "request_id" in/,
        ['SEARCH expense_lines USING INDEX expense_lines_request (request_id=?)'],
      ],
      ['dashboard', SUMMARY, MONTHS('s')],
      ['dashboard', /from "expense_visit_summaries" as "v"/, MONTHS('v')],
      ['dashboard', /from "expense_budget_summaries" as "b"/, MONTHS('b')],
      [
        'dashboard',
        /"l"\."over_cap_fen" > 0/,
        ['SEARCH l USING COVERING INDEX expense_lines_over (spent_on>? AND spent_on<?)'],
      ],
      [
        'dashboard',
        /"l"\."request_id" in/,
        ['SEARCH l USING INDEX expense_lines_request (request_id=? AND spent_on>? AND spent_on<?)'],
      ],
      ['dashboard of a department', SUMMARY, MONTHS('s')],
      ['dashboard of a department', /from "expense_visit_summaries" as "v"/, MONTHS('v')],
      ['dashboard of a department', /from "expense_budget_summaries" as "b"/, MONTHS('b')],
      // A host's figures are not summarised: the range of the lines, the host's arrivals.
      ['dashboard of a host', /substr\("l"\."spent_on"/, [...SPEND, ...ON_PERIOD, ...BY_DAY]],
      [
        'dashboard of a host',
        /from "requests" as "r"/,
        [
          ...ARRIVALS,
          'SEARCH r USING INDEX requests_host_arrival (host_user_id=? AND arrival_date>? AND arrival_date<?)',
        ],
      ],
      [
        'dashboard of a host',
        /inner join "expense_budgets"/,
        ['SEARCH b USING PRIMARY KEY (request_id=?)'],
      ],
      // Partial months: the summaries for the whole ones, the lines and requests for the days.
      ['dashboard of partial months', SUMMARY, MONTHS('s')],
      ['dashboard of partial months', /substr\("l"\."spent_on"/, SPEND],
      ['dashboard of partial months', /from "requests" as "r"/, ARRIVALS],
    ];
    // The report and the dashboard of whole months never read the lines' sums from the lines.
    const summarised = [
      'report by department',
      'report by tier',
      'report by category',
      'report by status',
      'report of a department',
      'report over the cap',
    ];
    const plan = (ran: Ran) =>
      (
        t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.args) as {
          detail: string;
        }[]
      ).map((p) => p.detail);
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, fn, paged] of calls) {
        const ran = await c.during(fn);
        expect(ran.length, label).toBeGreaterThan(0);
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, paged).map((p) => `${label}: ${p}`));
          if (process.env.PLANS) console.log(label, s.sql, plan(s));
        }
        if (summarised.includes(label) && ran.some((x) => /"expense_lines"/.test(x.sql))) {
          problems.push(`${label}: reads expense_lines`);
        }
        for (const [, pattern, steps] of must.filter(([l]) => l === label)) {
          const matching = ran.filter((s) => pattern.test(s.sql));
          if (matching.length === 0) problems.push(`${label}: no statement ${String(pattern)}`);
          for (const s of matching) {
            const p = plan(s);
            if (!steps.some((x) => p.includes(x))) {
              problems.push(`${label}: not ${steps.join(' or ')}: ${p.join(' | ')}: ${s.sql}`);
            }
          }
        }
      }
    } finally {
      c.restore();
    }
    expect(problems).toEqual([]);
  });

  it('expenses: a visit’s money and its lines walk their indexes', async () => {
    const { t, r } = await companyApp();
    const requestId = await filedVisit(t, r, bTierLunchBody());
    const line = (invoiceNo: string) => ({
      requestId,
      id: null,
      version: null,
      line: lineOf({ invoiceNo }),
    });
    await t.ok('expenses.saveLine', line('A-1'), r.host.token);
    loadStats(t.app.sqlite);
    // Ten years: 2,000,000 lines over 500,000 visits, 3,000,000 files, 500,000 reconciliations.
    const insert = t.app.sqlite.prepare(
      'INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)',
    );
    for (const [tbl, idx, stat] of [
      ['expense_lines', 'expense_lines_request', '2000000 4 2 1'],
      ['expense_lines', 'expense_lines_invoice', '1800000 1'],
      ['expense_lines', 'expense_lines_period', '2000000 550 100 20 20 10 2 2 2'],
      ['expense_lines', 'expense_lines_booking', '500000 1'],
      ['attachments', 'attachments_owner', '3000000 1000000 3 1'],
      ['expense_reconciliations', 'sqlite_autoindex_expense_reconciliations_1', '500000 1'],
    ])
      insert.run(tbl, idx, stat);
    t.app.sqlite.exec('ANALYZE sqlite_schema');
    const plan = (ran: Ran) =>
      (
        t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.args) as {
          detail: string;
        }[]
      ).map((p) => p.detail.replace('USING COVERING INDEX', 'USING INDEX'));
    const calls: [string, () => Promise<unknown>][] = [
      ['visit', () => t.ok('expenses.visit', { requestId }, r.host.token)],
      ['save', () => t.ok('expenses.saveLine', line('B-2'), r.host.token)],
    ];
    const must: [string, RegExp, string][] = [
      [
        'visit',
        /from "expense_lines" where "request_id" = \?/,
        'SEARCH expense_lines USING INDEX expense_lines_request (request_id=?)',
      ],
      [
        'visit',
        /"o"\."invoice_key" in/,
        'SEARCH o USING INDEX expense_lines_invoice (invoice_key=?)',
      ],
      [
        'visit',
        /from "attachments" where .*"owner_id" in/,
        'SEARCH attachments USING INDEX attachments_owner (owner_type=? AND owner_id=?)',
      ],
      [
        'visit',
        /from "frontdesk_guests"/,
        'SEARCH frontdesk_guests USING INDEX sqlite_autoindex_frontdesk_guests_1 (request_id=? AND seq>?)',
      ],
      [
        'save',
        /max\("owner_id"\)/,
        'SEARCH attachments USING INDEX attachments_owner (owner_type=?)',
      ],
    ];
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, fn] of calls) {
        const ran = await c.during(fn);
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, false).map((p) => `${label}: ${p}`));
          const p = /^\s*select\b/i.test(s.sql) ? plan(s) : [];
          if (p.some((d) => /^SCAN (expense_lines|o|attachments)\b/.test(d))) {
            problems.push(`${label}: scans: ${p.join(' | ')}: ${s.sql}`);
          }
          if (process.env.PLANS) console.log(label, s.sql, p);
        }
        for (const [, pattern, step] of must.filter(([l]) => l === label)) {
          const matching = ran.filter((s) => pattern.test(s.sql));
          if (matching.length === 0) problems.push(`${label}: no statement ${String(pattern)}`);
          for (const s of matching) {
            const p = plan(s);
            if (!p.includes(step))
              problems.push(`${label}: not ${step}: ${p.join(' | ')}: ${s.sql}`);
          }
        }
      }
    } finally {
      c.restore();
    }
    expect(problems).toEqual([]);
  });

  it('exports: the expense sheet and the bookings pages walk their indexes', async () => {
    const { t } = await companyApp();
    loadStats(t.app.sqlite);
    // expense_lines at ten years (issue 12): 2 million lines, about 550 a day.
    t.app.sqlite
      .prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)')
      .run('expense_lines', 'expense_lines_period', '2000000 550 60 10 5 3 2 1 1');
    t.app.sqlite.exec('ANALYZE sqlite_schema');
    const db = t.app.db;
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const explain = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
      const c = q.compile();
      const ran = { sql: c.sql, args: [...c.parameters] };
      const plan = (
        t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${ran.sql}`).all(...ran.args) as {
          detail: string;
        }[]
      ).map((p) => p.detail.replace('USING COVERING INDEX', 'USING INDEX'));
      return { ran, plan };
    };
    const cases: [string, ReturnType<typeof explain>, string][] = [
      [
        'expense sheet, first page',
        explain(expensePageQuery(db, period, null)),
        'SEARCH l USING INDEX expense_lines_day (spent_on>? AND spent_on<?)',
      ],
      [
        'expense sheet, a later page',
        explain(expensePageQuery(db, { ...period, tier: 'B' }, { spentOn: '2026-06-01', id: 9 })),
        'SEARCH l USING INDEX expense_lines_day (spent_on>? AND spent_on<?)',
      ],
      [
        "expense sheet, the names of a page's requests",
        explain(requestNamesQuery(db, [3, 5, 8])),
        'SEARCH requests USING INTEGER PRIMARY KEY (rowid=?)',
      ],
      [
        'expense sheet, its count',
        explain(periodLines(db, period).select((eb) => eb.fn.countAll<number>().as('n'))),
        'SEARCH l USING INDEX expense_lines_day (spent_on>? AND spent_on<?)',
      ],
      [
        'bookings of a range, a page of one kind',
        explain(bookingPageQuery(db, 'car', 0, 86_400_000, { startMs: 5, id: 2 })),
        'SEARCH b USING INDEX bookings_day (kind=? AND start_ms>? AND start_ms<?)',
      ],
    ];
    const problems: string[] = [];
    for (const [label, { ran, plan }, step] of cases) {
      // The keyset pages sort only the lines of one day (RIGHT PART OF ORDER BY), never all.
      problems.push(...planProblems(t.app.sqlite, ran, true).map((p) => `${label}: ${p}`));
      if (!plan.includes(step)) problems.push(`${label}: not ${step}: ${plan.join(' | ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('sessions: the list walks sessions_activity, the live run and the rest, a page at a time', async () => {
    const { t, r } = await companyApp();
    // Sessions in both runs: the company's own (live), one signed out, one expired.
    await t.ok('auth.logout', {}, await signIn(t, 'host'));
    loadStats(t.app.sqlite);
    const admin = r.admin.token;
    const after = (live: boolean) => ({ live, atMs: t.now(), id: 'ffffffffffffffff' });
    const calls: [string, unknown][] = [
      ['first page', {}],
      ['a later page of the live run', { after: after(true) }],
      ['a page of the rest', { after: after(false) }],
    ];
    // The live run searches a range of the index (the last twelve hours, or before the cursor);
    // the rest walks it from its newest end (a LIMIT stops it), or searches before the cursor.
    const WALK = /^(SEARCH|SCAN) s USING (COVERING )?INDEX sessions_activity\b/;
    const c = capture(t);
    const problems: string[] = [];
    try {
      for (const [label, input] of calls) {
        const ran = await c.during(() => t.ok('sessions.list', input as never, admin));
        const runs = ran.filter((s) => /from "sessions" as "s"/.test(s.sql));
        if (runs.length === 0) problems.push(`${label}: no run of the list`);
        for (const s of ran) {
          problems.push(...planProblems(t.app.sqlite, s, true).map((p) => `${label}: ${p}`));
        }
        for (const s of runs) {
          const plan = (
            t.app.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as {
              detail: string;
            }[]
          ).map((p) => p.detail);
          if (!plan.some((d) => WALK.test(d))) {
            problems.push(`${label}: not on sessions_activity: ${plan.join(' | ')}`);
          }
        }
      }
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
