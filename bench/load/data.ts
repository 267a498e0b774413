import { rebuildRequestSearch } from '../../main/db/derived';
import { performance } from 'node:perf_hooks';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { dispatch } from '../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../main/app';
import { backupsDirFor } from '../../main/db/backup-folder';
import { runRetentionIfDue } from '../../main/domains/frontdesk';
import { getSettings } from '../../main/domains/settings';
import { requestBodyOn } from '../../main/test-fixtures';
import { generateFile, GENERATED_PASSWORD } from '../../scripts/gen/cli';
import { addDays, companyDate } from '../../shared/dates';
import { orgKey } from '../../shared/requests';
import type { RequestBody, Visitor } from '../../shared/requests/schema';
import { seedExpenses } from '../expenses';
import { GROUPS, type Group } from './mix';

/**
 * The load test's database: ten years made by the generator (`npm run gen`'s generateFile, the
 * app's own migrations, every password `gen-password-1`) around the real "now" — the server runs
 * on the real clock — then the work the writes need for the whole run, written before the server
 * opens the file (one process per database file):
 *
 * - pending approvals: for each department head of the run, one C-tier and one B-tier request
 *   submitted through the dispatcher by a host of his department (the real path: policy, chain,
 *   steps, events), then copied with SQL to a few hundred each — the request, its revision, its
 *   steps and events, under new codes and organisations — as bench/frontdesk.ts copies its
 *   board's day. Submitting thousands through the dispatcher would take minutes; the copies are
 *   what those submissions leave in the tables that approving reads and writes (not their audit
 *   entries, notifications or search index);
 * - today's expected visitors: filed requests of today (a filed request of the file, copied),
 *   five visitors each, hosted by the run's hosts — the front desk checks them in and out;
 * - expense lines for finance's report (bench/expenses.ts's seedExpenses: lines for every visit
 *   that happened, with their reconciliations and monthly summaries);
 * - today's retention round (the scheduler's daily job, see below).
 *
 * The seeding connection runs with synchronous=OFF (a crash while seeding only fails the run);
 * the server opens the file with the app's own pragmas (WAL, synchronous=FULL).
 */

export interface Person {
  userId: number;
  login: string;
  departmentId: number | null;
}

/** A virtual user before it signs in: who it is and what it may open. */
export interface Seat {
  index: number;
  group: Group;
  person: Person;
  /** Requests this person may open (requests.get): his own, his department's, or any. */
  dossierIds: number[];
  /** Today's visitors this front-desk seat checks in next (request, place in its list). */
  arrivals: { requestId: number; seq: number }[];
}

export interface DataOptions {
  file: string;
  visits: number;
  seed: number;
  counts: Record<Group, number>;
  /** Pending approvals written for each department head of the run. */
  stepsPerHead: number;
  /** Today's expected visitors written for each front-desk seat. */
  visitorsPerDesk: number;
  /** Expense lines per generated visit (finance's report reads their monthly summaries). */
  linesPerVisit: number;
  log: (line: string) => void;
}

export interface PreparedData {
  seats: Seat[];
  timeZone: string;
  today: string;
  /** A year of expense lines for finance's report. */
  financeYear: { from: string; to: string };
  /** Two-character pieces of organisation names that exist (the list's search). */
  searchTerms: string[];
  departmentIds: number[];
  facts: {
    visits: number;
    requests: number;
    pendingSeeded: number;
    visitorsToday: number;
    expenseLines: number;
  };
  generateMs: number;
  seedMs: number;
  seedPhases: [string, number][];
}

