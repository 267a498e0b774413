/**
 * D9 (a): the sign-in lockout rules checked against a model, over random sequences of sign-ins
 * (right and wrong passwords, unknown names, names in other case), clock moves, an administrator's
 * unlock and restarts of the app on the same database file. The rules (main/domains/auth):
 * - an account: 5 wrong passwords in a row lock it for 15 minutes (the counter then starts at 0);
 *   a right password resets the counter; while locked no password is checked;
 * - an unknown login name is counted and locked the same way (its count forgotten a day after
 *   its last failure);
 * - a client with 20 failures within 10 minutes (counted per minute) must wait;
 * - login names are case-insensitive; users.unlock clears an account's count and lock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { dispatch } from '../../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../../main/app';

const MINUTE = 60_000;
export const START_MS = Date.UTC(2026, 10, 27, 1, 0);
const RIGHT = 'correct-horse-battery';
const WRONG = 'wrong-password-1';
const ADMIN = { login: 'admin', password: 'admin-password-1' };
const ACCOUNTS = ['alice', 'bob'] as const;

/** The rules' constants as the model has them; the self-test breaks one. */
export interface Rules {
  maxAttempts: number;
  lockoutMs: number;
  unknownRetentionMs: number;
  clientMax: number;
  clientWindowMs: number;
}

export const RULES: Rules = {
  maxAttempts: 5,
  lockoutMs: 15 * MINUTE,
  unknownRetentionMs: 24 * 60 * MINUTE,
  clientMax: 20,
  clientWindowMs: 10 * MINUTE,
};

export type Step =
  | { k: 'login'; who: string; right: boolean; client: string }
  | { k: 'clock'; ms: number }
  | { k: 'unlock'; who: (typeof ACCOUNTS)[number] }
  | { k: 'restart' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('login' as const),
      who: fc.constantFrom('alice', 'ALICE', 'Alice', 'bob', 'ghost', 'GHOST', 'nobody'),
      right: fc.boolean(),
      client: fc.constantFrom('10.0.0.1', '10.0.0.1', '10.0.0.2'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('clock' as const),
      ms: fc.constantFrom(
        1_000,
        30_000,
        MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        14 * MINUTE + 59_000,
        15 * MINUTE,
        16 * MINUTE,
        24 * 60 * MINUTE,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('unlock' as const), who: fc.constantFrom(...ACCOUNTS) }),
  },
  { weight: 2, arbitrary: fc.constant({ k: 'restart' as const }) },
);

export const sequenceArb = fc.array(stepArb, { minLength: 3, maxLength: 20 });

/** What a sign-in answered: ok, or the error code with its minutes. */
type Outcome = string;

/** The model of the rules: plain maps, no database. */
export class LockoutModel {
  private readonly accounts = new Map<string, { failed: number; lockedUntil: number | null }>();
  private readonly unknown = new Map<
    string,
    { failed: number; lockedUntil: number | null; expires: number }
  >();
  private readonly clients = new Map<string, Map<number, number>>();

  constructor(private readonly r: Rules) {
    for (const a of ACCOUNTS) this.accounts.set(a, { failed: 0, lockedUntil: null });
  }

  private clientWait(client: string, now: number): number | null {
    const minutes = [...(this.clients.get(client) ?? new Map<number, number>()).entries()]
      .filter(([m]) => m > now - this.r.clientWindowMs)
      .sort((a, b) => b[0] - a[0]);
    let total = 0;
    for (const [m, n] of minutes) {
      total += n;
      if (total >= this.r.clientMax) {
        return Math.max(1, Math.ceil((m + this.r.clientWindowMs - now) / MINUTE));
      }
    }
    return null;
  }

  private fail(client: string, now: number) {
    const minute = Math.floor(now / MINUTE) * MINUTE;
    const m = this.clients.get(client) ?? new Map<number, number>();
    m.set(minute, (m.get(minute) ?? 0) + 1);
    this.clients.set(client, m);
  }

  private locked(minutes: number): Outcome {
    return `ACCOUNT_LOCKED ${minutes}`;
  }

  login(who: string, right: boolean, client: string, now: number): Outcome {
    const wait = this.clientWait(client, now);
    if (wait !== null) return `TOO_MANY_ATTEMPTS ${wait}`;
    const login = who.toLowerCase();
    const a = this.accounts.get(login);
    if (a) {
      if (a.lockedUntil !== null && a.lockedUntil > now) {
        this.fail(client, now);
        return this.locked(Math.ceil((a.lockedUntil - now) / MINUTE));
      }
      if (right) {
        a.failed = 0;
        a.lockedUntil = null;
        return 'ok';
      }
      this.fail(client, now);
      const attempts = a.failed + 1;
      if (attempts >= this.r.maxAttempts) {
        a.failed = 0;
        a.lockedUntil = now + this.r.lockoutMs;
        return this.locked(this.r.lockoutMs / MINUTE);
      }
      a.failed = attempts;
      a.lockedUntil = null;
      return 'BAD_CREDENTIALS';
    }
    this.fail(client, now);
    const u = this.unknown.get(login);
    if (u && u.lockedUntil !== null && u.lockedUntil > now) {
      return this.locked(Math.ceil((u.lockedUntil - now) / MINUTE));
    }
    for (const [k, v] of this.unknown) if (v.expires <= now) this.unknown.delete(k);
    const row = this.unknown.get(login) ?? { failed: 0, lockedUntil: null, expires: 0 };
    row.failed++;
    row.lockedUntil = null;
    row.expires = now + this.r.unknownRetentionMs;
    this.unknown.set(login, row);
    if (row.failed >= this.r.maxAttempts) {
      row.failed = 0;
      row.lockedUntil = now + this.r.lockoutMs;
      row.expires = row.lockedUntil;
      return this.locked(this.r.lockoutMs / MINUTE);
    }
    return 'BAD_CREDENTIALS';
  }

