/**
 * D3: every operation of the contract fuzzed through the real dispatcher against a real SQLite
 * file of a seeded company (fuzz/company.ts). Each operation starts from a fresh copy of the
 * seeded file and gets `runs` payloads (fuzz/payloads.ts), each sent as a user whose roles may
 * call it (so that it reaches validation and the handler) or, for a share, with no session or a
 * forged token. Two things are counted:
 *
 * - unhandled: the dispatcher threw, or answered INTERNAL or BUSY (HTTP 500/503), or answered
 *   something that is neither `{ ok: true, value }` nor a typed error, or the process logged an
 *   error, or a payload polluted Object.prototype;
 * - changed by rejected calls: a call answered with an error committed a change (fuzz/watch.ts),
 *   unless it is one of the failures whose writes stand by design (BY_DESIGN below), and then
 *   only in the tables named there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type * as z from 'zod';
import { dispatch, type CallOutcome } from '../../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../../main/app';
import { ROLES, ROLE_PERMISSIONS, type Role } from '../../../shared/auth/roles';
import { OPERATION_NAMES, type OperationName } from '../../../shared/contract/names';
import { OPERATIONS } from '../../../shared/contract/operations';
import type { OperationSpec } from '../../../shared/contract/spec';
import { ERROR_CODES } from '../../../shared/result';
import { FUZZ_CLOCK_MS, FUZZ_PASSWORD, type FuzzCompany, type FuzzUser } from './company';
import { payloadArb } from './payloads';
import { diffChecksums, watchDatabase, type Watch } from './watch';

/**
 * Answers with an error whose writes stand by design (the handler returns a `Failure`, see
 * main/core/errors.ts), and the only tables they may change:
 * - a failed sign-in, unlock or password change counts towards the lockout (users' failure
 *   counters, login_failures, unknown_login_failures) and is audited (audit_log, its chain's
 *   head, its search);
 *   a wrong password on unlock or password change may end the session (sessions);
 * - a submission into a chain with a step nobody could act on keeps what the host typed as a
 *   draft (requests and what a saved draft writes beside it), audited.
 * Nothing else may change on an error.
 */
const AUDIT = [
  'audit_log',
  // The hash chain's head moves with every entry (migration 0200).
  'audit_head',
  'audit_search_data',
  'audit_search_idx',
  'audit_search_docsize',
];
const LOCKOUT = [
  'users',
  'login_failures',
  'unknown_login_failures',
  'sessions',
  // An account locked by failures notifies the sysadmins.
  'notifications',
  // A keyed call's Failure is stored with its writes, so that a retry gets the same answer.
  'idempotency_keys',
  ...AUDIT,
];
export const BY_DESIGN: {
  op: OperationName;
  codes: string[];
  keyPrefix?: string;
  tables: string[];
}[] = [
  {
    op: 'auth.login',
    codes: ['BAD_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED'],
    tables: LOCKOUT,
  },
  { op: 'auth.unlock', codes: ['BAD_CREDENTIALS', 'ACCOUNT_LOCKED'], tables: LOCKOUT },
  { op: 'auth.changePassword', codes: ['INVALID_INPUT', 'ACCOUNT_LOCKED'], tables: LOCKOUT },
  {
    op: 'requests.submit',
    codes: ['CONFLICT'],
    keyPrefix: 'errors.noApproverDraftSaved.',
    tables: [
      'requests',
      'request_revisions',
      'request_events',
      'request_counts',
      'request_stats',
      'request_search_data',
      'request_search_idx',
      'request_search_docsize',
      'idempotency_keys',
      ...AUDIT,
    ],
  },
];

export interface Finding {
  op: string;
  what: string;
  caller: string;
  input: string;
  answer: string;
}

export interface OpStats {
  op: string;
  calls: number;
  accepted: number;
  rejected: number;
  /** Rejected calls whose committed writes are in BY_DESIGN. */
  byDesign: number;
  unhandled: number;
  changed: number;
  /** Times the seeded copy was restored because a call disabled or changed a fuzz user. */
  restores: number;
  /** Checksums of all tables taken. */
  checksums: number;
  /** Time taken, generation included. */
  ms: number;
  /** Answers by error code ('ok' for values): how far the payloads got. */
  answers: Record<string, number>;
  findings: Finding[];
}

