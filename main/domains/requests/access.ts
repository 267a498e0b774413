import { hasPermission } from '../../../shared/auth';
import type { AttachmentOwnerFacts } from '../../../shared/attachments';
import type { ApprovalStepView } from '../../../shared/approvals';
import { hostOnly } from '../../../shared/requests/rights';
import type { RequestStatus } from '../../../shared/requests/lifecycle';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { stepViews, viewRight } from '../approvals';
import { actedOn } from './events';
import { loadRow, type SummaryRow } from './queries';

/**
 * A request the caller may read, with its steps; "not found" (never "forbidden") to anyone the
 * rights say may not read it — a draft never submitted is its host's alone. The one gate of the
 * dossier and of everything hung on a request (its attachments).
 */
export async function readableRequest(
  ctx: ServiceContext,
  id: number,
): Promise<{ row: SummaryRow; steps: ApprovalStepView[] }> {
  const actor = requireActor(ctx);
  const row = await loadRow(ctx.db, id);
  const steps = await stepViews(ctx.db, { type: 'request', id });
  const visible = await viewRight(
    ctx,
    {
      ownerUserId: row.hostUserId,
      ownerOnly: hostOnly(row),
      departmentHeadUserId: row.departmentHeadUserId,
      steps,
    },
    hasPermission(actor.roles, 'requests.readAll'),
    () => actedOn(ctx.db, id, actor.userId),
  );
  if (!visible) throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  return { row, steps };
}

/** Closed requests are on record as they were: their files neither come nor go. */
const CLOSED: readonly RequestStatus[] = ['cancelled', 'rejected', 'filed', 'settled', 'archived'];

/**
 * A request as the owner of attachments: "not found" unless the caller may read it; its host
 * owns its files while it is open. `auditName` names it in the audit entry (its code).
 */
export async function requestAsAttachmentOwner(
  ctx: ServiceContext,
  id: number,
): Promise<AttachmentOwnerFacts & { auditName: { code: string } }> {
  const { row } = await readableRequest(ctx, id);
  return {
    ownerUserId: row.hostUserId,
    open: !CLOSED.includes(row.status),
    auditName: { code: row.code },
  };
}
