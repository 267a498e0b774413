import type { Expression, Kysely, SqlBool } from 'kysely';
import type { SessionsEnded } from '../../../shared/auth/contract';
import {
  isLive,
  SESSION_MAX_MS,
  type SessionCursor,
  type SessionView,
} from '../../../shared/auth/sessions';
import type { OpParsed } from '../../../shared/contract/operations';
import type { Page } from '../../../shared/contract/types';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { cappedTotal } from '../../core/paging';
import type { DB } from '../../db/schema';
import { callSettings } from '../settings';
import { sessionRowStatus } from './sessions';

/**
 * The sysadmin's sessions (issue 14: office mode): who is signed in, from where, since when, and
 * ending a session — one, or all of a person's. An ended session's token opens nothing from the
 * next call on (resolveSession); its clients are told at once by `sessions.ended`, addressed to
 * the ended sessions themselves (main/api/delivery.ts), and sign out.
 */

/** Beyond this many sessions the list's total reads "1,000+": counting further would walk them all. */
const COUNT_CAP = 1_000;

function sessionRows(db: Kysely<DB>) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.id',
      's.tokenHash',
      's.userId',
      'u.login',
      'u.displayName',
      'u.disabled',
      's.client',
      's.createdAtMs',
      's.lastActiveAtMs',
      's.locked',
      's.endedAtMs',
      's.revokedBy',
    ]);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRows>['execute']>>[number];

/**
 * One run of the list, newest activity first, on `sessions_activity` (last_active_at_ms, id):
 * the live sessions (`live`) or all the others. What makes a session live is sessionStatus's rule
 * in SQL — not ended, its person not disabled, opened less than SESSION_MAX_MS ago — and a live
 * session was last active after it was opened, which bounds the live run's walk of the index to
 * the last twelve hours.
 */