export interface FuzzRun {
  ops: OpStats[];
  ms: number;
}

const GOOD_CODES = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL' && c !== 'BUSY'));

/** mulberry32: a small seeded generator for the fuzzer's own choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Who may call `op`: the seeded users whose role grants its access. */
export function permittedUsers(op: OperationName, users: readonly FuzzUser[]): FuzzUser[] {
  const access = (OPERATIONS[op] as OperationSpec<z.ZodType, unknown>).access;
  if (access === 'public' || access === 'session' || access === 'lockedSession') return [...users];
  return users.filter((u) => (ROLE_PERMISSIONS[u.role] as readonly string[]).includes(access));
}

function show(v: unknown, max = 300): string {
  let s: string;
  try {
    s =
      JSON.stringify(v, (_k, x: unknown) =>
        typeof x === 'bigint'
          ? `${x}n`
          : typeof x === 'number' && !Number.isFinite(x)
            ? String(x)
            : x === undefined
              ? '(undefined)'
              : x,
      ) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/** A well-formed answer: a value, or a typed error that is not a 500-class one. */
export function answerProblem(outcome: unknown): string | null {
  if (typeof outcome !== 'object' || outcome === null) return 'no outcome';
  const result = (outcome as CallOutcome).result as unknown;
  if (typeof result !== 'object' || result === null) return 'no result';
  const r = result as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r ? null : 'ok without value';
  if (r.ok !== false) return 'result is neither ok nor an error';
  const e = r.error as { code?: unknown; key?: unknown; message?: unknown } | undefined;
  if (!e || typeof e.code !== 'string') return 'error without code';
  if (!GOOD_CODES.has(e.code)) return `error ${e.code}`;
  if (typeof e.key !== 'string' || typeof e.message !== 'string') return 'error without message';
  return null;
}

/** RAM where there is some (the copies are scratch: what is fuzzed is not durability). */
export function scratchRoot(): string {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

function copyDb(from: string, to: string) {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${to}${suffix}`, { force: true });
  fs.copyFileSync(from, to);
}

/**
 * Are the fuzz users still able to call? A user signed out or locked by the call fuzzed (auth.lock,
 * auth.logout) signs in again; a user disabled, given other roles or a reset password needs the
 * seeded file back: false.
 */
async function healUsers(app: RunningApp, users: FuzzUser[]): Promise<boolean> {
  for (const u of users) {
    const out = await dispatch(app, { op: 'auth.session', input: {}, token: u.token });
    const s = out.result.ok
      ? (out.result.value as {
          locked: boolean;
          user: { disabled: boolean; mustChangePassword: boolean; roles: Role[] };
        } | null)
      : null;
    if (s && (s.user.disabled || s.user.mustChangePassword)) return false;
    if (s && (s.user.roles.length !== 1 || s.user.roles[0] !== u.role)) return false;
    if (s && !s.locked) continue;
    const login = await dispatch(app, {
      op: 'auth.login',
      input: { login: u.login, password: FUZZ_PASSWORD },
      token: null,
      client: 'fuzz-harness',
    });
    if (!login.result.ok || typeof login.session !== 'string') return false;
    u.token = login.session;
  }
  return true;
}

const IDENTITY_TABLES = new Set(['users', 'user_roles', 'sessions']);

export interface FuzzOpsOptions {
  /** The seeded company's closed database file; each operation fuzzes a copy of it. */
  seedFile: string;
  company: FuzzCompany;
  ops: readonly OperationName[];
  runs: number;
  seed: number;
  /** A checksum of all tables at least this often (calls), even when the log saw nothing. */
  checkEvery?: number;
  log: (line: string) => void;
}

/** Fuzzes `ops` one after another in this process. */
export async function fuzzOps(o: FuzzOpsOptions): Promise<OpStats[]> {
  const checkEvery = o.checkEvery ?? 250;
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'rm-fuzz-op-'));
  const file = path.join(dir, 'fuzz.db');
  const out: OpStats[] = [];
  const logged: string[] = [];
  const realError = console.error;
  const realWarn = console.warn;
  const protoNames = Object.getOwnPropertyNames(Object.prototype).length;
  const uncaught: string[] = [];
  const onUncaught = (e: unknown) => uncaught.push(show(e instanceof Error ? e.stack : e));
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  console.error = (...args: unknown[]) => {
    logged.push(
      args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '),
    );
  };
  console.warn = (...args: unknown[]) => {
    logged.push(`warn: ${args.map(String).join(' ')}`);
  };
  try {
    for (const [index, op] of o.ops.entries()) {
      out.push(await fuzzOne(o, op, index, file, checkEvery, logged, uncaught, protoNames));
    }
  } finally {
    console.error = realError;
    console.warn = realWarn;
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function fuzzOne(
  o: FuzzOpsOptions,
  op: OperationName,
  index: number,
  file: string,
  checkEvery: number,
  logged: string[],
  uncaught: string[],
  protoNames: number,
): Promise<OpStats> {
  const spec = OPERATIONS[op] as OperationSpec<z.ZodType, unknown>;
  const stats: OpStats = {
    op,
    calls: 0,
    accepted: 0,
    rejected: 0,
    byDesign: 0,
    unhandled: 0,
    changed: 0,
    restores: 0,
    checksums: 0,
    answers: {},
    findings: [],
    ms: 0,
  };
  const started = Date.now();
  const finding = (what: string, caller: string, input: unknown, answer: unknown) => {
    if (stats.findings.length < 5) {
      stats.findings.push({ op, what, caller, input: show(input), answer: show(answer) });
    }
  };
  const seed = o.seed * 1000 + index;
  const payloads = fc.sample(payloadArb(spec.input), { numRuns: o.runs, seed });
  // Who calls and with which key: uniform (fast-check biases its integers towards small ones).
  const random = rng(seed + 7);
  const choices = payloads.map(() => {
    const forged = random() < 0.5 ? 'forged-token' : `${Math.floor(random() * 1e9)}`;
    return [
      Math.floor(random() * 100),
      Math.floor(random() * 1e6),
      Math.floor(random() * 100),
      forged,
    ] as const;
  });
  // This operation's own copy: a user signed in again gets a new token.
  let users = o.company.users.map((u) => ({ ...u }));
  let permitted = permittedUsers(op, users);
  const publicOp = spec.access === 'public';

  let app!: RunningApp;
  let watch!: Watch;
  let baseline: Record<string, string> = {};
  const checksum = () => {
    stats.checksums++;
    return watch.checksum();
  };
  // Exports started by accepted calls write their file after the call: the database is not
  // closed until each has said it is done or failed.
  const running = new Set<string>();
  const finished = new Set<string>();
  let allDone: (() => void) | null = null;
  const close = async () => {
    if (running.size > 0) await new Promise<void>((resolve) => (allDone = resolve));
    allDone = null;
    await app.close();
  };
  const open = () => {
    users = o.company.users.map((u) => ({ ...u }));
    permitted = permittedUsers(op, users);
    copyDb(o.seedFile, file);
    app = createApp(file, { clock: () => FUZZ_CLOCK_MS });
    watch = watchDatabase(app.sqlite);
    baseline = checksum();
    app.events.subscribe((e) => {
      const p = e.payload as { jobId?: string; status?: string };
      if (e.name === 'exports.progress' && p.jobId && p.status !== 'running') {
        finished.add(p.jobId);
        running.delete(p.jobId);
        if (running.size === 0) allDone?.();
      }
    });
  };
  open();
  let quiet = 0;
  let windowRejected = 0;
  try {
    for (let i = 0; i < payloads.length; i++) {
      const { input } = payloads[i]!;
      const [who, pick, keyed, keyText] = choices[i]!;
      let token: string | null;
      let caller: string;
      if (who < (publicOp ? 50 : 10)) {
        token = null;
        caller = 'anonymous';
      } else if (who < (publicOp ? 55 : 13)) {
        token = keyText;
        caller = 'forged token';
      } else if (permitted.length === 0) {
        token = null;
        caller = 'anonymous';
      } else {
        const u = permitted[pick % permitted.length]!;
        token = u.token;
        caller = u.role;
      }
      const idempotencyKey =
        keyed < 8 ? [keyText, `fuzz-${pick}-key-0000`, 123, null][keyed % 4] : undefined;
      const loggedBefore = logged.length;
      const uncaughtBefore = uncaught.length;
      const mark = watch.mark();
      let outcome: unknown;
      let thrown: unknown = null;
      stats.calls++;
      try {
        outcome = await dispatch(app, {
          op,
          input,
          token,
          ...(idempotencyKey !== undefined ? { idempotencyKey: idempotencyKey as string } : {}),
          client: 'fuzz',
        });
      } catch (e) {
        thrown = e;
      }
      const problem = thrown ? `threw ${show(thrown)}` : answerProblem(outcome);
      const pollution =
        Object.getOwnPropertyNames(Object.prototype).length !== protoNames ||
        ({} as Record<string, unknown>).polluted !== undefined;
      // Let anything started by the call (afterCommit work) run before judging the state.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const newLogs = logged.slice(loggedBefore);
      const newUncaught = uncaught.slice(uncaughtBefore);
      if (problem || pollution || newLogs.length > 0 || newUncaught.length > 0) {
        stats.unhandled++;
        finding(
          problem ??
            (pollution
              ? 'polluted Object.prototype'
              : `logged: ${show([...newUncaught, ...newLogs], 500)}`),
          caller,
          input,
          outcome ?? thrown,
        );
        if (pollution) {
          for (const k of Object.getOwnPropertyNames(Object.prototype).slice(protoNames)) {
            delete (Object.prototype as Record<string, unknown>)[k];
          }
        }
      }
      const result = (outcome as CallOutcome | undefined)?.result;
      const accepted = !thrown && result?.ok === true;
      if (accepted && op === 'exports.start') {
        const { jobId } = result.value as { jobId: string };
        if (!finished.has(jobId)) running.add(jobId);
      }
      if (accepted) stats.accepted++;
      else stats.rejected++;
      const code = accepted ? 'ok' : result && !result.ok ? result.error.code : 'thrown';
      stats.answers[code] = (stats.answers[code] ?? 0) + 1;
      const changed = watch.changedSince(mark);
      const tables = Object.keys(changed);
      if (tables.length === 0) {
        if (!accepted) windowRejected++;
        quiet++;
        if (quiet >= checkEvery) {
          const now = checksum();
          const diff = diffChecksums(baseline, now);
          if (diff.length > 0) {
            stats.changed++;
            finding(
              `tables changed with no write logged in the last ${quiet} calls (${windowRejected} rejected): ${diff.join(', ')}`,
              caller,
              input,
              outcome,
            );
          }
          baseline = now;
          quiet = 0;
          windowRejected = 0;
        }
        continue;
      }
      if (!accepted) {
        const error = result && !result.ok ? result.error : null;
        const rule = BY_DESIGN.find(
          (r) =>
            r.op === op &&
            error !== null &&
            r.codes.includes(error.code) &&
            (r.keyPrefix === undefined || error.key.startsWith(r.keyPrefix)),
        );
        const outside = tables.filter((t) => !rule?.tables.includes(t));
        if (rule && outside.length === 0) stats.byDesign++;
        else {
          stats.changed++;
          finding(`rejected call changed ${show(changed)}`, caller, input, outcome ?? thrown);
        }
      }
      // Something committed (the log says what): the next quiet window starts from here.
      if (tables.some((t) => IDENTITY_TABLES.has(t)) && !(await healUsers(app, users))) {
        stats.restores++;
        await close();
        open();
      } else {
        // The tables the log saw change, and those it cannot see; any other table that changed
        // unseen still differs from the baseline at the next quiet check.
        stats.checksums++;
        const touched = Object.keys(watch.changedSince(mark)); // the call's, and the healing's
        const fresh = watch.checksum(new Set([...touched, ...watch.unwatched]));
        baseline = { ...baseline, ...fresh };
      }
      quiet = 0;
      windowRejected = 0;
    }
    const end = checksum();
    const diff = diffChecksums(baseline, end);
    if (diff.length > 0) {
      stats.changed++;
      finding(
        `tables changed with no write logged at the end: ${diff.join(', ')}`,
        '-',
        null,
        null,
      );
    }
  } finally {
    await close();
  }
  stats.ms = Date.now() - started;
  return stats;
}

/** Every operation name, in the contract's order. */
export function allOperations(): OperationName[] {
  return [...OPERATION_NAMES];
}

export { ROLES };
