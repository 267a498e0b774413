import type { AttachmentOwnerFacts, OwnerType } from '../../../shared/attachments';
import type { ServiceContext } from '../../core/context';
import { lineAsAttachmentOwner } from '../expenses';
import { requestAsAttachmentOwner } from '../requests';

/** A record as an owner of files: its rights' facts, and how the audit log names it. */
export type OwnerFacts = AttachmentOwnerFacts & { auditName: Record<string, string> };

/**
 * Each kind of record that takes files, and how its own domain answers for it: "not found"
 * (thrown) to whoever may not read it, else who owns it and whether it is open. One line per
 * kind; expense lines add theirs (the compiler asks for it once OWNER_TYPES has the name).
 */
const OWNERS: Record<OwnerType, (ctx: ServiceContext, id: number) => Promise<OwnerFacts>> = {
  // Looked up when called, not when this module loads: domains import each other in a circle
  // (requests ↔ frontdesk ↔ users), and by load time the import may not be bound yet.
  request: (ctx, id) => requestAsAttachmentOwner(ctx, id),
  expense_line: (ctx, id) => lineAsAttachmentOwner(ctx, id),
};

export function ownerFacts(ctx: ServiceContext, type: OwnerType, id: number): Promise<OwnerFacts> {
  return OWNERS[type](ctx, id);
}
