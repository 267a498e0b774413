import type { Database as SqliteDatabase } from 'better-sqlite3';
import { dispatch } from '../main/api/dispatcher';
import type { RunningApp } from '../main/app';
import { ngramMatch } from '../main/core/ngrams';
import { STEP_KINDS, STEP_ROLE } from '../shared/approvals/steps';
import type { Role } from '../shared/auth/roles';
import type { OperationName } from '../shared/contract/names';

/**
 * The hot reads of issue 8, each through the real dispatcher and, beside it, the SQL a skilled
 * engineer would write by hand for the same rows, run directly on better-sqlite3 (a read-only
 * connection to the same file, statements prepared once).
 */
export interface Case {
  name: string;
  app: () => Promise<unknown>;
  raw: (() => unknown) | null;
}

export interface Actors {
  office: { token: string; userId: number };
  host: { token: string; userId: number };
  head: { token: string; userId: number };
  executive: { token: string; userId: number };
  sysadmin: { token: string; userId: number };
}

async function ok(app: RunningApp, op: OperationName, input: unknown, token: string) {
  const out = await dispatch(app, { op, input, token });
  if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
  return out.result.value;
}

// Names by scalar subquery: with users joined, SQLite may drive the loop from users and sort.
const LIST_COLUMNS = `r.id, r.code, r.status, r.host_user_id,
  (SELECT display_name FROM users WHERE id = r.host_user_id), r.department_id,
  (SELECT name FROM departments WHERE id = r.department_id), r.org_name, r.tier, r.arrival_date,
  r.departure_date, r.visitor_count, r.budget_total_fen, r.retroactive, r.revision, r.version,
  r.updated_at_ms`;
const LIST_FROM = `requests r`;
const LISTED = `r.status <> 'draft' AND r.revision > 0`;

