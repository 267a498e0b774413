import type { AttachmentOwnerFacts } from '../../../shared/attachments';
import { LINES_EDITABLE, MONEY_STATUSES } from '../../../shared/expenses';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { moneyVisit } from './visit-facts';

/**
 * An expense line as the owner of its receipts: "not found" unless the caller may read the visit's
 * money (finance reads every visit's); its host owns the files while the lines are his to change
 * (`open`). The audit names the line by its visit's code.
 */
export async function lineAsAttachmentOwner(
  ctx: ServiceContext,
  id: number,
): Promise<AttachmentOwnerFacts & { auditName: Record<string, string> }> {
  const line = await ctx.db
    .selectFrom('expenseLines')
    .select('requestId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', 'expenses.errors.lineNotFound');
  const visit = await moneyVisit(ctx, line.requestId);
  return {
    ownerUserId: visit.row.hostUserId,
    open:
      MONEY_STATUSES.includes(visit.row.status) &&
      LINES_EDITABLE.includes(visit.subject.reconciliationStatus),
    auditName: { code: visit.row.code },
  };
}
