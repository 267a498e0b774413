/**
 * D8's harness (issue 13, item 8): a real database file with visitors — Chinese and Latin
 * names, mobiles, resident ID numbers — across drafts, submitted and returned revisions, filed
 * visits, check-ins and check-outs, walk-ins and keyed writes (their cached answers), made
 * through the dispatcher by the company's roles. While the data is live every list and export
 * that carries visitors is read as each role and checked for unmasked numbers. Then the clock
 * moves past the retention period, the daily retention job runs (as the scheduler would: a run,
 * a daily backup, the next day's run) and the raw bytes of the database, its WAL and -shm files
 * and every kept backup are scanned for the purged visitors.
 *
 * A variant skips the purge, another turns secure_delete off for the purge: the scan must find
 * copies in both (the harness's self-test).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../../main/app';
import { backupDatabase, listBackups } from '../../../main/db/backup';
import { purgeExpiredVisitors } from '../../../main/domains/frontdesk';
import type { Role } from '../../../shared/auth/roles';
import type { OperationName } from '../../../shared/contract/names';
import type { OpInput, OpOutput } from '../../../shared/contract/operations';
import { addDays } from '../../../shared/dates';
import type { Visitor } from '../../../shared/requests/schema';
import { decision, requestBodyOn, visitor } from '../../../main/test-fixtures';
import { MaskCheck } from './mask';
import { bigramTerms, ftsTerms, needles, scanFiles, type Hit, type Needle } from './scan';
import { person, type Person } from './people';

/** Whether a text has characters beyond ASCII (a name whose search bigrams are its own). */
const nonAscii = (s: string) => [...s].some((c) => (c.codePointAt(0) ?? 0) > 0x7f);

/** 09:40 in Shanghai (UTC+8) on a calendar day. */
export function morningOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 1, 40);
}

/** The old visits (purged): early December 2026, filed days ahead. */
const OLD_FIRST_DAY = '2026-12-01';
const OLD_SUBMIT_DAY = '2026-11-27';
/** The old backup: after the old visits, so it holds them; older than the period at the purge. */
const OLD_BACKUP_DAY = '2026-12-10';
/** The kept visits (inside the period at the purge): June 2027. */
const KEPT_SUBMIT_DAY = '2027-06-05';
const KEPT_FIRST_DAY = '2027-06-10';
/** The daily retention run, the daily backup, and the next day's run (the default 180 days). */
export const PURGE_DAY = '2027-06-24';
const NEXT_DAY = '2027-06-25';
const VISIT_DAYS = 4;

const PASSWORD = 'privacy-pass-1';
const LOGINS = {
  admin: ['sysadmin'],
  head: ['dept_head'],
  host: ['host'],
  gm: ['executive'],
  office: ['admin_office'],
  desk: ['front_desk'],
  finance: ['finance'],
} as const satisfies Record<string, readonly Role[]>;
type Login = keyof typeof LOGINS;

export interface PrivacyOptions {
  /** Visits whose visitors are purged (kept visits: a quarter of it, at least 2). */
  visits: number;
  dir: string;
  log: (line: string) => void;
}

export interface ScanReport {
  variant: Variant;
  files: number;
  bytes: number;
  /** Copies of purged secrets found (bytes and search-index terms). */
  copies: number;
  hits: Hit[];
  /** Purged bigram terms still in a search index's vocabulary. */
  ftsTerms: number;
  /** Kept visitors' names found in the database (the scan's positive control). */
  keptFound: number;
  keptTotal: number;
  /** Backups the retention job removed. */
  backupsRemoved: number;
}

export interface MaskReport {
  lists: number;
  exports: number;
  /** Answers read (list × role that may see it). */
  answers: number;
  values: number;
  findings: { where: string; value: string }[];
}

export type Variant = 'purge' | 'no-purge' | 'no-secure-delete';

interface Seeded {
  purged: Person[];
  kept: Person[];
  /** Walk-ins' texts (name, phone, purpose), purged with them. */
  walkInSecrets: string[];
  mask: MaskReport;
}

class Company {
  now: number;
  readonly app: RunningApp;
  readonly tokens = new Map<Login, string>();
  readonly ids = new Map<Login, number>();
  private keyed = 0;

