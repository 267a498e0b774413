import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Lockout for login names that belong to no account (migration 0070). A real account locks after
 * `maxAttempts` wrong passwords in a row; if an unknown name never did, the lockout would tell
 * which names exist. So unknown names are counted and locked the same way, per normalised name.
 *
 * A real account's counter never expires; an unknown name's does, a day after its last failure,
 * so that guessing many names cannot grow the table without bound.
 */
export const UNKNOWN_LOGIN_RETENTION_MS = 24 * 60 * 60_000;

/** Minutes left on the lock of this unknown login name, or null when it is not locked. */
export async function unknownLoginLockedMinutes(
  db: Kysely<DB>,
  login: string,
  nowMs: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('unknownLoginFailures')
    .select('lockedUntilMs')
    .where('login', '=', login)
    .executeTakeFirst();
  if (!row || row.lockedUntilMs === null || row.lockedUntilMs <= nowMs) return null;
  return Math.ceil((row.lockedUntilMs - nowMs) / 60_000);
}

/**
 * Counts a failed sign-in for an unknown login name (purging expired rows first). Returns true when
 * this failure locks the name, as the same failure would lock a real account.
 */
export async function recordUnknownLoginFailure(
  db: Kysely<DB>,
  login: string,
  nowMs: number,
  rule: { maxAttempts: number; lockoutMs: number },
): Promise<boolean> {
  await db.deleteFrom('unknownLoginFailures').where('expiresMs', '<=', nowMs).execute();
  const expiresMs = nowMs + UNKNOWN_LOGIN_RETENTION_MS;
  const row = await db
    .insertInto('unknownLoginFailures')
    .values({ login, failedAttempts: 1, lockedUntilMs: null, expiresMs })
    .onConflict((oc) =>
      oc.column('login').doUpdateSet((eb) => ({
        failedAttempts: eb('unknownLoginFailures.failedAttempts', '+', 1),
        lockedUntilMs: null,
        expiresMs,
      })),
    )
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  if (row.failedAttempts < rule.maxAttempts) return false;
  const lockedUntilMs = nowMs + rule.lockoutMs;
  // Like a real account: the counter starts again at 0; the row goes when the lock ends.
  await db
    .updateTable('unknownLoginFailures')
    .set({ failedAttempts: 0, lockedUntilMs, expiresMs: lockedUntilMs })
    .where('login', '=', login)
    .execute();
  return true;
}

/** A new account with this login name starts clean: no lock or count left from guesses. */
export async function forgetUnknownLogin(db: Kysely<DB>, login: string): Promise<void> {
  await db.deleteFrom('unknownLoginFailures').where('login', '=', login).execute();
}
