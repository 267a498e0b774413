/**
 * Test helpers: a real SQLite database in a temporary file, a frozen clock the test moves by hand,
 * and short ways to call the dispatcher. Only tests import this file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Role } from '../shared/auth/roles';
import type { OperationName } from '../shared/contract/names';
import type { OpInput, OpOutput } from '../shared/contract/operations';
import type { ApiError } from '../shared/result';
import { emptyRequestBody, type RequestBody } from '../shared/requests/schema';
import { dispatch, type CallOutcome } from './api/dispatcher';
import { createApp, type RunningApp } from './app';

/** 2026-11-27 09:00 in Asia/Shanghai: the frozen "now" every test starts from. */
export const START_MS = Date.UTC(2026, 10, 27, 1, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function makeTempDir(prefix = 'rm-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  /** The running app (a new object after `reopen()`). */
  readonly app: RunningApp;
  readonly dir: string;
  readonly file: string;
  now(): number;
  /** Moves the frozen clock forward and returns the new time. */
  advance(ms: number): number;
  /** Raw dispatcher call: any op, any input. */
  call(op: unknown, input?: unknown, token?: string | null): Promise<CallOutcome>;
  /** A call that must succeed; returns its value or throws with the error. */
  ok<N extends OperationName>(
    op: N,
    input: OpInput<N>,
    token?: string | null,
  ): Promise<OpOutput<N>>;
  /** A call that must fail; returns its error or throws with the value. */
  fail(op: unknown, input: unknown, token?: string | null): Promise<ApiError>;
  /** Plain SQL on the same connection (reads for assertions). */
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  count(table: string, where?: string, ...params: unknown[]): number;
  /** Every row of every table (or of `tables`), sorted, to prove that nothing changed. */
  snapshot(tables?: string[]): Record<string, string[]>;
  /** Closes the database and opens the same file again with a new app. */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface TestAppOptions {
  /** Close and delete at the end of the current test (default true; must be inside a test). */
  autoCleanup?: boolean;
}

export function makeTestApp(options: TestAppOptions = {}): TestApp {
  const dir = makeTempDir();
  const file = path.join(dir, 'reception.db');
  let now = START_MS;
  const clock = () => now;
  let app: RunningApp = createApp(file, { clock });
  let closed = false;

  const call = (op: unknown, input: unknown = {}, token: string | null = null) =>
    dispatch(app, { op, input, token });

  const t: TestApp = {
    get app() {
      return app;
    },
    dir,
    file,
    now: () => now,
    advance(ms) {
      now += ms;
      return now;
    },
    call,
    async ok(op, input, token = null) {
      const outcome = await call(op, input, token);
      if (!outcome.result.ok) {
        throw new Error(`${op} failed: ${JSON.stringify(outcome.result.error)}`);
      }
      return outcome.result.value as OpOutput<typeof op>;
    },
    async fail(op, input, token = null) {
      const outcome = await call(op, input, token);
      if (outcome.result.ok) {
        throw new Error(`${String(op)} succeeded: ${JSON.stringify(outcome.result.value)}`);
      }
      return outcome.result.error;
    },
    rows<T>(sql: string, ...params: unknown[]) {
      return app.sqlite.prepare(sql).all(...params) as T[];
    },
    count(table, where, ...params) {
      const sql = `SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`;
      return (app.sqlite.prepare(sql).get(...params) as { n: number }).n;
    },
    snapshot(tables) {
      const names =
        tables ??
        (
          app.sqlite
            .prepare(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .all() as { name: string }[]
        ).map((r) => r.name);
      const out: Record<string, string[]> = {};
      for (const name of names) {
        out[name] = app.sqlite
          .prepare(`SELECT * FROM ${name}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort();
      }
      return out;
    },
    async reopen() {
      await app.close();
      app = createApp(file, { clock });
    },
    async cleanup() {
      if (closed) return;
      closed = true;
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.autoCleanup ?? true) onTestFinished(() => t.cleanup());
  return t;
}

export const ADMIN = {
  companyName: '示例科技有限公司',
  login: 'admin',
  displayName: '王管理',
  password: 'correct horse 1',
} as const;

export interface SignedIn {
  token: string;
  userId: number;
}

/** First-run setup through the dispatcher; returns the new sysadmin's session token. */
export async function signedInAdmin(t: TestApp): Promise<SignedIn> {
  const outcome = await t.call('setup.createAdmin', { ...ADMIN });
  if (!outcome.result.ok || typeof outcome.session !== 'string') {
    throw new Error(`setup failed: ${JSON.stringify(outcome.result)}`);
  }
  const info = outcome.result.value as OpOutput<'setup.createAdmin'>;
  return { token: outcome.session, userId: info.user.id };
}

export interface NewTestUser {
  login: string;
  roles: Role[];
  password?: string;
  displayName?: string;
  departmentId?: number | null;
}

export const USER_PASSWORD = 'user-pass-123';

/** Creates a user through users.create (as the given admin) and returns its id. */
export async function createUser(t: TestApp, adminToken: string, user: NewTestUser) {
  const view = await t.ok(
    'users.create',
    {
      login: user.login,
      displayName: user.displayName ?? user.login,
      departmentId: user.departmentId ?? null,
      roles: user.roles,
      password: user.password ?? USER_PASSWORD,
    },
    adminToken,
  );
  return view.id;
}

/** Signs in through auth.login and returns the session token. */
export async function signIn(t: TestApp, login: string, password = USER_PASSWORD) {
  const outcome = await t.call('auth.login', { login, password });
  if (!outcome.result.ok || typeof outcome.session !== 'string') {
    throw new Error(`login ${login} failed: ${JSON.stringify(outcome.result)}`);
  }
  return outcome.session;
}

/** Creates a user and signs them in. */
export async function signedInUser(t: TestApp, adminToken: string, user: NewTestUser) {
  const userId = await createUser(t, adminToken, user);
  const token = await signIn(t, user.login, user.password ?? USER_PASSWORD);
  return { userId, token };
}

/** The bytes of the database file and its WAL, to look for secrets stored in the clear. */
export function databaseBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

/** A C-tier client visit on 2026-12-01 (four days after START_MS): passes every check. */
export function requestBody(overrides: Partial<RequestBody> = {}): RequestBody {
  const body = emptyRequestBody();
  return {
    ...body,
    orgName: '华东精密仪器有限公司',
    orgCategory: 'client',
    tier: 'C',
    purpose: '洽谈年度采购合同，参观生产线',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-01',
    departureTime: '17:00',
    visitors: [
      {
        name: '陈立',
        title: '采购总监',
        phone: '13800138000',
        idType: null,
        idNumber: '',
        notes: '',
      },
      { name: 'Anna Müller', title: 'Engineer', phone: '', idType: null, idNumber: '', notes: '' },
    ],
    companions: [{ userId: null, name: '销售经理' }],
    needs: {
      ...body.needs,
      meetingRoom: true,
      meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }],
    },
    ...overrides,
  };
}

export interface Reception {
  admin: SignedIn;
  departmentId: number;
  host: SignedIn;
  head: SignedIn;
  executive: SignedIn;
  office: SignedIn;
}

/** A company with a sales department (head 李部长), a host, an executive and the admin office. */
export async function receptionCompany(t: TestApp): Promise<Reception> {
  const admin = await signedInAdmin(t);
  const head = await signedInUser(t, admin.token, {
    login: 'head',
    displayName: '李部长',
    roles: ['dept_head'],
  });
  const dept = await t.ok(
    'departments.create',
    { name: '销售部', headUserId: head.userId },
    admin.token,
  );
  await t.ok(
    'users.update',
    {
      id: head.userId,
      displayName: '李部长',
      departmentId: dept.id,
      roles: ['dept_head'],
      disabled: false,
    },
    admin.token,
  );
  const host = await signedInUser(t, admin.token, {
    login: 'host',
    displayName: '王接待',
    roles: ['host'],
    departmentId: dept.id,
  });
  const executive = await signedInUser(t, admin.token, {
    login: 'gm',
    displayName: '张总',
    roles: ['executive'],
  });
  const office = await signedInUser(t, admin.token, {
    login: 'office',
    displayName: '刘行政',
    roles: ['admin_office'],
  });
  return { admin, departmentId: dept.id, host, head, executive, office };
}

/** Submits a request as the host and returns its dossier. */
export async function submitted(t: TestApp, r: Reception, overrides: Partial<RequestBody> = {}) {
  return t.ok(
    'requests.submit',
    { id: null, version: null, body: requestBody(overrides) },
    r.host.token,
  );
}

// ------------------------------------------------------------ reception requests (approvals)

import type { AppEvent } from './api/events';
import type { RequestDossier } from '../shared/requests/views';
import type { ApprovalStepView } from '../shared/approvals/views';

/** The pending step of the dossier's current revision; throws when there is none. */
export function pendingStep(d: RequestDossier): ApprovalStepView {
  const step = d.steps.find((s) => s.revision === d.revision && s.status === 'pending');
  if (!step) throw new Error(`request ${d.id} has no pending step (status ${d.status})`);
  return step;
}

/** Decides the step this user may decide now on the request (read through requests.get). */
export async function decideAs(
  t: TestApp,
  token: string,
  requestId: number,
  action: 'approve' | 'reject' | 'return' = 'approve',
  comment = '',
) {
  const d = await t.ok('requests.get', { id: requestId }, token);
  if (!d.myStep) throw new Error(`no step to decide on request ${requestId} for this user`);
  return t.ok(
    'approvals.decide',
    { stepId: d.myStep.stepId, version: d.myStep.version, action, comment },
    token,
  );
}

/** Every event the app publishes from now on, until the end of the test. */
export function captureEvents(t: TestApp): AppEvent[] {
  const events: AppEvent[] = [];
  const stop = t.app.events.subscribe((e) => events.push(e));
  onTestFinished(() => {
    stop();
  });
  return events;
}

/** Notification kinds stored for a user, oldest first. */
export function notificationKinds(t: TestApp, userId: number): string[] {
  return t
    .rows<{ kind: string }>('SELECT kind FROM notifications WHERE user_id = ? ORDER BY id', userId)
    .map((r) => r.kind);
}