export async function prepareData(o: DataOptions): Promise<PreparedData> {
  let t0 = performance.now();
  // "Now" a minute ago: nothing the generator writes is later than the server's first call.
  await generateFile(o.file, { visits: o.visits, seed: o.seed, nowMs: Date.now() - 60_000 });
  const generateMs = performance.now() - t0;
  t0 = performance.now();
  const app = createApp(o.file);
  try {
    const sqlite = app.sqlite;
    sqlite.pragma('synchronous = OFF');
    const { timeZone } = await getSettings(app.db);
    const today = companyDate(Date.now(), timeZone);
    const seats = chooseSeats(sqlite, o.counts);
    const seedPhases: [string, number][] = [];
    let t = performance.now();
    const phase = (name: string) => {
      seedPhases.push([name, performance.now() - t]);
      t = performance.now();
    };
    const expenses = seedExpenses(app, o.visits * o.linesPerVisit);
    phase('expense lines');
    const heads = unique(seats.filter((s) => s.group === 'head').map((s) => s.person));
    const pending = await Promise.all(
      heads.map((head) => seedApprovals(app, head, o.stepsPerHead, today, o.log)),
    );
    const pendingSeeded = pending.reduce((a, b) => a + b, 0);
    phase('approvals');
    const desks = seats.filter((s) => s.group === 'front_desk');
    const hosts = unique(seats.filter((s) => s.group === 'host').map((s) => s.person));
    const arrivals = seedArrivals(sqlite, hosts, desks.length * o.visitorsPerDesk, today);
    phase('arrivals');
    // Each desk its own visits, so no two desks reach for the same visitor.
    arrivals.forEach((a, i) => desks[i % desks.length]?.arrivals.push(...a));
    for (const s of seats) s.dossierIds = dossierPool(sqlite, s);
    // The cloned requests in the search index, as the app would have put them (store:copy checks
    // that the index holds every request).
    rebuildRequestSearch(sqlite);
    phase('search index');
    // Today's retention round, done before the server starts, as on a server up since the
    // morning: its first run over ten years of generated visitors anonymises tens of thousands
    // of them in one transaction (seconds during which the server answers nobody), which a
    // server meets once, not in every minute of load.
    await runRetentionIfDue(app.db, Date.now(), { backupDir: backupsDirFor(o.file) });
    phase('retention');
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    sqlite.pragma('synchronous = FULL');
    // Everything in the main file: the stores copy that one file.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return {
      seats,
      timeZone,
      today,
      financeYear: expenses.year,
      searchTerms: searchTerms(sqlite),
      departmentIds: (sqlite.prepare('SELECT id FROM departments').all() as { id: number }[]).map(
        (d) => d.id,
      ),
      facts: {
        visits: o.visits,
        requests: count('SELECT count(*) AS n FROM requests'),
        pendingSeeded,
        visitorsToday: arrivals.reduce((n, a) => n + a.length, 0),
        expenseLines: expenses.lines,
      },
      generateMs,
      seedMs: performance.now() - t0,
      seedPhases,
    };
  } finally {
    await app.close();
  }
}

function unique(people: Person[]): Person[] {
  const seen = new Map<number, Person>();
  for (const p of people) seen.set(p.userId, p);
  return [...seen.values()];
}

/**
 * Distinct people for the seats, each role from those who hold it (the fewest other roles
 * first; hosts who filed the most first, so "my requests" is long). When a role has fewer people
 * than seats (the generated company has four receptionists), people sit twice: two sessions of
 * one person, as with two browser tabs.
 */
