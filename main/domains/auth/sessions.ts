import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** A session ends 12 hours after sign-in whatever happens: a shift, not a week. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<DB>, userId: number, nowMs: number) {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ tokenHash: hashToken(token), userId, createdAtMs: nowMs, lastActiveAtMs: nowMs })
    .execute();
  return token;
}

export type SessionState =
  | { status: 'none' }
  | { status: 'expired' }
  | {
      status: 'locked' | 'active';
      tokenHash: string;
      userId: number;
      lastActiveAtMs: number;
      /** The user, read in the same statement (the dispatcher's actor needs them on every call). */
      user: { displayName: string; language: string; mustChangePassword: number };
    };

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
      'users.disabled',
      'users.displayName',
      'users.language',
      'users.mustChangePassword',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { status: 'expired' };
  if (row.endedAtMs !== null || row.disabled || nowMs - row.createdAtMs > SESSION_MAX_MS) {
    return { status: 'expired' };
  }
  const user = {
    displayName: row.displayName,
    language: row.language,
    mustChangePassword: row.mustChangePassword,
  };
  const idle = nowMs - row.lastActiveAtMs > idleLockMinutes * 60_000;
  if (row.locked || idle) {
    if (!row.locked) await setLocked(db, tokenHash, true);
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