export function cases(app: RunningApp, raw: SqliteDatabase, a: Actors): Case[] {
  const prep = (s: string) => raw.prepare(s);
  const counters = (where: string) =>
    prep(`SELECT sum(n) FROM request_counts WHERE listed = 1 ${where}`);
  // The app counts rows up to its caps (requests 1,000, audit 10,000); so does the floor.
  const capped = (from: string, where: string) =>
    prep(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT 1001)`);
  const page = (where: string, order: string) =>
    prep(`SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} WHERE ${where} ORDER BY ${order} LIMIT 51`);

  const bigDept = (
    raw
      .prepare(
        `SELECT department_id AS id FROM request_counts WHERE department_id > 0
         GROUP BY department_id ORDER BY sum(n) DESC LIMIT 1`,
      )
      .get() as { id: number }
  ).id;
  // Page 2,000 of 50 (or half way down a smaller database).
  const listed = (
    raw.prepare('SELECT sum(n) AS n FROM request_counts WHERE listed = 1').get() as {
      n: number;
    }
  ).n;
  const deepAfter = raw
    .prepare(
      `SELECT updated_at_ms AS key, id FROM requests WHERE ${LISTED.replaceAll('r.', '')}
       ORDER BY updated_at_ms DESC, id DESC LIMIT 1 OFFSET ?`,
    )
    .get(Math.min(100_000, Math.floor(listed / 2))) as { key: number; id: number };
  const recent = raw
    .prepare(`SELECT id FROM requests WHERE status = 'filed' ORDER BY id DESC LIMIT 1 OFFSET 50`)
    .get() as { id: number };
  const someOperation = 'approvals.decide';

  const list = (name: string, input: Record<string, unknown>, rawFn: () => unknown): Case => ({
    name,
    app: () => ok(app, 'requests.list', { scope: 'all', ...input }, a.office.token),
    raw: rawFn,
  });

  const cDefault = counters('');
  const pDefault = page(LISTED, 'r.updated_at_ms DESC, r.id DESC');
  const cStatus = counters(`AND status = ?`);
  const pStatus = page(`${LISTED} AND +r.status = ?`, 'r.updated_at_ms DESC, r.id DESC');
  const cDept = counters('AND department_id = ?');
  const pDept = page(`${LISTED} AND r.department_id = ?`, 'r.updated_at_ms DESC, r.id DESC');
  const cTier = counters(`AND tier = 'A'`);
  const pTier = page(`${LISTED} AND +r.tier = 'A'`, 'r.updated_at_ms DESC, r.id DESC');
  const rangeWhere = `${LISTED} AND r.departure_date >= ? AND r.arrival_date <= ?
    AND r.arrival_date >= ?`;
  const cRange = capped('requests r', rangeWhere);
  const pRange = page(rangeWhere, 'r.arrival_date ASC, r.id ASC');
  const pArrival = page(LISTED, 'r.arrival_date DESC, r.id DESC');
  const pDeep = page(
    `${LISTED} AND (r.updated_at_ms, r.id) < (?, ?)`,
    'r.updated_at_ms DESC, r.id DESC',
  );
  // The best hand-written search: count the hits in the index, then read few hits and sort
  // them, or walk the sort's index past many (INDEXED BY) — the same choice the app makes.
  const hitCount = prep(`SELECT count(*) AS n FROM (SELECT rowid FROM request_search
                         WHERE request_search MATCH ? LIMIT 5001)`);
  const searchWhere = `${LISTED} AND r.id IN
    (SELECT rowid FROM request_search WHERE request_search MATCH ?)`;
  const cSearch = capped('requests r', searchWhere);
  const pSearchFew = page(searchWhere, '+r.updated_at_ms DESC, r.id DESC');
  const pSearchMany = prep(`SELECT ${LIST_COLUMNS} FROM requests r INDEXED BY requests_updated
    WHERE ${searchWhere} ORDER BY r.updated_at_ms DESC, r.id DESC LIMIT 51`);
  const cMine = capped('requests r', 'r.host_user_id = ?');
  const pMine = page('r.host_user_id = ?', 'r.updated_at_ms DESC, r.id DESC');
  const maxStay = prep(`SELECT value FROM request_stats WHERE key = 'max_stay_days'`);

  const search = (name: string, text: string): Case => {
    const match = ngramMatch(text);
    return list(name, { search: text }, () => {
      const many = (hitCount.get(match) as { n: number }).n > 5000;
      cSearch.get(match);
      return (many ? pSearchMany : pSearchFew).all(match);
    });
  };

  // The kinds of pool step a user's roles let him decide (STEP_ROLE), as the inbox counts them.
  const rolesOf = prep('SELECT role FROM user_roles WHERE user_id = ?');
  const kindsOf = (userId: number) => {
    const roles = new Set((rolesOf.all(userId) as { role: Role }[]).map((r) => r.role));
    return JSON.stringify(STEP_KINDS.filter((k) => roles.has(STEP_ROLE[k])));
  };
  const inboxRaw = prep(`
    SELECT s.id, s.kind, s.revision, s.seq, s.version, s.reason, r.id, r.code, r.org_name,
           r.tier, r.arrival_date, r.departure_date, r.visitor_count, r.budget_total_fen,
           h.display_name
    FROM approval_steps s
    JOIN requests r ON r.id = s.subject_id AND r.revision = s.revision
    JOIN users h ON h.id = r.host_user_id
    WHERE s.status = 'pending' AND s.subject_type = 'request' AND r.host_user_id <> ?
      AND (s.assignee_user_id = ? OR (s.assignee_user_id IS NULL
           AND s.kind IN (SELECT value FROM json_each(?))))
    ORDER BY r.arrival_date`);
  const inbox = (role: 'head' | 'executive' | 'office'): Case[] => {
    const { userId, token } = a[role];
    const kinds = kindsOf(userId);
    return [
      {
        name: `inbox.${role}`,
        app: () => ok(app, 'approvals.inbox', {}, token),
        raw: () => inboxRaw.all(userId, userId, kinds),
      },
      {
        name: `inbox.count.${role}`,
        app: () => ok(app, 'approvals.count', {}, token),
        raw: () => inboxRaw.all(userId, userId, kinds).length,
      },
    ];
  };

  const dossier = {
    row: prep(`SELECT r.*, h.display_name, d.name, d.head_user_id FROM requests r
               JOIN users h ON h.id = r.host_user_id LEFT JOIN departments d ON d.id = r.department_id
               WHERE r.id = ?`),
    revisions: prep(`SELECT * FROM request_revisions WHERE request_id = ? AND revision = ?`),
    steps: prep(`SELECT s.*, a.display_name, b.display_name FROM approval_steps s
                 LEFT JOIN users a ON a.id = s.assignee_user_id
                 LEFT JOIN users b ON b.id = s.decided_by
                 WHERE s.subject_type = 'request' AND s.subject_id = ? ORDER BY revision, seq`),
    events: prep(`SELECT e.*, u.display_name FROM request_events e
                  LEFT JOIN users u ON u.id = e.actor_user_id
                  WHERE e.request_id = ? ORDER BY e.at_ms, e.id`),
  };

  const auditPage = (where: string) =>
    prep(`SELECT * FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT 51`);
  const auditCount = (where: string) =>
    prep(`SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE ${where} LIMIT 10001)`);
  const aFirst = [auditCount('1'), auditPage('1')];
  const aOp = [auditCount('operation = ?'), auditPage('operation = ?')];
  const aActor = [auditCount('actor_user_id = ?'), auditPage('actor_user_id = ?')];
  // A time range is read newest first on the time index (sorting it by id would read it all).
  const aRange = [
    auditCount('at_ms >= ? AND at_ms < ?'),
    prep(`SELECT * FROM audit_log WHERE at_ms >= ? AND at_ms < ?
          ORDER BY at_ms DESC, id DESC LIMIT 51`),
  ];
  // A text search reads the index newest first and joins the entries to it.
  const aSearch = [
    prep(`SELECT count(*) FROM (SELECT rowid FROM audit_search WHERE audit_search MATCH ?
          LIMIT 10001)`),
    prep(`SELECT a.* FROM audit_search s JOIN audit_log a ON a.id = s.rowid
          WHERE audit_search MATCH ? ORDER BY s.rowid DESC LIMIT 51`),
  ];
  const lastAt = (raw.prepare('SELECT max(at_ms) AS t FROM audit_log').get() as { t: number }).t;
  const rangeFrom = lastAt - 45 * 86_400_000;
  const rangeTo = lastAt - 30 * 86_400_000;
  const auditCase = (
    name: string,
    input: Record<string, unknown>,
    [count, rows]: typeof aFirst,
    params: unknown[],
  ): Case => ({
    name,
    app: () => ok(app, 'audit.list', { limit: 50, ...input }, a.sysadmin.token),
    raw: () => {
      count!.get(...params);
      return rows!.all(...params);
    },
  });

  const notesList = prep(`SELECT * FROM notifications WHERE user_id = ?
                          ORDER BY created_at_ms DESC, id DESC LIMIT 50`);
  const unread = prep(`SELECT count(*) FROM notifications
                       WHERE user_id = ? AND read_at_ms IS NULL`);
  const settings = prep(`SELECT key, value FROM settings`);

  return [
    {
      name: 'dispatch.trivialRead',
      app: () => ok(app, 'settings.get', {}, a.office.token),
      raw: () => settings.all(),
    },
    list('list.all.default', {}, () => {
      cDefault.get();
      return pDefault.all();
    }),
    list('list.all.status.approving', { statuses: ['approving'] }, () => {
      cStatus.get('approving');
      return pStatus.all('approving');
    }),
    list('list.all.status.filed', { statuses: ['filed'] }, () => {
      cStatus.get('filed');
      return pStatus.all('filed');
    }),
    list('list.all.department', { departmentId: bigDept }, () => {
      cDept.get(bigDept);
      return pDept.all(bigDept);
    }),
    list('list.all.tierA', { tiers: ['A'] }, () => {
      cTier.get();
      return pTier.all();
    }),
    list(
      'list.all.dateRange',
      { fromDate: '2025-03-01', toDate: '2025-03-31', sort: 'arrival_asc' },
      () => {
        const stay = (maxStay.get() as { value: number } | undefined)?.value ?? 0;
        const lower = new Date(Date.parse('2025-03-01T00:00:00Z') - stay * 86_400_000)
          .toISOString()
          .slice(0, 10);
        cRange.get('2025-03-01', '2025-03-31', lower);
        return pRange.all('2025-03-01', '2025-03-31', lower);
      },
    ),
    list('list.all.byArrival', { sort: 'arrival_desc' }, () => {
      cDefault.get();
      return pArrival.all();
    }),
    list('list.all.deepPage', { after: deepAfter }, () => pDeep.all(deepAfter.key, deepAfter.id)),
    search('search.givenName.晓明', '晓明'),
    search('search.fullName.王晓明', '王晓明'),
    search('search.surname.欧阳', '欧阳'),
    search('search.latin.son', 'son'),
    search('search.org.华东', '华东'),
    {
      name: 'list.mine',
      app: () => ok(app, 'requests.list', { scope: 'mine' }, a.host.token),
      raw: () => {
        cMine.get(a.host.userId);
        return pMine.all(a.host.userId);
      },
    },
    ...inbox('head'),
    ...inbox('executive'),
    ...inbox('office'),
    {
      name: 'dossier',
      app: () => ok(app, 'requests.get', { id: recent.id }, a.office.token),
      raw: () => {
        const row = dossier.row.get(recent.id) as { revision: number; body: string };
        JSON.parse(row.body);
        dossier.revisions.get(recent.id, row.revision);
        dossier.steps.all(recent.id);
        return dossier.events.all(recent.id);
      },
    },
    auditCase('audit.first', {}, aFirst, []),
    auditCase('audit.byOperation', { operation: someOperation }, aOp, [someOperation]),
    auditCase('audit.byActor', { actorUserId: a.office.userId }, aActor, [a.office.userId]),
    auditCase('audit.byRange', { fromMs: rangeFrom, toMs: rangeTo }, aRange, [rangeFrom, rangeTo]),
    auditCase('audit.search.晓明', { search: '晓明' }, aSearch, [ngramMatch('晓明')]),
    {
      name: 'notifications.list',
      app: () => ok(app, 'notifications.list', {}, a.office.token),
      raw: () => {
        unread.get(a.office.userId);
        return notesList.all(a.office.userId);
      },
    },
  ];
}