  constructor(file: string, nowMs: number) {
    this.now = nowMs;
    this.app = createApp(file, { clock: () => this.now });
  }

  token(login: Login): string {
    const t = this.tokens.get(login);
    if (!t) throw new Error(`${login} is not signed in`);
    return t;
  }

  async call<N extends OperationName>(
    op: N,
    input: OpInput<N>,
    login: Login | null,
    keyed = false,
  ): Promise<{ ok: true; value: OpOutput<N> } | { ok: false; code: string }> {
    const out = await dispatch(this.app, {
      op,
      input,
      token: login === null ? null : this.token(login),
      // A keyed write caches its answer (visitors and all) in idempotency_keys.
      ...(keyed ? { idempotencyKey: `privacy-${(this.keyed += 1)}-${'k'.repeat(16)}` } : {}),
    });
    if (out.result.ok) return { ok: true, value: out.result.value as OpOutput<N> };
    return { ok: false, code: out.result.error.code };
  }

  async ok<N extends OperationName>(
    op: N,
    input: OpInput<N>,
    login: Login,
    keyed = false,
  ): Promise<OpOutput<N>> {
    const r = await this.call(op, input, login, keyed);
    if (!r.ok) throw new Error(`${op} as ${login} failed: ${r.code}`);
    return r.value;
  }

  /** Moves the clock and signs everyone in again (sessions expire over days). */
  async at(ms: number): Promise<void> {
    this.now = ms;
    for (const login of this.ids.keys()) {
      const out = await dispatch(this.app, {
        op: 'auth.login',
        input: { login, password: PASSWORD },
        token: null,
      });
      if (!out.result.ok || typeof out.session !== 'string') throw new Error(`login ${login}`);
      this.tokens.set(login, out.session);
    }
  }

  async setUp(): Promise<void> {
    const admin = await dispatch(this.app, {
      op: 'setup.createAdmin',
      input: {
        companyName: '示例科技有限公司',
        login: 'admin',
        displayName: '王管理',
        password: PASSWORD,
      },
      token: null,
    });
    if (!admin.result.ok || typeof admin.session !== 'string') throw new Error('setup failed');
    this.tokens.set('admin', admin.session);
    this.ids.set('admin', (await this.ok('auth.session', {}, 'admin'))!.user.id);
    const names: Record<Exclude<Login, 'admin'>, string> = {
      head: '李部长',
      host: '王接待',
      gm: '张总',
      office: '刘行政',
      desk: '前台小周',
      finance: '钱会计',
    };
    for (const login of Object.keys(names) as Exclude<Login, 'admin'>[]) {
      const u = await this.ok(
        'users.create',
        {
          login,
          displayName: names[login],
          departmentId: null,
          roles: [...LOGINS[login]],
          password: PASSWORD,
        },
        'admin',
      );
      this.ids.set(login, u.id);
    }
    const dept = await this.ok(
      'departments.create',
      { name: '销售部', headUserId: this.ids.get('head')! },
      'admin',
    );
    for (const login of ['head', 'host'] as const) {
      await this.ok(
        'users.update',
        {
          id: this.ids.get(login)!,
          displayName: names[login],
          departmentId: dept.id,
          roles: [...LOGINS[login]],
          disabled: false,
        },
        'admin',
      );
    }
    await this.at(this.now);
  }

  /** Decides every step in turn until the request is filed. */
  async file(id: number): Promise<void> {
    for (let round = 0; round < 8; round++) {
      const d = await this.ok('requests.get', { id }, 'host');
      if (d.status === 'filed') return;
      let decided = false;
      for (const who of ['head', 'gm', 'office'] as const) {
        const seen = await this.ok('requests.get', { id }, who);
        if (seen.myStep) {
          await this.ok('approvals.decide', decision(seen.myStep), who, true);
          decided = true;
          break;
        }
      }
      if (!decided) throw new Error(`request ${id} is stuck at ${d.status}`);
    }
    throw new Error(`request ${id} was not filed`);
  }
}

function asVisitor(p: Person, i: number): Visitor {
  return visitor(p.name, {
    title: i % 2 === 0 ? '经理' : 'Engineer',
    phone: p.phone,
    ...(p.idNumber ? { idType: 'resident_id' as const, idNumber: p.idNumber } : {}),
  });
}

