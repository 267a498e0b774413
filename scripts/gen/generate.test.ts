import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../main/app';
import { openDatabase } from '../../main/db/open';
import { hashPassword } from '../../main/domains/auth/passwords';
import { makeTempDir } from '../../main/test-support';
import { estimateBudget, policySchema } from '../../shared/policy';
import { orgKey } from '../../shared/requests/org';
import { requestBodySchema } from '../../shared/requests/schema';
import { DEFAULT_NOW_MS, GEN_PASSWORD, generate, type GenerateStats } from './generate';

const VISITS = 1500;
let dir = '';
let passwordHash = '';

/** A new database file made by the app's migrations and filled by the generator. */
function generated(name: string, seed: number): { file: string; stats: GenerateStats } {
  const file = path.join(dir, name);
  const db = openDatabase(file);
  try {
    const stats = generate(db.sqlite, {
      visits: VISITS,
      seed,
      nowMs: DEFAULT_NOW_MS,
      passwordHash,
    });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { file, stats };
  } finally {
    db.sqlite.close();
    db.lock?.release();
  }
}

/**
 * A digest per table of every row in key order. policy_versions.created_at_ms is left out: the
 * migration stamps it with the time the file was created (the one column the generator does not
 * write, and cannot: policy versions are immutable).
 */
