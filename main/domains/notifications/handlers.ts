import type { notificationsNames } from '../../../shared/notifications/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { listNotifications, markAllRead, markRead } from './notifications';

export const notificationsHandlers: DomainHandlers<(typeof notificationsNames.operations)[number]> =
  {
    'notifications.list': (ctx) => listNotifications(ctx.db, requireActor(ctx).userId),
    'notifications.markRead': (ctx, input) => markRead(ctx, requireActor(ctx).userId, input.ids),
    'notifications.markAllRead': (ctx) => markAllRead(ctx, requireActor(ctx).userId),
  };