interface Visit {
  id: number;
  day: string;
  visitors: number;
}

/**
 * `n` visits of a pool on VISIT_DAYS days from `firstDay`, submitted on the clock's day: a draft
 * saved first, every third returned once and submitted again (a second revision), all filed.
 * Returns the visits and the people.
 */
async function makeVisits(
  c: Company,
  pool: 'purged' | 'kept',
  n: number,
  firstDay: string,
): Promise<{ visits: Visit[]; people: Person[] }> {
  const visits: Visit[] = [];
  const people: Person[] = [];
  for (let v = 0; v < n; v++) {
    const day = addDays(firstDay, v % VISIT_DAYS);
    const group = Array.from({ length: 2 + (v % 3) }, () => person(pool, people.length + 0)).map(
      (_, k) => person(pool, people.length + k),
    );
    people.push(...group);
    const body = requestBodyOn(day, day, {
      orgName: `${pool === 'purged' ? '华东精密仪器' : '西南电子'}有限公司 ${v + 1}`,
      visitors: group.map(asVisitor),
    });
    const draft = await c.ok('requests.saveDraft', { id: null, version: null, body }, 'host', true);
    let d = await c.ok(
      'requests.submit',
      { id: draft.id, version: draft.version, body },
      'host',
      true,
    );
    if (v % 3 === 0) {
      const seen = await c.ok('requests.get', { id: d.id }, 'head');
      if (!seen.myStep) throw new Error('no step for the head');
      await c.ok('approvals.decide', decision(seen.myStep, 'return', '请补充'), 'head', true);
      const back = await c.ok('requests.get', { id: d.id }, 'host');
      d = await c.ok(
        'requests.submit',
        {
          id: d.id,
          version: back.version,
          body: { ...body, purpose: `${body.purpose}（已补充）` },
        },
        'host',
        true,
      );
    }
    await c.file(d.id);
    visits.push({ id: d.id, day, visitors: group.length });
  }
  return { visits, people };
}

/** On each visit day: everyone checked in (ID's last four noted), a walk-in, then all out. */
async function visitDays(
  c: Company,
  visits: Visit[],
  people: Person[],
  walkIns: Person[],
  onDay?: (day: string) => Promise<void>,
): Promise<void> {
  const offsets: number[] = [];
  let at = 0;
  for (const v of visits) {
    offsets.push(at);
    at += v.visitors;
  }
  const days = [...new Set(visits.map((v) => v.day))].sort();
  for (const [k, day] of days.entries()) {
    await c.at(morningOf(day));
    let badge = 1;
    for (const [i, v] of visits.entries()) {
      if (v.day !== day) continue;
      const guests = Array.from({ length: v.visitors }, (_, seq) => {
        const p = people[offsets[i]! + seq]!;
        return {
          seq,
          badgeNo: String(badge++),
          idType: p.idNumber ? ('resident_id' as const) : null,
          idLast4: p.idNumber.slice(-4),
          consent: true,
        };
      });
      await c.ok(
        'frontdesk.checkIn',
        { requestId: v.id, walkInId: null, guests, overrideReason: '', watchOverrideReason: '' },
        'desk',
        true,
      );
    }
    const w = walkIns[k];
    if (w) {
      const reg = await c.ok(
        'frontdesk.registerWalkIn',
        {
          name: w.name,
          orgName: '临时来访单位',
          phone: w.phone,
          hostUserId: c.ids.get('host')!,
          purpose: `${w.name}送达合同原件`,
        },
        'desk',
        true,
      );
      const answered = await c.ok(
        'frontdesk.answerWalkIn',
        { id: reg.id, version: reg.version, accept: k % 2 === 0, comment: '' },
        'host',
        true,
      );
      if (answered.status === 'accepted') {
        await c.ok(
          'frontdesk.checkIn',
          {
            requestId: null,
            walkInId: reg.id,
            guests: [
              { seq: 0, badgeNo: String(badge++), idType: null, idLast4: '', consent: true },
            ],
            overrideReason: '',
            watchOverrideReason: '',
          },
          'desk',
          true,
        );
      }
    }
    if (onDay) await onDay(day);
    await c.at(morningOf(day) + 6 * 3_600_000);
    const site = await c.ok('frontdesk.onSite', { arrivedBefore: null }, 'desk');
    const ids = site.guests.map((g) => g.guestId);
    if (ids.length > 0) {
      await c.ok('frontdesk.checkOut', { guestIds: ids, atMs: null }, 'desk', true);
    }
  }
}

