import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Failed sign-ins one client may make within `CLIENT_WINDOW_MS` before it must wait. */
export const CLIENT_MAX_FAILURES = 20;
export const CLIENT_WINDOW_MS = 10 * 60_000;
const MINUTE_MS = 60_000;

const minuteOf = (nowMs: number) => Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;

/**
 * Minutes this client must wait before its next sign-in is looked at, or null when it may try:
 * `CLIENT_MAX_FAILURES` failures in the last `CLIENT_WINDOW_MS` (counted per minute) close it.
 */
export async function clientWaitMinutes(
  db: Kysely<DB>,
  client: string,
  nowMs: number,
): Promise<number | null> {
  const rows = await db
    .selectFrom('loginFailures')
    .select(['minuteMs', 'failures'])
    .where('client', '=', client)
    .where('minuteMs', '>', nowMs - CLIENT_WINDOW_MS)
    .orderBy('minuteMs', 'desc')
    .execute();
  let total = 0;
  for (const row of rows) {
    total += row.failures;
    // The window opens again when enough of the newest failures have aged out of it.
    if (total >= CLIENT_MAX_FAILURES) {
      return Math.max(1, Math.ceil((row.minuteMs + CLIENT_WINDOW_MS - nowMs) / MINUTE_MS));
    }
  }
  return null;
}

/**
 * Counts a failed sign-in of this client. Returns true when it is the client's first failure for
 * an unknown login name in this minute: only that one is audited (one entry per client and minute,
 * so a script cannot fill the append-only audit log).
 */
export async function recordClientFailure(
  db: Kysely<DB>,
  client: string,
  nowMs: number,
  unknownLogin: boolean,
): Promise<boolean> {
  const minuteMs = minuteOf(nowMs);
  await db
    .deleteFrom('loginFailures')
    .where('minuteMs', '<=', nowMs - CLIENT_WINDOW_MS)
    .execute();
  const unknown = unknownLogin ? 1 : 0;
  const row = await db
    .insertInto('loginFailures')
    .values({ client, minuteMs, failures: 1, unknownFailures: unknown })
    .onConflict((oc) =>
      oc.columns(['client', 'minuteMs']).doUpdateSet((eb) => ({
        failures: eb('loginFailures.failures', '+', 1),
        unknownFailures: eb('loginFailures.unknownFailures', '+', unknown),
      })),
    )
    .returning('unknownFailures')
    .executeTakeFirstOrThrow();
  return unknownLogin && row.unknownFailures === 1;
}
