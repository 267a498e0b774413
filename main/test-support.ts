/**
 * Test helpers: a real SQLite database in a temporary file, a frozen clock the test moves by hand,
 * and short ways to call the dispatcher. Only tests import this file.
 *
 * Two things keep the suite fast without changing what a test sees:
 * - Passwords are hashed with a cheap keyed SHA-256 (`testPasswordHasher`) instead of Argon2id
 *   (~15 ms a hash or a check). Tests of the hashing itself call `useArgon2id()`.
 * - Template databases, made on first use in each worker (each file, where files are isolated):
 *   migrated and empty, with the first admin, and with the reception company. `makeTestApp()` copies the empty one; `signedInAdmin(t)` and
 *   `receptionCompany(t)` on an app nothing has touched yet (no call, no read, clock at START_MS)
 *   copy theirs, with the same rows, ids, times and working session tokens as the calls would
 *   make. On an app already in use they make the same through the dispatcher.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject, onTestFinished } from 'vitest';
import type { Role } from '../shared/auth/roles';
import type { OperationName } from '../shared/contract/names';
import type { OpInput, OpOutput } from '../shared/contract/operations';
import type { ApprovalStepView } from '../shared/approvals/views';
import type { ApiError } from '../shared/result';
import type { RequestBody } from '../shared/requests/schema';
import type { RequestDossier } from '../shared/requests/views';
import { dispatch, type CallOutcome } from './api/dispatcher';
import type { AppEvent } from './api/events';
import { createApp, type RunningApp } from './app';
import { postgresApp } from './app-postgres';
import { EventBus } from './api/events';
import { openDatabase } from './db/open';
import { postgresStore } from './db/postgres/open';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  forget,
  inlineParameters,
  runSql,
  queryRows,
  tableNames,
  TEST_STORE,
} from './test-postgres';
import { setPasswordHasher, type PasswordHasher } from './domains/auth/passwords';
import { decision, requestBody } from './test-fixtures';

export { decision, requestBody, requestBodyOn, visitor } from './test-fixtures';

/** 2026-11-27 09:00 in Asia/Shanghai: the frozen "now" every test starts from. */
export const START_MS = Date.UTC(2026, 10, 27, 1, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function makeTempDir(prefix = 'rm-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ------------------------------------------------------------------ a cheap password hasher

const TEST_HASH_PREFIX = '$test-sha256$';

function testDigest(salt: string, password: string): Buffer {
  return crypto
    .createHmac('sha256', 'reception-manager-tests')
    .update(`${salt}$${password}`)
    .digest();
}

/** Why a yield: like Argon2id (a thread-pool job) it lets concurrent calls interleave. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Salted and keyed, so equal passwords still get different hashes; nothing like production. */
export const testPasswordHasher: PasswordHasher = {
  async hash(password) {
    await yieldToEventLoop();
    const salt = crypto.randomBytes(12).toString('base64url');
    return `${TEST_HASH_PREFIX}${salt}$${testDigest(salt, password).toString('base64url')}`;
  },
  async verify(stored, password) {
    await yieldToEventLoop();
    if (!stored.startsWith(TEST_HASH_PREFIX)) return false;
    const [salt = '', digest = ''] = stored.slice(TEST_HASH_PREFIX.length).split('$');
    const expected = testDigest(salt, password);
    const actual = Buffer.from(digest, 'base64url');
    return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  },
};

let argon2idInUse = false;
setPasswordHasher(testPasswordHasher);

/** Real Argon2id until the end of the current test: for the tests of password hashing. */
export function useArgon2id(): void {
  setPasswordHasher(null);
  argon2idInUse = true;
  onTestFinished(() => {
    setPasswordHasher(testPasswordHasher);
    argon2idInUse = false;
  });
}

// ------------------------------------------------------------------ the test app

export interface TestApp {
  /**
   * The running app (a new object after `reopen()`). On PostgreSQL (`RM_TEST_STORE=postgres`)
   * its `sqlite` and `statements` are null: the tests that use them skip themselves there
   * (`sqliteOnly`, test-postgres.ts).
   */
  readonly app: RunningApp;
  readonly dir: string;
  readonly file: string;
  /**
   * On PostgreSQL, the URL of this app's database once it is open (a second process opens it
   * with createPostgresApp); null on SQLite, where `file` is the database.
   */
  readonly postgresUrl: string | null;
  now(): number;
  /** Moves the frozen clock forward and returns the new time. */
  advance(ms: number): number;
  /**
   * Raw dispatcher call: any op, any input; `client` as a transport names its caller (absent:
   * none named, as in-process callers).
   */
  call(op: unknown, input?: unknown, token?: string | null, client?: string): Promise<CallOutcome>;
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
  /**
   * A plain SQL write (setting up a state no call makes; `?` parameters), on either store. Its
   * SQL must read the same on both: no SQLite-only functions.
   */
  exec(sql: string, ...params: unknown[]): void;
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

/** What the template helpers need of a test app, and the tests do not. */
interface Lifecycle {
  /** Nothing has opened the database yet and the clock still says START_MS. */
  untouched(): boolean;
  /** Makes the (still closed) database a copy of this template (a file, or a PostgreSQL dump). */
  copyFrom(template: string): void;
  /** Checkpoints and closes the database, keeping it; returns what `copyFrom` takes to copy it. */
  close(): Promise<string>;
}
const lifecycles = new WeakMap<TestApp, Lifecycle>();

export function makeTestApp(options: TestAppOptions = {}): TestApp {
  const dir = makeTempDir();
  const t =
    TEST_STORE === 'postgres'
      ? postgresTestAppAt(dir)
      : testAppAt(dir, path.join(dir, 'reception.db'));
  if (options.autoCleanup ?? true) onTestFinished(() => t.cleanup());
  return t;
}

/** The dispatcher calls of a test app, on whatever `open` gives (either store). */
function callsOn(open: () => RunningApp): Pick<TestApp, 'call' | 'ok' | 'fail'> {
  const call = (op: unknown, input: unknown = {}, token: string | null = null, client?: string) =>
    dispatch(open(), { op, input, token, ...(client === undefined ? {} : { client }) });
  return {
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
  };
}

/**
 * What a test app needs of its store (SQLite file or PostgreSQL database): everything else — the
 * clock, the calls, the lifecycle — is the same for both (`testAppOn`).
 */
interface TestBacking {
  readonly file: string;
  /** The PostgreSQL database's URL once made; null on SQLite. */
  postgresUrl(): string | null;
  /** A database exists for this app (made from a template, or copied). */
  made(): boolean;
  /** Makes the database from the empty template when there is none yet. */
  ensure(): void;
  open(clock: () => number): RunningApp;
  rows<T>(app: RunningApp, sql: string, params: unknown[]): T[];
  exec(app: RunningApp, sql: string, params: unknown[]): void;
  tables(app: RunningApp): string[];
  copyFrom(template: string): void;
  /** Before the app closes to become a template (SQLite: its log into the file). */
  beforeKeep(app: RunningApp | null): void;
  /** The app is closed: what `copyFrom` takes to copy this database; the database is let go. */
  keep(): string;
  /** The app is closed for good: the database is let go. */
  release(): void;
}

/** A test app on `backing`; the database is made (from the empty template) on first use. */
function testAppOn(dir: string, backing: TestBacking): TestApp {
  let now = START_MS;
  const clock = () => now;
  let running: RunningApp | null = null;
  let closed = false;

  const open = (): RunningApp => {
    if (closed) throw new Error('this test app is closed');
    if (!running) {
      backing.ensure();
      running = backing.open(clock);
    }
    return running;
  };
  const { call, ok, fail } = callsOn(open);
  const rows = <T>(sql: string, params: unknown[]) => backing.rows<T>(open(), sql, params);

  const t: TestApp = {
    get app() {
      return open();
    },
    dir,
    file: backing.file,
    get postgresUrl() {
      open();
      return backing.postgresUrl();
    },
    now: () => now,
    advance(ms) {
      now += ms;
      return now;
    },
    call,
    ok,
    fail,
    rows: <T>(sql: string, ...params: unknown[]) => rows<T>(sql, params),
    count(table, where, ...params) {
      const sql = `SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`;
      return rows<{ n: number }>(sql, params)[0]?.n ?? 0;
    },
    exec(sql: string, ...params: unknown[]) {
      backing.exec(open(), sql, params);
    },
    snapshot(tables) {
      const app = open();
      const out: Record<string, string[]> = {};
      for (const name of tables ?? backing.tables(app)) {
        out[name] = backing
          .rows(app, `SELECT * FROM ${name}`, [])
          .map((row) => JSON.stringify(row))
          .sort();
      }
      return out;
    },
    async reopen() {
      await running?.close();
      running = null;
      open();
    },
    async cleanup() {
      if (closed) return;
      closed = true;
      await running?.close();
      backing.release();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  lifecycles.set(t, {
    untouched: () => !backing.made() && running === null && !closed && now === START_MS,
    copyFrom: (template) => backing.copyFrom(template),
    async close() {
      backing.beforeKeep(running);
      await running?.close();
      running = null;
      closed = true;
      return backing.keep();
    },
  });
  return t;
}

/** A SQLite test app: the database is `file`, a copy of a template file. */
function testAppAt(dir: string, file: string): TestApp {
  return testAppOn(dir, {
    file,
    postgresUrl: () => null,
    made: () => fs.existsSync(file),
    ensure() {
      if (!fs.existsSync(file)) copyDatabase(templates().empty, file);
    },
    open: (clock) => createApp(file, { clock }),
    rows: <T>(app: RunningApp, sql: string, params: unknown[]) =>
      app.sqlite.prepare(sql).all(...params) as T[],
    exec(app, sql, params) {
      app.sqlite.prepare(sql).run(...params);
    },
    tables: (app) =>
      (
        app.sqlite
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((r) => r.name),
    copyFrom: (template) => copyDatabase(template, file),
    beforeKeep(app) {
      app?.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    keep: () => file,
    release: () => undefined,
  });
}

let databases = 0;
/** A database name no other worker or run uses (the run's prefix: main/test-global-setup.ts). */
function newDatabaseName(): string {
  databases += 1;
  return `${inject('postgresPrefix')}_${crypto.randomBytes(3).toString('hex')}_${databases}`;
}

/**
 * The worker's PostgreSQL databases not in use. Copying a template database takes ~0.5–0.8 s
 * here (CREATE DATABASE writes every page of it), so a worker makes one per test app alive at
 * once and, for each new test app, empties it and fills it from the template's dump
 * (rm_test_reset, test-postgres.ts) — a fresh copy in a few milliseconds. The run drops them all.
 */
const freeDatabases: string[] = [];

/**
 * The shape of a database's schema: its tables, functions and triggers, counted. A test that
 * changes the schema (a failing trigger, say) and does not undo it — it failed first — must not
 * pass the change on: such a database is dropped instead of reused.
 */
const SCHEMA_SHAPE = `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
  || ',' || (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
  || ',' || (SELECT count(*) FROM pg_trigger)`;
let templateShape: string | null = null;

/** Back to the worker's databases when its schema is the template's; dropped otherwise. */
function releaseDatabase(name: string): void {
  const url = databaseUrl(name);
  const shape = runSql(url, SCHEMA_SHAPE).trim();
  if (templateShape === null) {
    const template = databaseUrl(`${inject('postgresPrefix')}_empty`);
    templateShape = runSql(template, SCHEMA_SHAPE).trim();
    forget(template); // a template is copied only while no session is on it
  }
  if (shape === templateShape) {
    freeDatabases.push(name);
    return;
  }
  forget(url);
  dropDatabase(name);
}

function acquireDatabase(template: string): string {
  let name = freeDatabases.pop();
  if (name === undefined) {
    name = newDatabaseName();
    createDatabase(name, `${inject('postgresPrefix')}_empty`);
  }
  runSql(databaseUrl(name), `SELECT rm_test_reset($rm_dump$${template}$rm_dump$::json)`);
  return name;
}

/**
 * The PostgreSQL twin of `testAppAt`: a database of the worker's, reset to the empty template on
 * first use (test-postgres.ts reads and writes for the tests on a connection of its own).
 */
function postgresTestAppAt(dir: string): TestApp {
  let name: string | null = null;
  let url = '';
  const copy = (template: string) => {
    name = acquireDatabase(template);
    url = databaseUrl(name);
  };
  return testAppOn(dir, {
    file: path.join(dir, 'reception.db'),
    postgresUrl: () => url,
    made: () => name !== null,
    ensure() {
      if (name === null) copy(templates().empty);
    },
    open: (clock) =>
      // The tests' type: the tests that read `sqlite` skip themselves here (see TestApp.app).
      postgresApp(
        postgresStore(url, { max: 4 }),
        { filesDir: path.join(dir, 'reception.files'), clock },
        new EventBus(),
      ) as unknown as RunningApp,
    rows: <T>(_app: RunningApp, sql: string, params: unknown[]) => queryRows<T>(url, sql, params),
    exec(_app, sql, params) {
      runSql(url, inlineParameters(sql, params));
    },
    tables: () => tableNames(url),
    copyFrom: copy,
    beforeKeep: () => undefined,
    keep() {
      if (name === null) return templates().empty;
      const dump = runSql(url, 'SELECT rm_test_dump()').trim();
      releaseDatabase(name);
      name = null;
      return dump;
    },
    release() {
      if (name !== null) releaseDatabase(name);
      name = null;
    },
  });
}

// ------------------------------------------------------------------ template databases

/** A closed database file, with its write-ahead log if one was left behind. */
function copyDatabase(from: string, to: string): void {
  fs.copyFileSync(from, to);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${to}-wal`);
}

interface Templates {
  dir: string;
  /** Migrated, no rows but what the migrations insert. */
  empty: string;
  seeded: Map<string, Promise<{ file: string; value: unknown }>>;
}
let made: Templates | undefined;

function templates(): Templates {
  if (!made) {
    // Under the run's folder (main/test-global-setup.ts) when there is one: this module is
    // evaluated once per test file, or once per worker where isolation is off.
    const root = inject('templateRoot');
    const dir = root ? fs.mkdtempSync(path.join(root, 'templates-')) : makeTempDir('rm-templates-');
    if (TEST_STORE === 'postgres') {
      // The empty template's rows, dumped once per run by main/test-global-setup.ts.
      made = { dir, empty: inject('postgresEmpty'), seeded: new Map() };
      return made;
    }
    const empty = path.join(dir, 'empty.db');
    const { sqlite, lock } = openDatabase(empty);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    lock?.release();
    made = { dir, empty, seeded: new Map() };
  }
  return made;
}

// Without the run's folder, this file's templates go with it.
if (!inject('templateRoot')) {
  afterAll(() => {
    if (made) fs.rmSync(made.dir, { recursive: true, force: true });
    made = undefined;
  });
}

/**
 * Gives an untouched test app the template `name` (made on first use by running `seed` on a
 * fresh app) and returns what `seed` returned; null when the app is in use, or when Argon2id is
 * on (the template's password hashes are the cheap ones).
 */
async function fromTemplate<T>(
  t: TestApp,
  name: string,
  seed: (t: TestApp) => Promise<T>,
): Promise<T | null> {
  const lifecycle = lifecycles.get(t);
  if (!lifecycle?.untouched() || argon2idInUse) return null;
  const all = templates();
  let template = all.seeded.get(name);
  if (!template) {
    template = (async () => {
      const maker =
        TEST_STORE === 'postgres'
          ? postgresTestAppAt(all.dir)
          : testAppAt(all.dir, path.join(all.dir, `${name}.db`));
      const value = await seed(maker);
      const file = (await lifecycles.get(maker)?.close()) ?? '';
      return { file, value };
    })();
    all.seeded.set(name, template);
    template.catch(() => all.seeded.delete(name));
  }
  const { file, value } = await template;
  if (!lifecycle.untouched()) return null;
  lifecycle.copyFrom(file);
  return structuredClone(value) as T;
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

/**
 * First-run setup (setup.createAdmin) with ADMIN; returns the new sysadmin's session token. On an
 * untouched app it copies the template made by that same call.
 */
export async function signedInAdmin(t: TestApp): Promise<SignedIn> {
  return (await fromTemplate(t, 'admin', createAdmin)) ?? createAdmin(t);
}

async function createAdmin(t: TestApp): Promise<SignedIn> {
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

export interface Reception {
  admin: SignedIn;
  departmentId: number;
  host: SignedIn;
  head: SignedIn;
  executive: SignedIn;
  office: SignedIn;
}

/**
 * A company with a sales department (head 李部长), a host, an executive and the admin office,
 * everyone signed in. On an untouched app it copies the template made by these same calls.
 */
export async function receptionCompany(t: TestApp): Promise<Reception> {
  return (await fromTemplate(t, 'company', createCompany)) ?? createCompany(t);
}

async function createCompany(t: TestApp): Promise<Reception> {
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

/** A new test app with the first admin signed in (see `signedInAdmin`). */
export async function adminApp(): Promise<{ t: TestApp; admin: SignedIn }> {
  const t = makeTestApp();
  return { t, admin: await signedInAdmin(t) };
}

/** A new test app with the reception company (see `receptionCompany`). */
export async function companyApp(): Promise<{ t: TestApp; r: Reception }> {
  const t = makeTestApp();
  return { t, r: await receptionCompany(t) };
}

/** The input of requests.saveDraft or requests.submit for a new request with `requestBody`. */
export function newRequest(overrides: Partial<RequestBody> = {}) {
  return { id: null, version: null, body: requestBody(overrides) };
}

/** Saves a new draft as the host and returns its dossier. */
export async function drafted(t: TestApp, r: Reception, overrides: Partial<RequestBody> = {}) {
  return t.ok('requests.saveDraft', newRequest(overrides), r.host.token);
}

/** Submits a new request as the host and returns its dossier. */
export async function submitted(t: TestApp, r: Reception, overrides: Partial<RequestBody> = {}) {
  return t.ok('requests.submit', newRequest(overrides), r.host.token);
}

// ------------------------------------------------------------ reception requests (approvals)

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
  return t.ok('approvals.decide', decision(d.myStep, action, comment), token);
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

/** A request's values for the lists' sorts, read straight from the table. */
export interface SortValues {
  id: number;
  /** arrival_date */
  a: string;
  /** updated_at_ms */
  u: number;
  /** budget_total_fen */
  b: number;
}

/**
 * The ids of `rows` in each order of the request lists (the sort's column, then the id, both in
 * the sort's direction): what a list must show, worked out apart from list.ts.
 */
export function listOrders(rows: readonly SortValues[]) {
  const by = (key: (x: SortValues) => string | number, desc: boolean) =>
    [...rows]
      .sort((x, y) => {
        const k = key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id - y.id;
        return desc ? -k : k;
      })
      .map((x) => x.id);
  return {
    updated_desc: by((x) => x.u, true),
    arrival_desc: by((x) => x.a, true),
    arrival_asc: by((x) => x.a, false),
    budget_desc: by((x) => x.b, true),
  };
}