/** The lists that carry visitors (or could): their inputs on `day`. */
function listCalls(day: string, requestId: number): { op: OperationName; input: unknown }[] {
  const period = { from: addDays(day, -10), to: addDays(day, 10) };
  return [
    ...(['mine', 'department', 'all'] as const).map((scope) => ({
      op: 'requests.list' as const,
      input: { scope, limit: 200 },
    })),
    { op: 'requests.list', input: { scope: 'all', search: '有限公司', limit: 200 } },
    { op: 'approvals.inbox', input: {} },
    { op: 'approvals.decided', input: { limit: 200 } },
    { op: 'frontdesk.board', input: { day } },
    { op: 'frontdesk.onSite', input: { arrivedBefore: null } },
    { op: 'frontdesk.walkIns', input: { day } },
    { op: 'frontdesk.myWalkIns', input: {} },
    { op: 'frontdesk.suggestVisitors', input: { query: '' } },
    { op: 'bookings.day', input: { date: day } },
    { op: 'bookings.toPlan', input: { cursor: null } },
    { op: 'bookings.ofRequest', input: { requestId } },
    { op: 'tasks.mine', input: { limit: 200 } },
    { op: 'expenses.lines', input: { period } },
    { op: 'expenses.reconciliations', input: { status: 'open', limit: 200 } },
    { op: 'audit.list', input: { limit: 200 } },
    { op: 'notifications.list', input: {} },
  ] as { op: OperationName; input: unknown }[];
}