function checksums(sqlite: Database): Record<string, string> {
  const tables = sqlite
    .prepare(
      `SELECT name, wr FROM pragma_table_list
       WHERE type = 'table' AND schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string; wr: number }[];
  const out: Record<string, string> = {};
  for (const { name, wr } of tables) {
    const columns = (
      sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as {
        name: string;
      }[]
    )
      .map((c) => c.name)
      .filter((c) => !(name === 'policy_versions' && c === 'created_at_ms'));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const order = wr ? columns.map((_c, i) => i + 1).join(', ') : 'rowid';
    const hash = crypto.createHash('sha256');
    for (const row of sqlite.prepare(`SELECT ${list} FROM "${name}" ORDER BY ${order}`).iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
    out[name] = hash.digest('hex');
  }
  return out;
}

let first: { file: string; stats: GenerateStats };
let app: RunningApp;

beforeAll(async () => {
  dir = makeTempDir('rm-gen-');
  // The hasher the tests run with (main/test-support.ts), so that sign-in checks it.
  passwordHash = await hashPassword(GEN_PASSWORD);
  first = generated('first.db', 1);
  app = createApp(first.file, { clock: () => DEFAULT_NOW_MS });
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = <T>(sql: string, ...params: unknown[]) =>
  app.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => rows<T>(sql, ...params)[0] as T;

describe('generate', () => {
  it('is a pure function of (visits, seed, now): the same seed writes the same rows', () => {
    const again = generated('again.db', 1);
    const other = generated('other.db', 2);
    const open = (file: string) => {
      const db = openDatabase(file, { lock: false });
      try {
        return checksums(db.sqlite);
      } finally {
        db.sqlite.close();
      }
    };
    const a = checksums(app.sqlite);
    const b = open(again.file);
    const c = open(other.file);
    expect(Object.keys(a).length).toBeGreaterThan(15);
    expect(b).toEqual(a);
    expect(again.stats.rows).toEqual(first.stats.rows);
    for (const table of ['requests', 'approval_steps', 'notifications', 'audit_log', 'users']) {
      expect(c[table], table).not.toBe(a[table]);
    }
  });

  it('writes the volumes and the status mix it means to', () => {
    const { rows: n, statuses } = first.stats;
    expect(n.requests).toBe(VISITS);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM requests').n).toBe(VISITS);
    const share = (s: keyof typeof statuses) => statuses[s] / VISITS;
    expect(share('filed') + share('approved')).toBeGreaterThan(0.8);
    expect(share('cancelled')).toBeGreaterThan(0.02);
    expect(share('cancelled')).toBeLessThan(0.09);
    expect(share('rejected')).toBeGreaterThan(0.015);
    expect(share('rejected')).toBeLessThan(0.06);
    expect(share('draft')).toBeGreaterThan(0.005);
    expect(share('draft')).toBeLessThan(0.04);
    expect(share('returned')).toBeLessThan(0.03);
    // Submitting moves on to approval in the same transaction: nobody ever sees 'submitted'.
    expect(statuses.submitted).toBe(0);
    const visitors = one<{ v: number }>('SELECT avg(visitor_count) AS v FROM requests').v;
    expect(visitors).toBeGreaterThan(3.3);
    expect(visitors).toBeLessThan(4.7);
    const future = one<{ n: number }>(
      `SELECT count(*) AS n FROM requests WHERE arrival_date > '2026-12-01'`,
    ).n;
    expect(future / VISITS).toBeGreaterThan(0.005);
    expect(future / VISITS).toBeLessThan(0.03);
    const tiers = Object.fromEntries(
      rows<{ tier: string; n: number }>(
        'SELECT tier, count(*) AS n FROM requests GROUP BY tier',
      ).map((r) => [r.tier, r.n / VISITS]),
    );
    expect(tiers.C).toBeGreaterThan(0.35);
    expect(tiers.A).toBeLessThan(0.1);
    expect(n.request_revisions).toBe(
      one<{ n: number }>('SELECT sum(revision) AS n FROM requests').n,
    );
    expect(n.notifications / VISITS).toBeGreaterThan(5);
    expect(n.approval_steps / VISITS).toBeGreaterThan(2);
  });

  it('keeps the life-cycle rules: steps agree with the status of every request', () => {
    // Open steps of the current round, and what the other steps of that round are.
    const facts = rows<{
      id: number;
      status: string;
      revision: number;
      policy_version: number | null;
      steps: number;
      open: number;
      pending: number;
      pending_filing: number;
      done: number;
      stops: number;
      stale_open: number;
    }>(
      `SELECT r.id, r.status, r.revision, r.policy_version,
         count(s.id) AS steps,
         coalesce(sum(s.revision = r.revision AND s.status IN ('waiting', 'pending')), 0) AS open,
         coalesce(sum(s.revision = r.revision AND s.status = 'pending'), 0) AS pending,
         coalesce(sum(s.revision = r.revision AND s.status = 'pending' AND s.kind = 'admin_office'), 0) AS pending_filing,
         coalesce(sum(s.revision = r.revision AND s.status IN ('approved', 'skipped')), 0) AS done,
         coalesce(sum(s.revision = r.revision AND s.status IN ('rejected', 'returned')), 0) AS stops,
         coalesce(sum(s.revision < r.revision AND s.status IN ('waiting', 'pending')), 0) AS stale_open
       FROM requests r LEFT JOIN approval_steps s ON s.subject_type = 'request' AND s.subject_id = r.id
       GROUP BY r.id`,
    );
    const current = (id: number) =>
      rows<{ status: string; kind: string }>(
        `SELECT s.status, s.kind FROM approval_steps s JOIN requests r ON r.id = s.subject_id
         WHERE s.subject_id = ? AND s.revision = r.revision ORDER BY s.seq`,
        id,
      );
    for (const f of facts) {
      const where = `request ${f.id} (${f.status})`;
      expect(f.stale_open, where).toBe(0);
      switch (f.status) {
        case 'draft':
          expect([f.revision, f.steps, f.policy_version], where).toEqual([0, 0, null]);
          break;
        case 'approving':
          expect([f.pending, f.open > 0, f.pending_filing], where).toEqual([1, true, 0]);
          break;
        case 'approved': {
          // The filing step left: the request already counts as approved (engine.advance).
          const steps = current(f.id);
          expect(f.pending, where).toBe(1);
          expect(steps.at(-1), where).toEqual({ status: 'pending', kind: 'admin_office' });
          expect(steps.slice(0, -1).every((s) => ['approved', 'skipped'].includes(s.status))).toBe(
            true,
          );
          break;
        }
        case 'filed': {
          const steps = current(f.id);
          expect(f.done, where).toBe(steps.length);
          expect(steps.at(-1), where).toEqual({ status: 'approved', kind: 'admin_office' });
          break;
        }
        case 'returned':
        case 'rejected':
          expect([f.open, f.stops], where).toEqual([0, 1]);
          break;
        case 'cancelled':
          expect(f.open, where).toBe(0);
          break;
        default:
          throw new Error(`unexpected status ${f.status}`);
      }
      if (f.status !== 'draft' && !(f.status === 'cancelled' && f.revision === 0)) {
        expect(f.policy_version, where).toBe(1);
        expect(f.revision, where).toBeGreaterThan(0);
      }
    }
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM approval_steps WHERE status IN ('approved', 'rejected', 'returned')
           AND (decided_by IS NULL OR decided_at_ms IS NULL)`,
      ).n,
    ).toBe(0);
    // A pending department-head step waits for the head of the request's department.
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM approval_steps s JOIN requests r ON r.id = s.subject_id
           JOIN departments d ON d.id = r.department_id
         WHERE s.kind = 'dept_head' AND s.status <> 'skipped' AND s.assignee_user_id IS NOT d.head_user_id`,
      ).n,
    ).toBe(0);
  });

  it('writes bodies exactly as the app would: they parse, and the mirrored columns match', () => {
    const policy = policySchema.parse(
      JSON.parse(one<{ policy: string }>('SELECT policy FROM policy_versions').policy),
    );
    const all = rows<{
      id: number;
      code: string;
      body: string;
      org_name: string;
      org_key: string;
      tier: string;
      visitor_count: number;
      budget_total_fen: number;
      arrival_date: string;
      created_at_ms: number;
    }>('SELECT * FROM requests ORDER BY id');
    const codes = new Set<string>();
    for (const r of all) {
      const body = requestBodySchema.parse(JSON.parse(r.body));
      expect(JSON.stringify(body), r.code).toBe(r.body);
      expect(r.org_name).toBe(body.orgName.trim());
      expect(r.org_key).toBe(orgKey(body.orgName));
      expect(r.tier).toBe(body.tier);
      expect(r.visitor_count).toBe(body.visitors.length);
      expect(r.arrival_date).toBe(body.arrivalDate);
      expect(r.budget_total_fen).toBe(estimateBudget(body, policy).totalFen);
      // The code is the company day of creation (Asia/Shanghai) and its number that day.
      const day = new Date(r.created_at_ms + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(r.code).toMatch(new RegExp(`^JD${day.replaceAll('-', '')}-\\d{3,}$`));
      codes.add(r.code);
    }
    expect(codes.size).toBe(all.length);
    for (const rev of rows<{ body: string }>('SELECT body FROM request_revisions')) {
      expect(JSON.stringify(requestBodySchema.parse(JSON.parse(rev.body)))).toBe(rev.body);
    }
  });

  it('the app reads what was written, as every role', async () => {
    const signIn = async (login: string) => {
      const out = await dispatch(app, {
        op: 'auth.login',
        input: { login, password: GEN_PASSWORD },
        token: null,
      });
      expect(out.result.ok, login).toBe(true);
      return out.session as string;
    };
    const call = async (token: string, op: string, input: unknown) => {
      const out = await dispatch(app, { op, input, token });
      if (!out.result.ok)
        throw new Error(`${op} ${JSON.stringify(input)}: ${JSON.stringify(out.result.error)}`);
      return out.result.value as Record<string, unknown>;
    };
    const loginOf = (role: string, extra = '') =>
      one<{ login: string }>(
        `SELECT u.login FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE ur.role = ? AND u.disabled = 0 ${extra} ORDER BY u.id LIMIT 1`,
        role,
      ).login;
    const tokens = new Map<string, string>();
    const as = async (login: string) => {
      let token = tokens.get(login);
      if (!token) {
        token = await signIn(login);
        tokens.set(login, token);
      }
      return token;
    };

    const office = await as(loginOf('admin_office', "AND u.login <> 'u0006'"));
    const admin = await as('admin');
    const executive = await as(loginOf('executive'));
    const busyHead = one<{ login: string }>(
      `SELECT u.login FROM approval_steps s JOIN users u ON u.id = s.assignee_user_id
       WHERE s.status = 'pending' AND s.kind = 'dept_head' GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`,
    );
    const head = await as(busyHead?.login ?? loginOf('dept_head', "AND u.login <> 'u0001'"));
    for (const role of ['front_desk', 'finance', 'host']) await as(loginOf(role));

    for (const status of [
      'draft',
      'approving',
      'approved',
      'filed',
      'returned',
      'rejected',
      'cancelled',
    ]) {
      const sample = rows<{ id: number; login: string; revision: number }>(
        `SELECT r.id, u.login, r.revision FROM requests r JOIN users u ON u.id = r.host_user_id
         WHERE r.status = ? AND (r.revision > 0 OR u.disabled = 0) ORDER BY r.id LIMIT 50`,
        status,
      );
      expect(sample.length, status).toBeGreaterThan(0);
      for (const r of sample) {
        // A request its host never submitted is his alone (whose account must still be enabled to
        // sign in); the admin office reads all the others.
        const token = r.revision === 0 ? await as(r.login) : office;
        const dossier = await call(token, 'requests.get', { id: r.id });
        expect(dossier.status).toBe(status);
      }
    }
    // The waiting department-head steps are the head's to decide.
    for (const r of rows<{ id: number; login: string }>(
      `SELECT s.subject_id AS id, u.login FROM approval_steps s JOIN users u ON u.id = s.assignee_user_id
       WHERE s.status = 'pending' AND s.kind = 'dept_head' ORDER BY s.id LIMIT 10`,
    )) {
      const dossier = await call(await as(r.login), 'requests.get', { id: r.id });
      expect(dossier.myStep).not.toBeNull();
    }

    const all = await call(office, 'requests.list', { scope: 'all' });
    expect(Array.isArray(all.items) && all.items.length > 0).toBe(true);
    const busiestHost = one<{ login: string }>(
      `SELECT u.login FROM requests r JOIN users u ON u.id = r.host_user_id
       WHERE u.disabled = 0 GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`,
    ).login;
    const mine = await call(await as(busiestHost), 'requests.list', { scope: 'mine' });
    expect(Array.isArray(mine.items) && mine.items.length > 0).toBe(true);

    let waiting = 0;
    for (const token of [head, executive, office]) {
      const inbox = (await call(token, 'approvals.inbox', {})) as unknown as unknown[];
      const { count } = await call(token, 'approvals.count', {});
      expect(count).toBe(inbox.length);
      waiting += inbox.length;
    }
    expect(waiting).toBeGreaterThan(0);

    const audit = await call(admin, 'audit.list', {});
    expect(Array.isArray(audit.items) && audit.items.length > 0).toBe(true);
    for (const token of tokens.values()) {
      const notes = await call(token, 'notifications.list', {});
      expect(Array.isArray(notes.items)).toBe(true);
    }
    const office2 = await call(office, 'notifications.list', {});
    expect((office2.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('leaves notifications mostly read, the recent ones partly unread', () => {
    const perUser = rows<{ unread: number; total: number }>(
      `SELECT sum(read_at_ms IS NULL) AS unread, count(*) AS total FROM notifications GROUP BY user_id`,
    );
    const unread = perUser.reduce((s, u) => s + u.unread, 0);
    const total = perUser.reduce((s, u) => s + u.total, 0);
    expect(unread).toBeGreaterThan(0);
    expect(unread / total).toBeLessThan(0.05);
    expect(Math.max(...perUser.map((u) => u.unread))).toBeLessThan(300);
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM notifications WHERE read_at_ms < created_at_ms OR read_at_ms > ?',
        DEFAULT_NOW_MS,
      ).n,
    ).toBe(0);
    // Ids follow time, as in a database the app filled day by day.
    for (const table of ['audit_log', 'notifications', 'request_events']) {
      const column = table === 'notifications' ? 'created_at_ms' : 'at_ms';
      expect(
        one<{ n: number }>(
          `SELECT count(*) AS n FROM (SELECT ${column} AS t, lag(${column}) OVER (ORDER BY id) AS prev FROM ${table}) WHERE t < prev`,
        ).n,
        table,
      ).toBe(0);
    }
  });

  it('passes integrity_check and foreign_key_check, with the app’s pragmas back', () => {
    expect(app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.sqlite.pragma('foreign_key_check')).toEqual([]);
    const raw = openDatabase(first.file, { lock: false });
    try {
      expect(raw.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.sqlite.close();
    }
  });
});
