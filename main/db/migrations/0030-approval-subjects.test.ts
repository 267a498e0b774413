import path from 'node:path';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { dispatch } from '../../api/dispatcher';
import { createApp } from '../../app';
import { hashPassword } from '../../domains/auth';
import { makeTempDir, START_MS } from '../../test-support';
import { requestBody } from '../../test-fixtures';
import { applyPragmas } from '../open';
import { migrate, schemaVersion } from '../migrate';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { insertRow, rowsInOrder, tableNames } from './test-helpers';

/** Up to this migration only: later ones may add tables of their own. */
const UP_TO_30 = MIGRATIONS.filter((m) => m.version <= 30);
import { migration0010 } from './0010-foundation';
import { migration0020 } from './0020-requests';

/**
 * A database written by the schema before the approval engine (migrations 10 and 20), filled the
 * way the app filled it: a company, requests in every state with their revisions, approval steps of
 * several rounds and statuses, decisions in one's own name and on behalf of a delegator, the
 * timeline pointing at steps, notifications and the audit log. Migration 30 must carry all of it.
 */

const PASSWORD = 'migrated-pass-1';
const DAY = 86_400_000;

let dir: string;
let file: string;
let db: Database;

interface Company {
  admin: number;
  head: number;
  deputy: number;
  host: number;
  gm: number;
  office: number;
  dept: number;
  /** Request ids by what happened to them. */
  filed: number;
  resubmitted: number;
  rejected: number;
  onBehalf: number;
  draft: number;
  cancelled: number;
  /** The pending step of the resubmitted request's second round. */
  pendingStep: number;
}

