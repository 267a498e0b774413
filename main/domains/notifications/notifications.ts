import type { Kysely } from 'kysely';
import type { NotificationView } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';

type Params = Record<string, string | number>;

/** Stores a notification for each user and pushes it to their open windows after commit. */
export async function notify(
  ctx: ServiceContext,
  userIds: number[],
  kind: string,
  titleKey: string,
  params: Params,
): Promise<void> {
  for (const userId of new Set(userIds)) {
    const { id } = await ctx.db
      .insertInto('notifications')
      .values({ userId, kind, titleKey, params: JSON.stringify(params), createdAtMs: ctx.nowMs })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notification: NotificationView = {
      id,
      kind,
      titleKey,
      params,
      createdAtMs: ctx.nowMs,
      readAtMs: null,
    };
    ctx.emit('notifications.created', { notification }, [userId]);
  }
}

export async function listNotifications(db: Kysely<DB>, userId: number) {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAtMs', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('readAtMs', 'is', null)
    .executeTakeFirstOrThrow();
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    titleKey: r.titleKey,
    params: JSON.parse(r.params) as Params,
    createdAtMs: r.createdAtMs,
    readAtMs: r.readAtMs,
  }));
  return { items, unread: Number(unread.n) };
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
