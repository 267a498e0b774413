import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isLive, SESSION_MAX_MS, sessionStatus } from '../../../shared/auth/sessions';
import type { DB } from '../../db/schema';

export { SESSION_MAX_MS };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session's name in the sysadmin's list: 64 random bits, nothing derived from the token. */
export const newSessionId = () => randomBytes(8).toString('hex');

/**
 * A new session for the user, opened from `client` (the HTTP peer address, 'local-app' for the
 * desktop window): the token for the transport to hold; only its hash is stored.
 */
export async function createSession(
  db: Kysely<DB>,
  userId: number,
  nowMs: number,
  client: string | null,
) {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      id: newSessionId(),
      userId,
      client,
      createdAtMs: nowMs,
      lastActiveAtMs: nowMs,
    })
    .execute();
  return token;
}

export type SessionState =
  | { status: 'none' }
  /** `revoked`: an administrator ended it (the client is told so, not "expired"). */
  | { status: 'expired'; revoked?: boolean }
  | {
      status: 'locked' | 'active';
      tokenHash: string;
      userId: number;
      lastActiveAtMs: number;
      /** The user, read in the same statement (the dispatcher's actor needs them on every call). */
      user: { displayName: string; language: string; mustChangePassword: number };
    };

/** A session row as stored (with its person's `disabled`), in sessionStatus's terms. */
export interface StoredSession {
  createdAtMs: number;
  lastActiveAtMs: number;
  locked: number;
  endedAtMs: number | null;
  revokedBy: number | null;
  disabled: number;
}

/** shared/auth/sessions.ts's status of a stored session: for the sign-in check and the list alike. */
export function sessionRowStatus(row: StoredSession, nowMs: number, idleLockMinutes: number) {
  return sessionStatus(
    {
      createdAtMs: row.createdAtMs,
      lastActiveAtMs: row.lastActiveAtMs,
      locked: row.locked === 1,
      endedAtMs: row.endedAtMs,
      revokedBy: row.revokedBy,
      userDisabled: row.disabled === 1,
    },
    nowMs,
    idleLockMinutes,
  );
}

/**
 * Classifies a token. Idle for longer than the configured minutes means locked: the shared
 * front-desk machine asks for the password again rather than showing the last user's data.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string | null,
  nowMs: number,
  idleLockMinutes: number,
): Promise<SessionState> {
  if (!token) return { status: 'none' };
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.userId',
      'sessions.createdAtMs',
      'sessions.lastActiveAtMs',
      'sessions.locked',
      'sessions.endedAtMs',
      'sessions.revokedBy',
      'users.disabled',
      'users.displayName',
      'users.language',
      'users.mustChangePassword',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { status: 'expired' };
  // The same rule as the sessions list shows (shared/auth/sessions.ts).
  const status = sessionRowStatus(row, nowMs, idleLockMinutes);
  if (!isLive(status))
    return status === 'revoked' ? { status: 'expired', revoked: true } : { status: 'expired' };
  const user = {
    displayName: row.displayName,
    language: row.language,
    mustChangePassword: row.mustChangePassword,
  };
  if (status === 'locked') {
    // Idle past the configured minutes: locked from now on, even if activity is reported later.
    if (row.locked !== 1) await setLocked(db, tokenHash, true);
    return {
      status: 'locked',
      tokenHash,
      userId: row.userId,
      lastActiveAtMs: row.lastActiveAtMs,
      user,
    };
  }
  return {
    status: 'active',
    tokenHash,
    userId: row.userId,
    lastActiveAtMs: row.lastActiveAtMs,
    user,
  };
}

/**
 * How stale a session's recorded activity may get before a call writes it again. Writing it on
 * every call made each read a committed (fsynced) write; the idle lock may now come up to this
 * much sooner than the configured minutes after the last call.
 */
export const ACTIVITY_WRITE_EVERY_MS = 60_000;

/** Records a call's activity if the recorded one is a minute old or more (see above). */
export async function noteActivity(
  db: Kysely<DB>,
  tokenHash: string,
  nowMs: number,
  recordedMs: number,
) {
  if (nowMs - recordedMs >= ACTIVITY_WRITE_EVERY_MS) await touchSession(db, tokenHash, nowMs);
}

export async function touchSession(db: Kysely<DB>, tokenHash: string, nowMs: number) {
  await db
    .updateTable('sessions')
    .set({ lastActiveAtMs: nowMs })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export async function setLocked(db: Kysely<DB>, tokenHash: string, locked: boolean) {
  await db
    .updateTable('sessions')
    .set({ locked: locked ? 1 : 0 })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export async function endSession(db: Kysely<DB>, tokenHash: string, nowMs: number) {
  await db
    .updateTable('sessions')
    .set({ endedAtMs: nowMs })
    .where('tokenHash', '=', tokenHash)
    .where('endedAtMs', 'is', null)
    .execute();
}

export async function endUserSessions(
  db: Kysely<DB>,
  userId: number,
  nowMs: number,
  exceptTokenHash?: string,
) {
  let q = db
    .updateTable('sessions')
    .set({ endedAtMs: nowMs })
    .where('userId', '=', userId)
    .where('endedAtMs', 'is', null);
  if (exceptTokenHash) q = q.where('tokenHash', '!=', exceptTokenHash);
  await q.execute();
}