/** Fills the old schema as the app of migration 20 did. */
async function fillLikeTheApp(): Promise<Company> {
  const hash = await hashPassword(PASSWORD);
  const user = (login: string, name: string, roles: string[], dept: number | null = null) => {
    const id = insertRow(db, 'users', {
      login,
      display_name: name,
      department_id: dept,
      password_hash: hash,
      created_at_ms: START_MS,
      updated_at_ms: START_MS,
    });
    for (const role of roles) insertRow(db, 'user_roles', { user_id: id, role });
    return id;
  };
  insertRow(db, 'settings', { key: 'companyName', value: JSON.stringify('示例科技有限公司') });
  insertRow(db, 'settings', { key: 'timeZone', value: JSON.stringify('Asia/Shanghai') });
  const admin = user('admin', '王管理', ['sysadmin']);
  const head = user('head', '李部长', ['dept_head']);
  const dept = insertRow(db, 'departments', {
    name: '销售部',
    head_user_id: head,
    created_at_ms: START_MS,
    updated_at_ms: START_MS,
  });
  db.prepare('UPDATE users SET department_id = ? WHERE id = ?').run(dept, head);
  const deputy = user('deputy', '赵副部长', ['dept_head'], dept);
  const host = user('host', '王接待', ['host'], dept);
  const gm = user('gm', '张总', ['executive']);
  const office = user('office', '刘行政', ['admin_office']);
  insertRow(db, 'sessions', {
    token_hash: 'f'.repeat(64),
    user_id: host,
    created_at_ms: START_MS,
    last_active_at_ms: START_MS,
  });
  // A second policy version: requests keep the one they were submitted under.
  insertRow(db, 'policy_versions', {
    version: 2,
    policy: JSON.stringify({ ...DEFAULT_POLICY, repeatVisitDays: 10 }),
    created_at_ms: START_MS,
    created_by: admin,
    note: '复访间隔 10 天',
  });
  insertRow(db, 'delegations', {
    user_id: head,
    delegate_user_id: deputy,
    from_date: '2026-11-27',
    to_date: '2026-12-31',
    created_at_ms: START_MS,
  });
  insertRow(db, 'delegations', {
    user_id: gm,
    delegate_user_id: office,
    from_date: '2026-11-01',
    to_date: '2026-11-10',
    created_at_ms: START_MS - 30 * DAY,
    revoked_at_ms: START_MS - 29 * DAY,
  });

  let n = 0;
  let at = START_MS;
  const request = (
    status: string,
    tier: string,
    revision: number,
    policyVersion: number | null,
  ) => {
    n += 1;
    const body = requestBody({ orgName: `来访单位 ${n}`, tier: tier as 'A' | 'C' });
    const id = insertRow(db, 'requests', {
      code: `JD20261127-00${n}`,
      status,
      host_user_id: host,
      department_id: dept,
      org_name: body.orgName,
      org_category: body.orgCategory,
      tier,
      arrival_date: body.arrivalDate,
      departure_date: body.departureDate,
      visitor_count: body.visitors.length,
      policy_version: policyVersion,
      body: JSON.stringify(body),
      budget_total_fen: 80000,
      revision,
      version: 3 + revision,
      created_at_ms: at,
      updated_at_ms: at + 1000,
    });
    event(id, host, 'created');
    for (let rev = 1; rev <= revision; rev++) {
      insertRow(db, 'request_revisions', {
        request_id: id,
        revision: rev,
        body: JSON.stringify({ ...body, purpose: `第 ${rev} 版` }),
        checks: JSON.stringify(
          rev === 1 ? [] : [{ code: 'repeat_visit', severity: 'warn', params: {} }],
        ),
        budget: JSON.stringify({ lines: [], totalFen: 80000 + rev, headcount: 3 }),
        policy_version: policyVersion ?? 1,
        submitted_at_ms: at + rev,
        submitted_by: host,
      });
      event(id, host, rev === 1 ? 'submitted' : 'resubmitted', null, { revision: rev });
    }
    return id;
  };
  const step = (
    requestId: number,
    revision: number,
    seq: number,
    kind: string,
    status: string,
    extra: Record<string, unknown> = {},
  ) =>
    insertRow(db, 'approval_steps', {
      request_id: requestId,
      revision,
      seq,
      kind,
      reason: seq === 2 && kind === 'executive' ? 'tier_override' : 'base',
      status,
      ...extra,
    });
  function event(
    requestId: number,
    actor: number,
    kind: string,
    stepId: number | null = null,
    data: Record<string, unknown> = {},
    onBehalfOf: number | null = null,
  ) {
    at += 60_000;
    return insertRow(db, 'request_events', {
      request_id: requestId,
      at_ms: at,
      actor_user_id: actor,
      on_behalf_of_user_id: onBehalfOf,
      kind,
      step_id: stepId,
      comment: kind === 'returned' ? '请补充议程' : '',
      data: JSON.stringify(data),
    });
  }
  const decided = (by: number, comment = '同意', onBehalfOf: number | null = null) => ({
    decided_by: by,
    on_behalf_of: onBehalfOf,
    decided_at_ms: (at += 1000),
    comment,
    version: 2,
  });
  const audit = (operation: string, entityId: number, summary: unknown, actor = host) =>
    insertRow(db, 'audit_log', {
      at_ms: (at += 10),
      actor_user_id: actor,
      actor_name: 'x',
      operation,
      entity_type: 'request',
      entity_id: String(entityId),
      summary: JSON.stringify(summary),
    });

  // Filed: the head approved, the admin office filed.
  const filed = request('filed', 'C', 1, 1);
  const f1 = step(filed, 1, 1, 'dept_head', 'approved', {
    assignee_user_id: head,
    ...decided(head),
  });
  const f2 = step(filed, 1, 2, 'admin_office', 'approved', decided(office, '已备案'));
  event(filed, head, 'approved', f1, { step: 'dept_head', revision: 1 });
  event(filed, office, 'filed', f2, { step: 'admin_office', revision: 1 });
  audit('approvals.decide', filed, { step: 'dept_head', action: 'approve' }, head);
  audit('approvals.decide', filed, { step: 'admin_office', action: 'approve' }, office);

  // Returned in round 1, resubmitted: round 2 waits for the head.
  const resubmitted = request('approving', 'C', 2, 2);
  const r1 = step(resubmitted, 1, 1, 'dept_head', 'returned', {
    assignee_user_id: head,
    ...decided(head, '请补充议程'),
  });
  step(resubmitted, 1, 2, 'admin_office', 'cancelled', { version: 2 });
  event(resubmitted, head, 'returned', r1, { step: 'dept_head', revision: 1 });
  const pendingStep = step(resubmitted, 2, 1, 'dept_head', 'pending', {
    assignee_user_id: head,
    version: 2,
  });
  step(resubmitted, 2, 2, 'admin_office', 'waiting');
  event(resubmitted, deputy, 'commented', null, {});

  // Rejected.
  const rejected = request('rejected', 'C', 1, 1);
  const j1 = step(rejected, 1, 1, 'dept_head', 'rejected', {
    assignee_user_id: head,
    ...decided(head, '预算不合理'),
  });
  step(rejected, 1, 2, 'admin_office', 'cancelled', { version: 2 });
  event(rejected, head, 'rejected', j1, { step: 'dept_head', revision: 1 });

  // An A tier visit: the deputy approved on the head's behalf; the executives' pool decides now.
  const onBehalf = request('approving', 'A', 1, 2);
  const b1 = step(onBehalf, 1, 1, 'dept_head', 'approved', {
    assignee_user_id: head,
    ...decided(deputy, '代批', head),
  });
  step(onBehalf, 1, 2, 'executive', 'pending', { version: 2 });
  step(onBehalf, 1, 3, 'admin_office', 'waiting');
  event(onBehalf, deputy, 'approved', b1, { step: 'dept_head', revision: 1 }, head);
  audit('approvals.decide', onBehalf, { step: 'dept_head', onBehalfOf: head }, deputy);

  // A draft, and a cancelled request whose head step had been skipped.
  const draft = request('draft', 'C', 0, null);
  const cancelled = request('cancelled', 'B', 1, 1);
  step(cancelled, 1, 1, 'dept_head', 'skipped', { reason: 'host_is_head' });
  step(cancelled, 1, 2, 'executive', 'cancelled', { version: 2 });
  step(cancelled, 1, 3, 'admin_office', 'cancelled', { version: 2 });
  event(cancelled, host, 'cancelled', null, {});
  audit('requests.cancel', cancelled, { reason: '客户行程取消' });

  insertRow(db, 'notifications', {
    user_id: host,
    kind: 'request.filed',
    title_key: 'notifications.requestFiled',
    params: JSON.stringify({ code: 'JD20261127-001', org: '来访单位 1' }),
    created_at_ms: at,
  });
  insertRow(db, 'notifications', {
    user_id: gm,
    kind: 'approval.task',
    title_key: 'notifications.approvalTask',
    params: JSON.stringify({ code: 'JD20261127-004', org: '来访单位 4', tier: 'A' }),
    created_at_ms: at,
    read_at_ms: at + 5,
  });
  return {
    admin,
    head,
    deputy,
    host,
    gm,
    office,
    dept,
    filed,
    resubmitted,
    rejected,
    onBehalf,
    draft,
    cancelled,
    pendingStep,
  };
}

