import type { Kysely } from 'kysely';
import { mayRemind } from '../../../shared/approvals/rights';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { DB } from '../../db/schema';
import { notify } from '../notifications';
import { companyToday } from '../settings';
import { stepForDecision } from './queries';
import { loadSubject, subjectAdapter, type SubjectView } from './subjects';
import { stepWatchers } from './watchers';

/** Of these steps, those reminded on `day` (one statement). */
export async function remindedOn(
  db: Kysely<DB>,
  stepIds: readonly number[],
  day: string,
): Promise<Set<number>> {
  if (stepIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('stepReminders')
    .select('stepId')
    .where('day', '=', day)
    .where('stepId', 'in', [...stepIds])
    .execute();
  return new Set(rows.map((r) => r.stepId));
}

/**
 * 催办: the owner reminds whoever the pending step waits on (its assignee or its role's holders,
 * and their delegates today), once per step per company day. Answers with the subject's view.
 */
export async function remind(ctx: ServiceContext, stepId: number): Promise<SubjectView> {
  const actor = requireActor(ctx);
  const step = await stepForDecision(ctx.db, stepId);
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const adapter = subjectAdapter(step.subjectType);
  // Seeing the subject at all comes first: anyone else is told it does not exist.
  await adapter.view(ctx, step.subjectId);
  const subject = await loadSubject(ctx.db, adapter, step.subjectId);
  const day = await companyToday(ctx);
  const facts = {
    step,
    subject,
    remindedToday: (await remindedOn(ctx.db, [step.id], day)).has(step.id),
  };
  if (!mayRemind(actor, { ...facts, remindedToday: false })) {
    throw new AppError('FORBIDDEN', 'errors.remindNotAllowed');
  }
  if (facts.remindedToday) throw new AppError('CONFLICT', 'errors.remindedToday');
  const audience = (await stepWatchers(ctx, step)).filter((u) => u !== subject.ownerUserId);
  // Nobody to remind: the step is on the administrators' 无人可审批 list already.
  if (audience.length === 0) throw new AppError('CONFLICT', 'errors.remindNobody');
  // The key (step, day) decides a race: the second of two clicks stores nothing.
  const stored = await ctx.db
    .insertInto('stepReminders')
    .values({ stepId: step.id, day, byUserId: actor.userId, atMs: ctx.nowMs })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(stored.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new AppError('CONFLICT', 'errors.remindedToday');
  }
  await notify(
    ctx,
    audience,
    'approval.reminder',
    'notifications.approvalReminder',
    { ...adapter.noticeParams(subject), by: actor.displayName },
    adapter.noticeTarget(subject),
  );
  ctx.audit({
    entityType: step.subjectType,
    entityId: step.subjectId,
    summary: { ...adapter.auditName(subject), step: step.kind, reminded: audience.length },
  });
  return adapter.view(ctx, step.subjectId);
}