  unlock(who: string) {
    this.accounts.set(who, { failed: 0, lockedUntil: null });
  }
}

function outcome(result: {
  ok: boolean;
  error?: { code: string; params?: Record<string, unknown> };
}) {
  if (result.ok) return 'ok';
  const minutes = result.error?.params?.minutes;
  return minutes === undefined
    ? String(result.error?.code)
    : `${result.error?.code} ${String(minutes)}`;
}

/** A database with the administrator and two accounts, made once and copied per sequence. */
export async function makeTemplate(dir: string): Promise<string> {
  const file = path.join(dir, 'template.db');
  const app = createApp(file, { clock: () => START_MS });
  try {
    const call = (op: string, input: unknown, token: string | null = null) =>
      dispatch(app, { op, input, token });
    const setup = await call('setup.createAdmin', {
      companyName: 'Lockout Co',
      login: ADMIN.login,
      displayName: 'Admin',
      password: ADMIN.password,
    });
    const token = setup.session ?? null;
    for (const login of ACCOUNTS) {
      const r = await call(
        'users.create',
        { login, displayName: login, departmentId: null, roles: ['host'], password: RIGHT },
        token,
      );
      if (!r.result.ok) throw new Error(`users.create ${login}: ${JSON.stringify(r.result)}`);
    }
  } finally {
    await app.close();
  }
  return file;
}

/**
 * Where the sequences' files go: memory-backed when the system has it (/dev/shm), so each commit's
 * fsync (synchronous = FULL) costs nothing. The files are still closed and reopened on a restart.
 */
function scratchRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export interface LockoutOptions {
  runs: number;
  seed: number;
  rules?: Rules;
  /** The broken app of the self-test: forgets every count and lock on restart. */
  resetOnRestart?: boolean;
  log: (line: string) => void;
}

export interface LockoutReport {
  runs: number;
  steps: number;
  logins: number;
  restarts: number;
  failure: string | null;
}

export async function runLockoutModel(o: LockoutOptions): Promise<LockoutReport> {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'score-login-'));
  const report: LockoutReport = { runs: 0, steps: 0, logins: 0, restarts: 0, failure: null };
  try {
    const template = await makeTemplate(dir);
    const ids = new Map<string, number>([
      ['alice', 2],
      ['bob', 3],
    ]);
    let n = 0;
    const property = fc.asyncProperty(sequenceArb, async (steps) => {
      const file = path.join(dir, `run-${n++}.db`);
      fs.copyFileSync(template, file);
      let now = START_MS + MINUTE;
      const clock = () => now;
      let app: RunningApp = createApp(file, { clock });
      const model = new LockoutModel(o.rules ?? RULES);
      const trace: string[] = [];
      try {
        for (const s of steps) {
          report.steps++;
          if (s.k === 'clock') {
            now += s.ms;
            trace.push(`+${s.ms / 1000}s`);
          } else if (s.k === 'restart') {
            await app.close();
            app = createApp(file, { clock });
            if (o.resetOnRestart) {
              app.sqlite.exec('UPDATE users SET failed_attempts = 0, locked_until_ms = NULL');
              app.sqlite.exec('DELETE FROM unknown_login_failures');
            }
            report.restarts++;
            trace.push('restart');
          } else if (s.k === 'unlock') {
            const admin = await dispatch(app, {
              op: 'auth.login',
              input: ADMIN,
              token: null,
              client: 'admin-desk',
            });
            const r = await dispatch(app, {
              op: 'users.unlock',
              input: { id: ids.get(s.who) },
              token: admin.session ?? null,
            });
            if (!r.result.ok) throw new Error(`users.unlock: ${JSON.stringify(r.result)}`);
            model.unlock(s.who);
            trace.push(`unlock ${s.who}`);
          } else {
            report.logins++;
            const r = await dispatch(app, {
              op: 'auth.login',
              input: { login: s.who, password: s.right ? RIGHT : WRONG },
              token: null,
              client: s.client,
            });
            const real = outcome(r.result);
            const expected = model.login(s.who, s.right, s.client, now);
            trace.push(`${s.who}/${s.right ? 'right' : 'wrong'}@${s.client} → ${real}`);
            if (real !== expected) {
              report.failure = `${trace.join('; ')} — the model expected ${expected}`;
              return false;
            }
          }
        }
        return true;
      } finally {
        await app.close();
        for (const f of fs.readdirSync(dir)) {
          if (f.startsWith(`run-${n - 1}.db`)) fs.rmSync(path.join(dir, f), { force: true });
        }
      }
    });
    const details = await fc.check(property, {
      numRuns: o.runs,
      seed: o.seed,
      endOnFailure: true,
    });
    report.runs = details.numRuns;
    if (details.failed && report.failure === null) {
      report.failure = String(details.errorInstance ?? 'failed');
    }
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