let company: Company;
let before: Record<string, Record<string, unknown>[]>;

beforeEach(async () => {
  dir = makeTempDir('rm-m30-');
  file = path.join(dir, 'reception.db');
  db = new BetterSqlite3(file);
  applyPragmas(db);
  migrate(db, [migration0010, migration0020]);
  company = await fillLikeTheApp();
  before = Object.fromEntries(tableNames(db).map((t) => [t, rowsInOrder(db, t)]));
});

afterEach(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0030 (approval subjects)', () => {
  it('the database written by schema 20 holds what the app wrote', () => {
    expect(schemaVersion(db)).toBe(20);
    expect(before.approval_steps).toHaveLength(14);
    expect(before.request_events?.filter((e) => e.step_id !== null)).toHaveLength(5);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('moves every step over as a request subject, same ids and values, and changes nothing else', () => {
    migrate(db, UP_TO_30);
    expect(schemaVersion(db)).toBe(30);
    expect(tableNames(db)).toEqual(Object.keys(before));

    const steps = rowsInOrder(db, 'approval_steps');
    expect(steps).toEqual(
      (before.approval_steps ?? []).map(({ request_id, ...s }) => {
        const { id, ...rest } = s;
        return { id, subject_type: 'request', subject_id: request_id, ...rest };
      }),
    );
    for (const table of Object.keys(before)) {
      if (table === 'approval_steps') continue;
      expect({ table, rows: rowsInOrder(db, table) }).toEqual({ table, rows: before[table] });
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps the timeline pointing at the steps, and new rows get fresh ids after the old ones', () => {
    migrate(db, UP_TO_30);
    const fks = db.pragma('foreign_key_list(request_events)') as { table: string; from: string }[];
    expect(fks).toContainEqual(
      expect.objectContaining({ table: 'approval_steps', from: 'step_id' }),
    );
    expect(fks).toContainEqual(expect.objectContaining({ table: 'requests', from: 'request_id' }));
    // No reference to a table that no longer exists.
    const sqlOf = (
      db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL').all() as {
        sql: string;
      }[]
    ).map((r) => r.sql);
    for (const text of sqlOf) expect(text).not.toMatch(/_new\b/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO request_events (request_id, at_ms, kind, step_id) VALUES (?, 1, 'x', 9999)",
        )
        .run(company.filed),
    ).toThrow(/FOREIGN KEY constraint/);
    const maxId = Math.max(...(before.approval_steps ?? []).map((s) => Number(s.id)));
    const id = insertRow(db, 'approval_steps', {
      subject_type: 'request',
      subject_id: company.draft,
      revision: 1,
      seq: 1,
      kind: 'dept_head',
      reason: 'base',
      status: 'waiting',
    });
    expect(id).toBe(maxId + 1);
  });

  it('indexes the hot queries: steps by subject, open steps by assignee and by pool kind', () => {
    migrate(db, UP_TO_30);
    const plan = (text: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    const indexes = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'approval_steps'",
        )
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['approval_steps_assignee', 'approval_steps_pool']),
    );
    expect(
      plan(
        'SELECT delegate_user_id FROM delegations WHERE user_id IN (?, ?) AND revoked_at_ms IS NULL AND from_date <= ? AND to_date >= ?',
        1,
        2,
        '2026-11-27',
        '2026-11-27',
      ),
    ).toMatch(/INDEX delegations_user/);
    expect(
      plan(
        "SELECT id FROM approval_steps WHERE subject_type = 'request' AND subject_id = ? ORDER BY revision, seq",
        1,
      ),
    ).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_approval_steps_1/);
    const inbox = plan(
      `SELECT id FROM approval_steps WHERE status = ?
         AND (assignee_user_id IN (?, ?) OR (assignee_user_id IS NULL AND kind IN (?, ?)))`,
      'pending',
      1,
      2,
      'executive',
      'admin_office',
    );
    // Only the open steps are read, whatever the history holds.
    expect(inbox).toMatch(
      /SEARCH approval_steps USING (COVERING )?INDEX approval_steps_\w+ \(status=\?/,
    );
    expect(inbox).not.toMatch(/SCAN approval_steps/);
  });

  it('keeps what the foreign key to requests guaranteed: no step of a missing request; deleting a request deletes its steps', () => {
    migrate(db, UP_TO_30);
    const step = {
      subject_type: 'request',
      revision: 9,
      seq: 1,
      kind: 'dept_head',
      reason: 'base',
      status: 'waiting',
    };
    expect(() => insertRow(db, 'approval_steps', { ...step, subject_id: 9999 })).toThrow(
      /FOREIGN KEY constraint/,
    );
    expect(() =>
      insertRow(db, 'approval_steps', { ...step, subject_type: 'advance', subject_id: 1 }),
    ).toThrow(/CHECK constraint/);
    const stepId = insertRow(db, 'approval_steps', { ...step, subject_id: company.draft });
    expect(() =>
      db.prepare('UPDATE approval_steps SET subject_id = 9999 WHERE id = ?').run(stepId),
    ).toThrow(/FOREIGN KEY constraint/);

    db.prepare('DELETE FROM requests WHERE id = ?').run(company.resubmitted);
    const left = (table: string, col: string) =>
      db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${col} = ?`).get(company.resubmitted);
    expect(left('request_events', 'request_id')).toEqual({ n: 0 });
    expect(left('request_revisions', 'request_id')).toEqual({ n: 0 });
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM approval_steps WHERE subject_type = 'request' AND subject_id = ?",
        )
        .get(company.resubmitted),
    ).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('the app runs on the migrated database: inboxes, rights, changes since the last round, decisions', async () => {
    db.close();
    const app = createApp(file, { clock: () => START_MS });
    try {
      expect(schemaVersion(app.sqlite)).toBe(LATEST_VERSION);
      const call = async (op: string, input: unknown, token: string | null) => {
        const out = await dispatch(app, { op, input, token });
        if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
        return { value: out.result.value as never, session: out.session };
      };
      const login = async (name: string) =>
        (await call('auth.login', { login: name, password: PASSWORD }, null)).session ?? null;
      const head = await login('head');
      const gm = await login('gm');
      const deputy = await login('deputy');

      const headInbox: { step: { id: number }; changes: unknown[]; request: { id: number } }[] = (
        await call('approvals.inbox', {}, head)
      ).value;
      expect(headInbox.map((i) => i.step.id)).toEqual([company.pendingStep]);
      // Round 2 compared with round 1, the one the head returned.
      expect(headInbox[0]?.changes).toContainEqual(
        expect.objectContaining({ path: 'purpose', before: '第 1 版', after: '第 2 版' }),
      );
      // The executives' pool step of the A visit.
      const gmInbox: { request: { id: number } }[] = (await call('approvals.inbox', {}, gm)).value;
      expect(gmInbox.map((i) => i.request.id)).toEqual([company.onBehalf]);
      // The deputy holds the head's delegation: the head's step, on his behalf.
      const deputyInbox: { step: { id: number }; onBehalfOfName: string }[] = (
        await call('approvals.inbox', {}, deputy)
      ).value;
      expect(deputyInbox.map((i) => [i.step.id, i.onBehalfOfName])).toEqual([
        [company.pendingStep, '李部长'],
      ]);

      const dossier: {
        steps: { id: number; decidedBy: number | null; onBehalfOf: number | null }[];
        myStep: { stepId: number; version: number } | null;
        events: { kind: string }[];
      } = (await call('requests.get', { id: company.onBehalf }, gm)).value;
      expect(dossier.steps.map((s) => s.id)).toEqual(
        (before.approval_steps ?? [])
          .filter((s) => s.request_id === company.onBehalf)
          .map((s) => s.id),
      );
      expect(dossier.steps[0]).toMatchObject({
        decidedBy: company.deputy,
        onBehalfOf: company.head,
      });
      const mine = dossier.myStep;
      if (!mine) throw new Error('the executive should have the step');
      const approved: { status: string } = (
        await call(
          'approvals.decide',
          { stepId: mine.stepId, version: mine.version, action: 'approve', comment: '同意' },
          gm,
        )
      ).value;
      expect(approved.status).toBe('approved');
      expect(app.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
