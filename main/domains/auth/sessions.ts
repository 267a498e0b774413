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
  | { status: 'locked' | 'active'; tokenHash: string; userId: number };

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
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { status: 'expired' };
  if (row.endedAtMs !== null || row.disabled || nowMs - row.createdAtMs > SESSION_MAX_MS) {
    return { status: 'expired' };
  }
  const idle = nowMs - row.lastActiveAtMs > idleLockMinutes * 60_000;
  if (row.locked || idle) {
    if (!row.locked) await setLocked(db, tokenHash, true);
    return { status: 'locked', tokenHash, userId: row.userId };
  }
  return { status: 'active', tokenHash, userId: row.userId };
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
