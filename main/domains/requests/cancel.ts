import type { OpParsed } from '../../../shared/contract/operations';
import { mayCancelAtAll } from '../../../shared/requests/rights';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { withdraw } from '../approvals';
import { releaseBookingsOf } from '../bookings';
import { notify } from '../notifications';
import { voidVisitTasks } from '../tasks';
import { getDossier } from './dossier';
import { addEvent } from './events';
import { loadRow } from './queries';
import { transition } from './status';

/**
 * Cancels a request (the host, or the admin office once it was submitted): its open steps become void, and everyone who
 * decided on it or had it waiting is told. Its bookings are released, supplies issued to it go
 * back into stock and its cash advances not handed out are withdrawn, in the same transaction.
 * A visit with expense lines or cash handed out is not cancelled: it is settled instead.
 */
export async function cancelRequest(ctx: ServiceContext, input: OpParsed<'requests.cancel'>) {
  const actor = requireActor(ctx);
  const row = await loadRow(ctx.db, input.id);
  const isHost = row.hostUserId === actor.userId;
  // The person first: to anyone else the request does not exist (a draft, to anyone but its
  // host). The life cycle decides next.
  if (!mayCancelAtAll(actor, row)) {
    throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  }
  if (row.version !== input.version) throw new AppError('CONFLICT', 'errors.staleRequest');
  // Loaded when called: the expenses domain reads requests through their index (a cycle at
  // load time).
  const { moneyMovedOn, withdrawAdvancesOf } = await import('../expenses');
  // Spent or advanced money is settled through the reconciliation, never dropped with the visit.
  if (await moneyMovedOn(ctx.db, row.id)) {
    throw new AppError('CONFLICT', 'expensesReconcile.errors.cancelWithMoney', { code: row.code });
  }
  await transition(ctx.db, row.id, row.status, 'cancel', ctx.nowMs);
  const { told: deciders, watching: inboxes } = await withdraw(ctx, {
    type: 'request',
    id: row.id,
  });
  // Its cash advances not handed out are withdrawn too (none was issued: see above).
  const advances = await withdrawAdvancesOf(ctx, row.id, row.hostUserId);
  const released = await releaseBookingsOf(ctx, row.id, row.hostUserId);
  await voidVisitTasks(ctx, row.id);
  await addEvent(ctx.db, {
    requestId: row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'cancelled',
    comment: input.reason,
  });
  const told = new Set([...deciders, ...advances.told]);
  if (!isHost) told.add(row.hostUserId);
  told.delete(actor.userId);
  await notify(
    ctx,
    [...told],
    'request.cancelled',
    'notifications.requestCancelled',
    { code: row.code, org: row.orgName, by: actor.displayName },
    { type: 'request', id: row.id },
  );
  // Who had it in their inbox (delegates too) refreshes it; notified or not.
  const watching = new Set([...inboxes, ...advances.watching, ...told]);
  watching.delete(actor.userId);
  ctx.emit('approvals.changed', { requestId: row.id }, [...watching]);
  ctx.audit({
    entityType: 'request',
    entityId: row.id,
    summary: {
      code: row.code,
      from: row.status,
      reason: input.reason,
      ...(released > 0 ? { released } : {}),
      ...(advances.withdrawn > 0 ? { withdrawnAdvances: advances.withdrawn } : {}),
    },
  });
  return getDossier(ctx, row.id);
}