async function download(c: Company, jobId: string, login: Login): Promise<Buffer> {
  for (let i = 0; i < 500; i++) {
    const r = await c.call('exports.download', { jobId }, login);
    if (r.ok) return Buffer.from(r.value.dataBase64, 'base64');
    if (r.code !== 'CONFLICT') throw new Error(`exports.download: ${r.code}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the export never finished');
}

/** Every list as every role, and the four exports (CSV and XLSX) as each role that may export. */
async function checkMasks(c: Company, day: string, requestId: number, check: MaskCheck) {
  const report = { lists: 0, exports: 0, answers: 0 };
  const seenLists = new Set<string>();
  const suggestQueries = ['欧阳', '18', 'Quillon'];
  for (const { op, input } of listCalls(day, requestId)) {
    const inputs =
      op === 'frontdesk.suggestVisitors' ? suggestQueries.map((query) => ({ query })) : [input];
    for (const login of c.ids.keys()) {
      for (const i of inputs) {
        const r = await c.call(op, i as never, login);
        if (!r.ok) continue;
        report.answers += 1;
        seenLists.add(op);
        // The request form's autofill shows a returning visitor's phone whole on purpose (it
        // fills the form's phone; hosts and the desk only, ten at a time): IDs only there.
        check.answer(`${op} as ${login}`, r.value, { phones: op !== 'frontdesk.suggestVisitors' });
      }
    }
  }
  report.lists = seenLists.size;
  const filters = [
    { source: 'requests', list: { scope: 'all' } },
    { source: 'visitors', day },
    { source: 'bookings', from: addDays(day, -10), to: addDays(day, 10) },
    { source: 'expenses', period: { from: addDays(day, -10), to: addDays(day, 10) } },
  ] as const;
  const exported = new Set<string>();
  for (const filter of filters) {
    for (const login of c.ids.keys()) {
      for (const format of ['csv', 'xlsx'] as const) {
        const job = await c.call('exports.start', { format, filter } as never, login, true);
        if (!job.ok) continue;
        const bytes = await download(c, (job.value as { jobId: string }).jobId, login);
        report.answers += 1;
        exported.add(filter.source);
        const where = `export ${filter.source}.${format} as ${login}`;
        if (format === 'csv') {
          const text = bytes.toString('utf8');
          for (const cell of text.split(/[\r\n,]+/)) check.value(where, cell);
          // And the whole text, should a number be split over cells or quoted oddly.
          check.value(where, text);
        } else {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(bytes as unknown as ArrayBuffer);
          book.eachSheet((sheet) =>
            sheet.eachRow((row) =>
              row.eachCell((cell) => check.value(where, cell.text ?? String(cell.value))),
            ),
          );
        }
      }
    }
  }
  report.exports = exported.size;
  return report;
}

async function seed(file: string, backupDir: string, o: PrivacyOptions): Promise<Seeded> {
  const c = new Company(file, morningOf(OLD_SUBMIT_DAY));
  // Seeding is not the subject: no waiting for the disk.
  c.app.sqlite.pragma('synchronous = OFF');
  const t0 = performance.now();
  const lap = (what: string) =>
    o.log(`D8 time: ${what} at ${Math.round(performance.now() - t0)} ms`);
  await c.setUp();
  const old = await makeVisits(c, 'purged', o.visits, OLD_FIRST_DAY);
  lap('old visits filed');
  const oldWalkIns = Array.from({ length: VISIT_DAYS }, (_, k) => person('purged', 1_500 + k));
  const keptCount = Math.max(2, Math.ceil(o.visits / 4));
  const everyone = [...old.people, ...oldWalkIns];
  const check = new MaskCheck({
    phones: everyone.map((p) => p.phone),
    ids: everyone.map((p) => p.idNumber),
  });
  let mask = { lists: 0, exports: 0, answers: 0 };
  const lastDay = addDays(OLD_FIRST_DAY, VISIT_DAYS - 1);
  await visitDays(c, old.visits, old.people, oldWalkIns, async (day) => {
    // While the last day's visitors are inside: every list and export, as every role.
    if (day === lastDay) {
      lap('before the masks');
      mask = await checkMasks(c, day, old.visits[0]!.id, check);
      lap('masks checked');
    }
  });
  lap('old visit days');
  // A draft never submitted, its visit long past: drafts are purged too.
  await c.at(morningOf(OLD_SUBMIT_DAY) + 3_600_000);
  const draftPeople = [person('purged', 1_600), person('purged', 1_601)];
  await c.ok(
    'requests.saveDraft',
    {
      id: null,
      version: null,
      body: requestBodyOn(OLD_FIRST_DAY, OLD_FIRST_DAY, { visitors: draftPeople.map(asVisitor) }),
    },
    'host',
    true,
  );
  // The daily backup of 2026-12-10: holds the old visitors; older than the period at the purge.
  await c.at(morningOf(OLD_BACKUP_DAY));
  const oldBackup = path.join(backupDir, `reception-${OLD_BACKUP_DAY}.db`);
  await backupDatabase(c.app.sqlite, oldBackup);
  fs.utimesSync(oldBackup, new Date(c.now), new Date(c.now));
  // The kept visits, in June 2027.
  await c.at(morningOf(KEPT_SUBMIT_DAY));
  const kept = await makeVisits(c, 'kept', keptCount, KEPT_FIRST_DAY);
  const keptWalkIns = [person('kept', 700)];
  await visitDays(c, kept.visits, kept.people, keptWalkIns);
  lap('kept visits');
  await c.app.close();
  return {
    purged: [...old.people, ...draftPeople],
    kept: [...kept.people, ...keptWalkIns],
    walkInSecrets: oldWalkIns.flatMap((w) => [w.name, w.phone, `${w.name}送达合同原件`]),
    mask: { ...mask, values: check.values, findings: check.findings },
  };
}

/**
 * The retention job as the scheduler runs it, on a copy of the seeded files: the run of
 * PURGE_DAY, that day's backup, the next day's run; then the scan of whatever files exist.
 */
async function purgeAndScan(
  seedDir: string,
  dir: string,
  seeded: Seeded,
  variant: Variant,
): Promise<ScanReport> {
  fs.cpSync(seedDir, dir, { recursive: true });
  const file = path.join(dir, 'reception.db');
  const backupDir = path.join(dir, 'backups');
  const before = listBackups(backupDir).length;
  let now = morningOf(PURGE_DAY);
  const app = createApp(file, { clock: () => now });
  try {
    if (variant === 'no-secure-delete') app.sqlite.pragma('secure_delete = OFF');
    if (variant !== 'no-purge') await purgeExpiredVisitors(app.db, now, { backupDir });
    const daily = path.join(backupDir, `reception-${PURGE_DAY}.db`);
    await backupDatabase(app.sqlite, daily);
    fs.utimesSync(daily, new Date(now), new Date(now));
    now = morningOf(NEXT_DAY);
    if (variant !== 'no-purge') await purgeExpiredVisitors(app.db, now, { backupDir });
    // The scan, with the app still running: what a copy of its folder would hold now.
    const backups = listBackups(backupDir);
    const files = [file, `${file}-wal`, `${file}-shm`, ...backups];
    const secrets = [
      ...seeded.purged.flatMap((p) => [p.name, p.phone, p.idNumber]),
      ...seeded.walkInSecrets,
    ].filter((s) => s !== '');
    const all: Needle[] = secrets.flatMap((s) => needles(s, { bigrams: nonAscii(s) }));
    const scan = scanFiles(files, all);
    // The search indexes' vocabularies, read on a copy (a term may be stored prefix-compressed).
    const copy = path.join(dir, 'vocab-copy.db');
    await app.sqlite.backup(copy);
    const vocab = ftsTerms(copy, ['request_search', 'audit_search']);
    const purgedTerms = new Set(
      seeded.purged.flatMap((p) => (nonAscii(p.name) ? bigramTerms(p.name) : [])),
    );
    let fts = 0;
    for (const terms of vocab.values()) for (const t of purgedTerms) if (terms.has(t)) fts += 1;
    fs.rmSync(copy, { force: true });
    const db = fs.readFileSync(file);
    const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0);
    const keptFound = seeded.kept.filter((p) => {
      const b = Buffer.from(p.name, 'utf8');
      return db.includes(b) || wal.includes(b);
    }).length;
    return {
      variant,
      files: scan.files,
      bytes: scan.bytes,
      copies: scan.hits.length + fts,
      hits: scan.hits,
      ftsTerms: fts,
      keptFound,
      keptTotal: seeded.kept.length,
      backupsRemoved: before + 1 - backups.length,
    };
  } finally {
    await app.close();
  }
}

export interface PrivacyResult {
  purgedNames: number;
  mask: MaskReport;
  scan: ScanReport;
  selfTests: ScanReport[];
}

/** Seeds once, then scans after the purge and in the two broken variants. */
export async function runPrivacy(
  o: PrivacyOptions,
  variants: readonly Variant[] = ['purge', 'no-purge', 'no-secure-delete'],
): Promise<PrivacyResult> {
  const seedDir = path.join(o.dir, 'seed');
  fs.mkdirSync(path.join(seedDir, 'backups'), { recursive: true });
  const t0 = performance.now();
  const seeded = await seed(path.join(seedDir, 'reception.db'), path.join(seedDir, 'backups'), o);
  o.log(
    `D8: seeded ${seeded.purged.length} purged and ${seeded.kept.length} kept visitors in ` +
      `${Math.round(performance.now() - t0)} ms`,
  );
  const reports: ScanReport[] = [];
  for (const variant of variants) {
    const t1 = performance.now();
    const r = await purgeAndScan(seedDir, path.join(o.dir, variant), seeded, variant);
    o.log(
      `D8 ${variant}: ${r.copies} copies (${r.ftsTerms} index terms) in ${r.files} files, ` +
        `${r.bytes} bytes; kept names found ${r.keptFound}/${r.keptTotal}; ` +
        `backups removed ${r.backupsRemoved}; ${Math.round(performance.now() - t1)} ms`,
    );
    const byFile = new Map<string, number>();
    for (const h of r.hits) {
      const k = `${path.basename(h.file)} ${h.form}`;
      byFile.set(k, (byFile.get(k) ?? 0) + 1);
    }
    for (const [k, n] of byFile) o.log(`  ${k}: ${n}`);
    reports.push(r);
  }
  const [scan, ...selfTests] = reports;
  return { purgedNames: seeded.purged.length, mask: seeded.mask, scan: scan!, selfTests };
}