function chooseSeats(sqlite: SqliteDatabase, counts: Record<Group, number>): Seat[] {
  const byRole = (role: string, order: string) =>
    sqlite
      .prepare(
        `SELECT u.id AS userId, u.login, u.department_id AS departmentId FROM users u
         JOIN user_roles r ON r.user_id = u.id AND r.role = ?
         WHERE u.disabled = 0 ORDER BY ${order}`,
      )
      .all(role) as Person[];
  const fewestRoles = '(SELECT count(*) FROM user_roles x WHERE x.user_id = u.id), u.id';
  const candidates: Record<Group, Person[]> = {
    // The person set as a department's head is who approves its requests.
    head: sqlite
      .prepare(
        `SELECT u.id AS userId, u.login, u.department_id AS departmentId FROM departments d
         JOIN users u ON u.id = d.head_user_id WHERE u.disabled = 0
         ORDER BY (SELECT count(*) FROM user_roles x WHERE x.user_id = u.id), d.id`,
      )
      .all() as Person[],
    executive: byRole('executive', fewestRoles),
    admin_office: byRole('admin_office', fewestRoles),
    front_desk: byRole('front_desk', fewestRoles),
    finance: byRole('finance', fewestRoles),
    host: byRole(
      'host',
      `(SELECT count(*) FROM departments d WHERE d.head_user_id = u.id),
       (SELECT count(*) FROM requests q WHERE q.host_user_id = u.id) DESC, u.id`,
    ).filter((p) => p.departmentId !== null),
  };
  const used = new Set<number>();
  const seats: Seat[] = [];
  // The scarce roles first, so that a person holding two roles sits where he is needed.
  for (const group of [
    'head',
    'front_desk',
    'finance',
    'executive',
    'admin_office',
    'host',
  ] as const) {
    const pool = candidates[group];
    const fresh = pool.filter((p) => !used.has(p.userId));
    if (pool.length === 0) throw new Error(`the generated company has nobody for ${group}`);
    for (let i = 0; i < counts[group]; i++) {
      const person = fresh[i] ?? pool[i % pool.length];
      if (!person) throw new Error(`no ${group}`);
      used.add(person.userId);
      seats.push({ index: 0, group, person, dossierIds: [], arrivals: [] });
    }
  }
  seats.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
  seats.forEach((s, i) => (s.index = i));
  return seats;
}

interface Variant {
  /** The request copied. */
  templateId: number;
  code: string;
  orgName: string;
  hostUserId?: number;
  departmentId?: number | null;
  date?: string;
  visitors?: Visitor[];
}

type Row = Record<string, unknown>;

/**
 * Copies each variant's template request with everything approving and the desk read of it: the
 * row, its revisions, its approval steps and its events (step ids remapped), in the variants'
 * order (so that copies of several templates interleave in the inboxes). Returns the new ids.
 */
function cloneRequests(sqlite: SqliteDatabase, variants: readonly Variant[]): number[] {
  const insert = (table: string, sample: Row | undefined) => {
    if (!sample) return null;
    const cols = Object.keys(sample).filter((c) => c !== 'id');
    return sqlite.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    );
  };
  const load = (id: number) => {
    const row = sqlite.prepare('SELECT * FROM requests WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new Error(`no request ${id} to copy`);
    const all = (sql: string) => sqlite.prepare(sql).all(id) as Row[];
    const revisions = all('SELECT * FROM request_revisions WHERE request_id = ? ORDER BY id');
    const steps = all(
      "SELECT * FROM approval_steps WHERE subject_type = 'request' AND subject_id = ? ORDER BY id",
    );
    const events = all('SELECT * FROM request_events WHERE request_id = ? ORDER BY id');
    return {
      row,
      revisions,
      steps,
      events,
      insertRequest: insert('requests', row),
      insertRevision: insert('request_revisions', revisions[0]),
      insertStep: insert('approval_steps', steps[0]),
      insertEvent: insert('request_events', events[0]),
    };
  };
  const templates = new Map<number, ReturnType<typeof load>>();
  const rewrite = (json: unknown, v: Variant): string => {
    const body = JSON.parse(String(json)) as RequestBody;
    return JSON.stringify({
      ...body,
      orgName: v.orgName,
      ...(v.departmentId !== undefined ? { departmentId: v.departmentId } : {}),
      ...(v.date !== undefined ? { arrivalDate: v.date, departureDate: v.date } : {}),
      ...(v.visitors ? { visitors: v.visitors } : {}),
    });
  };
  const ids: number[] = [];
  sqlite.transaction(() => {
    for (const v of variants) {
      let t = templates.get(v.templateId);
      if (!t) {
        t = load(v.templateId);
        templates.set(v.templateId, t);
      }
      const templateHost = t.row.host_user_id;
      const host = v.hostUserId ?? templateHost;
      const id = Number(
        t.insertRequest?.run({
          ...t.row,
          code: v.code,
          org_name: v.orgName,
          org_key: orgKey(v.orgName),
          host_user_id: host,
          ...(v.departmentId !== undefined ? { department_id: v.departmentId } : {}),
          ...(v.date !== undefined ? { arrival_date: v.date, departure_date: v.date } : {}),
          ...(v.visitors ? { visitor_count: v.visitors.length } : {}),
          body: rewrite(t.row.body, v),
        }).lastInsertRowid,
      );
      ids.push(id);
      for (const r of t.revisions) {
        t.insertRevision?.run({
          ...r,
          request_id: id,
          submitted_by: r.submitted_by === templateHost ? host : r.submitted_by,
          body: rewrite(r.body, v),
        });
      }
      const stepIds = new Map<unknown, number>();
      for (const s of t.steps) {
        stepIds.set(s.id, Number(t.insertStep?.run({ ...s, subject_id: id }).lastInsertRowid));
      }
      for (const e of t.events) {
        t.insertEvent?.run({
          ...e,
          request_id: id,
          actor_user_id: e.actor_user_id === templateHost ? host : e.actor_user_id,
          step_id: e.step_id === null ? null : (stepIds.get(e.step_id) ?? null),
        });
      }
    }
  })();
  return ids;
}