function run(
  db: Kysely<DB>,
  live: boolean,
  sinceMs: number,
  after: SessionCursor | undefined,
  limit: number,
) {
  return sessionRows(db)
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (live) {
        and.push(eb('s.lastActiveAtMs', '>=', sinceMs));
        and.push(eb('s.endedAtMs', 'is', null));
        and.push(eb('s.createdAtMs', '>=', sinceMs));
        and.push(eb('u.disabled', '=', 0));
      } else {
        and.push(
          eb.or([
            eb('s.endedAtMs', 'is not', null),
            eb('s.createdAtMs', '<', sinceMs),
            eb('u.disabled', '=', 1),
          ]),
        );
      }
      if (after) {
        and.push(eb(eb.refTuple('s.lastActiveAtMs', 's.id'), '<', eb.tuple(after.atMs, after.id)));
      }
      return eb.and(and);
    })
    .orderBy('s.lastActiveAtMs', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Every session, the live ones first and then the rest (ended, revoked, expired), each run by
 * last activity, newest first; a page at a time (keyset: the cursor says which run and where).
 */
export async function listSessions(
  ctx: ServiceContext,
  input: OpParsed<'sessions.list'>,
): Promise<Page<SessionView, SessionCursor>> {
  const actor = requireActor(ctx);
  const { idleLockMinutes } = await callSettings(ctx);
  const sinceMs = ctx.nowMs - SESSION_MAX_MS;
  const { after, limit } = input;
  const rows: { row: SessionRow; live: boolean }[] = [];
  if (after === undefined || after.live) {
    const live = await run(ctx.db, true, sinceMs, after, limit + 1);
    rows.push(...live.map((row) => ({ row, live: true })));
  }
  if (rows.length <= limit) {
    const from = after?.live === false ? after : undefined;
    const rest = await run(ctx.db, false, sinceMs, from, limit + 1 - rows.length);
    rows.push(...rest.map((row) => ({ row, live: false })));
  }
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const items = page.map(({ row: r }): SessionView => ({
    id: r.id,
    userId: r.userId,
    login: r.login,
    displayName: r.displayName,
    client: r.client,
    createdAtMs: r.createdAtMs,
    lastActiveAtMs: r.lastActiveAtMs,
    endedAtMs: r.endedAtMs,
    status: sessionRowStatus(r, ctx.nowMs, idleLockMinutes),
    current: r.tokenHash === actor.tokenHash,
  }));
  const last = page[page.length - 1];
  const total =
    after === undefined
      ? await cappedTotal(
          ctx.db,
          ctx.db
            .selectFrom('sessions')
            .select('id')
            .limit(COUNT_CAP + 1)
            .as('m'),
          COUNT_CAP,
        )
      : null;
  return {
    items,
    next: more && last ? { live: last.live, atMs: last.row.lastActiveAtMs, id: last.row.id } : null,
    total,
  };
}

/**
 * Ends these sessions as revoked by the caller, and tells their clients (`sessions.ended`,
 * addressed to the sessions, since by user an event reaches only live ones).
 */
async function revoke(ctx: ServiceContext, sessions: readonly SessionRow[]) {
  const actor = requireActor(ctx);
  // In one order on both stores (SQLite reads them in its index's order, PostgreSQL as stored).
  const hashes = sessions.map((s) => s.tokenHash).sort();
  await ctx.db
    .updateTable('sessions')
    .set({ endedAtMs: ctx.nowMs, revokedBy: actor.userId })
    .where('tokenHash', 'in', hashes)
    .where('endedAtMs', 'is', null)
    .execute();
  const users = [...new Set(sessions.map((s) => s.userId))];
  ctx.emit('sessions.ended', { reason: 'revoked' }, users, hashes);
}

/** Ends one live session. Not the caller's own (signing out does that), nor one already over. */
export async function revokeSession(
  ctx: ServiceContext,
  input: OpParsed<'sessions.revoke'>,
): Promise<SessionsEnded> {
  const actor = requireActor(ctx);
  const row = await sessionRows(ctx.db).where('s.id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'sessions.errors.notFound');
  if (row.tokenHash === actor.tokenHash) throw new AppError('CONFLICT', 'sessions.errors.own');
  const { idleLockMinutes } = await callSettings(ctx);
  const status = sessionRowStatus(row, ctx.nowMs, idleLockMinutes);
  if (status === 'expired') throw new AppError('CONFLICT', 'sessions.errors.expired');
  if (!isLive(status)) throw new AppError('CONFLICT', 'sessions.errors.alreadyEnded');
  await revoke(ctx, [row]);
  ctx.audit({
    entityType: 'session',
    entityId: row.id,
    summary: { login: row.login, displayName: row.displayName, signedInFrom: row.client },
  });
  return { ended: 1 };
}

/**
 * Ends every live session of one person (a lost laptop, someone leaving), except the caller's
 * own current one when the person is the caller.
 */
export async function revokeUserSessions(
  ctx: ServiceContext,
  input: OpParsed<'sessions.revokeUser'>,
): Promise<SessionsEnded> {
  const actor = requireActor(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'login', 'displayName'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND', 'sessions.errors.noUser');
  const { idleLockMinutes } = await callSettings(ctx);
  // The person's sessions not ended, on sessions_user; which of them are live, by the one rule.
  const open = await sessionRows(ctx.db)
    .where('s.userId', '=', user.id)
    .where('s.endedAtMs', 'is', null)
    .where('s.createdAtMs', '>=', ctx.nowMs - SESSION_MAX_MS)
    .execute();
  const live = open.filter(
    (s) =>
      s.tokenHash !== actor.tokenHash && isLive(sessionRowStatus(s, ctx.nowMs, idleLockMinutes)),
  );
  if (live.length === 0) {
    throw new AppError('CONFLICT', 'sessions.errors.noneLive', { name: user.displayName });
  }
  await revoke(ctx, live);
  ctx.audit({
    entityType: 'user',
    entityId: user.id,
    summary: { login: user.login, sessionsEnded: live.length },
  });
  return { ended: live.length };
}
