/**
 * D9 (b) and (c): a session under the idle lock is refused every operation but the few that must
 * work while locked, until the password is given again; and the real password hash is Argon2id
 * with the parameters the code asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../../main/api/dispatcher';
import { createApp } from '../../../main/app';
import { argon2id, hashPassword, setPasswordHasher } from '../../../main/domains/auth/passwords';
import { OPERATION_NAMES } from '../../../shared/contract/names';
import { OPERATIONS } from '../../../shared/contract/operations';
import { makeTemplate, START_MS } from './lockout';

/**
 * What a locked session may still call, written out: signing in or out, the first start and
 * health (public), and the lock's own operations. The contract's `access` must say the same.
 */
export const ALLOWED_WHILE_LOCKED = [
  'auth.lock',
  'auth.login',
  'auth.logout',
  'auth.session',
  'auth.unlock',
  // The recovery screen's two (issue 13): public because a damaged database's sessions cannot be
  // trusted; they answer only while the database is damaged.
  'backups.recover',
  'backups.recoveryStatus',
  'setup.createAdmin',
  'setup.status',
  'system.health',
].sort();

/** The operations the contract lets through a locked session (public or `lockedSession`). */
export function allowedByContract(): string[] {
  return OPERATION_NAMES.filter((n) => {
    const access = (OPERATIONS as Record<string, { access: string }>)[n]?.access;
    return access === 'public' || access === 'lockedSession';
  }).sort();
}

export interface IdleLockReport {
  refused: number;
  privileged: number;
  /** Not refused as SESSION_LOCKED: name → what came back. */
  leaks: string[];
  allowedMatchesContract: boolean;
  wrongPasswordKeptLock: boolean;
  unlockedWorks: boolean;
  auditUnchanged: boolean;
}

export async function runIdleLock(dir: string): Promise<IdleLockReport> {
  const template = await makeTemplate(dir);
  const file = path.join(dir, 'idle.db');
  fs.copyFileSync(template, file);
  let now = START_MS + 60_000;
  const app = createApp(file, { clock: () => now });
  try {
    const admin = { login: 'admin', password: 'admin-password-1' };
    const signed = await dispatch(app, { op: 'auth.login', input: admin, token: null });
    const token = signed.session ?? null;
    const info = signed.result.ok
      ? (signed.result.value as { settings: { idleLockMinutes: number } })
      : null;
    if (token === null || info === null) throw new Error('the administrator could not sign in');
    now += (info.settings.idleLockMinutes + 1) * 60_000;
    const audits = () =>
      (app.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audits();
    const allowed = new Set(ALLOWED_WHILE_LOCKED);
    let refused = 0;
    let privileged = 0;
    const leaks: string[] = [];
    for (const op of OPERATION_NAMES) {
      if (allowed.has(op)) continue;
      privileged++;
      const r = await dispatch(app, { op, input: {}, token });
      if (!r.result.ok && r.result.error.code === 'SESSION_LOCKED') refused++;
      else leaks.push(`${op}: ${r.result.ok ? 'ok' : r.result.error.code}`);
    }
    const auditUnchanged = audits() === before;
    const wrong = await dispatch(app, {
      op: 'auth.unlock',
      input: { password: 'not-the-password' },
      token,
    });
    const stillLocked = await dispatch(app, { op: 'users.list', input: {}, token });
    const wrongPasswordKeptLock =
      !wrong.result.ok &&
      !stillLocked.result.ok &&
      stillLocked.result.error.code === 'SESSION_LOCKED';
    const unlocked = await dispatch(app, {
      op: 'auth.unlock',
      input: { password: admin.password },
      token,
    });
    const after = await dispatch(app, { op: 'users.list', input: {}, token });
    return {
      refused,
      privileged,
      leaks,
      allowedMatchesContract:
        JSON.stringify(allowedByContract()) === JSON.stringify(ALLOWED_WHILE_LOCKED),
      wrongPasswordKeptLock,
      unlockedWorks: unlocked.result.ok && after.result.ok,
      auditUnchanged,
    };
  } finally {
    await app.close();
  }
}

export interface HashReport {
  algorithm: string;
  m: number;
  t: number;
  p: number;
  verifies: boolean;
  /** The hasher in use when none is swapped in (production) writes the same format. */
  productionIsArgon2id: boolean;
}

/** Hashes a password with the real hasher and reads its parameters back from the PHC string. */
export async function checkPasswordHash(): Promise<HashReport> {
  const encoded = await argon2id.hash('a password of the scorecard');
  const m = /^\$(argon2(?:id|i|d))\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(encoded);
  const verifies =
    (await argon2id.verify(encoded, 'a password of the scorecard')) &&
    !(await argon2id.verify(encoded, 'another password'));
  setPasswordHasher(null);
  const production = await hashPassword('a password of the scorecard');
  return {
    algorithm: m?.[1] ?? 'unknown',
    m: Number(m?.[2]),
    t: Number(m?.[3]),
    p: Number(m?.[4]),
    verifies,
    productionIsArgon2id: production.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'),
  };
}