/**
 * `perHead` requests waiting on `head`: a C-tier one (head → admin office files) and a B-tier one
 * (head → executive → admin office) submitted through the dispatcher by a host of his
 * department, then copied — four C for each B. Returns how many steps wait on him now (the
 * generated ones included).
 */
async function seedApprovals(
  app: RunningApp,
  head: Person,
  perHead: number,
  today: string,
  log: (line: string) => void,
): Promise<number> {
  const sqlite = app.sqlite;
  const host = sqlite
    .prepare(
      `SELECT u.login FROM departments d JOIN users u ON u.department_id = d.id
       JOIN user_roles r ON r.user_id = u.id AND r.role = 'host'
       WHERE d.head_user_id = ? AND u.disabled = 0 AND u.id <> d.head_user_id
       ORDER BY u.id LIMIT 1`,
    )
    .get(head.userId) as { login: string } | undefined;
  if (!host) {
    log(`  (no host in the departments of ${head.login}: no approvals written for him)`);
    return 0;
  }
  const login = await dispatch(app, {
    op: 'auth.login',
    input: { login: host.login, password: GENERATED_PASSWORD },
    token: null,
  });
  if (!login.session) throw new Error(`cannot sign in as ${host.login} to seed approvals`);
  // Two weeks ahead: past every notice period, so nothing but the approvals stands in the way.
  const day = addDays(today, 14);
  const templates: number[] = [];
  for (const tier of ['C', 'B'] as const) {
    const body = requestBodyOn(day, addDays(day, 1), {
      orgName: `负载模板${head.userId}${tier}有限公司`,
      departmentId: null,
      ...(tier === 'B' ? { tier, tierOverrideReason: '重要客户，副总陪同' } : {}),
    });
    const out = await dispatch(app, {
      op: 'requests.submit',
      input: { id: null, version: null, body },
      token: login.session,
    });
    if (!out.result.ok) {
      throw new Error(`seeding a ${tier} request: ${JSON.stringify(out.result.error)}`);
    }
    const id = (out.result.value as { id: number }).id;
    const waitsOn = sqlite
      .prepare(
        `SELECT assignee_user_id AS a FROM approval_steps
         WHERE subject_type = 'request' AND subject_id = ? AND status = 'pending'`,
      )
      .get(id) as { a: number | null } | undefined;
    if (waitsOn?.a !== head.userId) {
      log(`  (the ${tier} request of ${host.login} does not wait on ${head.login}: not copied)`);
      continue;
    }
    templates.push(id);
  }
  // Four C for each B, interleaved: the executives get B-tier steps from early in the run.
  const copies = Math.max(0, perHead - templates.length);
  const [c, b] = templates;
  const variants: Variant[] = [];
  for (let i = 1; i <= copies; i++) {
    const templateId = (b !== undefined && i % 5 === 0 ? b : c) ?? b;
    if (templateId === undefined) break;
    const tier = templateId === b ? 'B' : 'C';
    variants.push({
      templateId,
      code: `LOAD-${head.userId}-${String(i).padStart(4, '0')}`,
      orgName: `负载测试${head.userId}${tier}${i}科技有限公司`,
    });
  }
  cloneRequests(sqlite, variants);
  return (
    sqlite
      .prepare(
        "SELECT count(*) AS n FROM approval_steps WHERE status = 'pending' AND assignee_user_id = ?",
      )
      .get(head.userId) as { n: number }
  ).n;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明'];
const PER_VISIT = 5;

/**
 * Filed visits of today, `visitors` people in all (five a visit), hosted by the run's hosts (so
 * the arrivals notify people who are signed in). Returns each visit's places.
 */
function seedArrivals(
  sqlite: SqliteDatabase,
  hosts: Person[],
  visitors: number,
  today: string,
): { requestId: number; seq: number }[][] {
  if (visitors <= 0 || hosts.length === 0) return [];
  const template = sqlite
    .prepare(
      "SELECT id FROM requests WHERE status = 'filed' AND revision > 0 ORDER BY id DESC LIMIT 1",
    )
    .get() as { id: number } | undefined;
  if (!template) throw new Error('the generated database has no filed request to copy');
  const visits = Math.ceil(visitors / PER_VISIT);
  const variants: Variant[] = Array.from({ length: visits }, (_, i) => {
    const host = hosts[i % hosts.length] as Person;
    return {
      templateId: template.id,
      code: `LOADFD-${String(i + 1).padStart(5, '0')}`,
      orgName: `今日来访${i + 1}精密仪器有限公司`,
      hostUserId: host.userId,
      departmentId: host.departmentId,
      date: today,
      visitors: Array.from({ length: PER_VISIT }, (_, k) => ({
        name: `${SURNAMES[(i + k) % SURNAMES.length]}${GIVEN[(i * 7 + k) % GIVEN.length]}`,
        title: k === 0 ? '总经理' : '工程师',
        // Unique mobile numbers: every visitor is his own person in the directory.
        phone: `137${String(i * PER_VISIT + k).padStart(8, '0')}`,
        idType: null,
        idNumber: '',
        notes: '',
      })),
    };
  });
  const ids = cloneRequests(sqlite, variants);
  return ids.map((requestId) =>
    Array.from({ length: PER_VISIT }, (_, seq) => ({ requestId, seq })),
  );
}

/** Up to 300 requests the seat's person may open: his own, his departments', or any submitted. */
function dossierPool(sqlite: SqliteDatabase, seat: Seat): number[] {
  const ids = (sql: string, ...args: unknown[]) =>
    (sqlite.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id);
  switch (seat.group) {
    case 'host':
      return ids(
        'SELECT id FROM requests WHERE host_user_id = ? ORDER BY id DESC LIMIT 300',
        seat.person.userId,
      );
    case 'head':
      return ids(
        `SELECT id FROM requests WHERE department_id IN
           (SELECT id FROM departments WHERE head_user_id = ?)
         AND status <> 'draft' AND revision > 0 ORDER BY id DESC LIMIT 300`,
        seat.person.userId,
      );
    case 'front_desk':
      // The desk works from the board; it has no right to read dossiers.
      return [];
    default: {
      // Anyone submitted (readAll): a spread over ten years, not only the newest.
      const { hi } = sqlite.prepare('SELECT max(id) AS hi FROM requests').get() as { hi: number };
      const picks = Array.from(
        { length: 600 },
        (_, i) => 1 + ((i * 7919 + seat.index * 104_729) % hi),
      );
      return ids(
        `SELECT id FROM requests WHERE id IN (${picks.join(',')})
         AND status <> 'draft' AND revision > 0 LIMIT 300`,
      );
    }
  }
}

/** The first two characters of recent organisations' names: searches that find something. */
function searchTerms(sqlite: SqliteDatabase): string[] {
  const names = sqlite
    .prepare(
      "SELECT org_name FROM requests WHERE revision > 0 AND code NOT LIKE 'LOAD%' ORDER BY id DESC LIMIT 300",
    )
    .all() as { org_name: string }[];
  const terms = new Set<string>();
  for (const { org_name: n } of names) if (n.length >= 2) terms.add(n.slice(0, 2));
  return [...terms].slice(0, 12);
}
