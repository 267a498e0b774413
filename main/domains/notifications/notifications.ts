import type { Kysely } from 'kysely';
import type { NotificationView } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import type { MessageParams as Params } from '../../../shared/result';
import type { ServiceContext } from '../../core/context';
import { parseJson, toJson } from '../../core/json';
import type { NotificationTarget } from '../../../shared/notifications/target';

/**
 * Stores a notification for each user (one statement, whatever their number) and pushes it to
 * their open windows after commit. `target`: where it leads (the bell opens it).
 */
export async function notify(
  ctx: ServiceContext,
  userIds: number[],
  kind: string,
  titleKey: string,
  params: Params,
  target: NotificationTarget | null = null,
): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  const json = toJson(params);
  const where = target ? toJson(target) : null;
  const rows = await ctx.db
    .insertInto('notifications')
    .values(
      users.map((userId) => ({
        userId,
        kind,
        titleKey,
        params: json,
        createdAtMs: ctx.nowMs,
        target: where,
      })),
    )
    .returning(['id', 'userId'])
    .execute();
  // RETURNING promises no order: tell the users in the order they were given.
  const idOf = new Map(rows.map((r) => [r.userId, r.id]));
  for (const userId of users) {
    const id = idOf.get(userId);
    if (id === undefined) continue;
    const notification: NotificationView = {
      id,
      kind,
      titleKey,
      params,
      createdAtMs: ctx.nowMs,
      readAtMs: null,
      target,
    };
    ctx.emit('notifications.created', { notification }, [userId]);
  }
}

/** Unread notifications are counted up to this many; the badge shows "99+" from 100. */
export const UNREAD_CAP = 100;

export async function listNotifications(db: Kysely<DB>, userId: number) {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAtMs', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  // On the partial index of unread rows, and no further than the badge shows ("99+"): a user
  // who never reads his notifications must not make every call count ten years of them.
  const unread = await db
    .selectFrom(
      db
        .selectFrom('notifications')
        .select('id')
        .where('userId', '=', userId)
        .where('readAtMs', 'is', null)
        .limit(UNREAD_CAP)
        .as('u'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    titleKey: r.titleKey,
    params: parseJson(r.params),
    createdAtMs: r.createdAtMs,
    readAtMs: r.readAtMs,
    target: r.target === null ? null : parseJson(r.target),
  }));
  return { items, unread: Number(unread.n) };
}

/** Every unread notification of the user, not only the newest the bell shows. */
export async function markAllRead(ctx: ServiceContext, userId: number) {
  const res = await ctx.db
    .updateTable('notifications')
    .set({ readAtMs: ctx.nowMs })
    .where('userId', '=', userId)
    .where('readAtMs', 'is', null)
    .executeTakeFirst();
  ctx.audit({ entityType: 'notification', summary: { all: Number(res.numUpdatedRows) } });
  return null;
}

export async function markRead(ctx: ServiceContext, userId: number, ids: number[]) {
  if (ids.length === 0) return null;
  await ctx.db
    .updateTable('notifications')
    .set({ readAtMs: ctx.nowMs })
    .where('userId', '=', userId)
    .where('id', 'in', ids)
    .where('readAtMs', 'is', null)
    .execute();
  ctx.audit({ entityType: 'notification', summary: { ids } });
  return null;
}
