import type { AttachmentOwnerFacts } from '../../../shared/attachments';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';

/**
 * An expense line as the owner of its receipts: "not found" unless the caller may read the visit's
 * money; its host owns the files while the lines are his to change (`open`). PLACEHOLDER: the
 * entry area's helper writes it.
 */
export async function lineAsAttachmentOwner(
  _ctx: ServiceContext,
  _id: number,
): Promise<AttachmentOwnerFacts & { auditName: Record<string, string> }> {
  throw new AppError('NOT_FOUND', 'errors.requestNotFound');
}
