import { recordsWalkIn } from '../frontdesk';
import type { OpParsed } from '../../../shared/contract/operations';
import { hostOnly, mayDeleteDraft } from '../../../shared/requests/rights';
import { requireActor, type ServiceContext } from '../../core/context';
import { forgetAttachmentsOf } from '../attachments';
import { AppError } from '../../core/errors';
import { dropFromSearch, loadRow } from './queries';

/**
 * Deletes a draft its host never submitted (mayDeleteDraft): the row, its timeline (cascade), its
 * attachments, its search entry; the counters follow by trigger. The audit entry keeps its code and organisation.
 */
export async function deleteDraft(ctx: ServiceContext, input: OpParsed<'requests.deleteDraft'>) {
  const actor = requireActor(ctx);
  const row = await loadRow(ctx.db, input.id);
  // Someone else's draft does not exist for him; a submitted request is cancelled, not deleted.
  if (row.hostUserId !== actor.userId && hostOnly(row)) {
    throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  }
  if (!mayDeleteDraft(actor, row)) throw new AppError('CONFLICT', 'errors.notDeletable');
  if (row.version !== input.version) throw new AppError('CONFLICT', 'errors.staleRequest');
  // The retroactive draft of an accepted walk-in records a visit that happened: completed, not
  // deleted (the desk's records point at it).
  if (await recordsWalkIn(ctx.db, row.id)) {
    throw new AppError('CONFLICT', 'frontdesk.errors.walkInDraft');
  }
  await ctx.db.deleteFrom('requests').where('id', '=', row.id).execute();
  await forgetAttachmentsOf(ctx.db, 'request', row.id);
  await dropFromSearch(ctx.db, row.id);
  ctx.audit({
    entityType: 'request',
    entityId: row.id,
    summary: { code: row.code, orgName: row.orgName },
  });
  return null;
}
