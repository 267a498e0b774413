/**
 * Who may do what with a record's attachments. Pure and table-tested (rights.test.ts); main loads
 * the facts from the record's own domain (a request: its read rights and status).
 *
 * Reading follows the record: whoever may not read it is told the record does not exist (main
 * checks that before these). Attaching is its owner's (the host brings the 邀请函 and 名片 of his
 * visit; approvers read them, they do not add to his file), while the record is still open: a
 * cancelled, rejected or filed request is on record as it was.
 */
export interface AttachmentOwnerFacts {
  /** Whose record it is (a request's host). */
  ownerUserId: number;
  /** The record still takes changes. */
  open: boolean;
}

export interface AttachmentFacts {
  uploadedBy: number;
  removed: boolean;
}

/** Whether the actor may add a file to the record (he may read it: checked before). */
export function mayAttach(actor: { userId: number }, owner: AttachmentOwnerFacts): boolean {
  return owner.open && actor.userId === owner.ownerUserId;
}

/**
 * Whether the actor may take a file off the record: the owner, or whoever uploaded it, while the
 * record is open. Removal is soft: the row, the file and the audit entry stay.
 */
export function mayRemove(
  actor: { userId: number },
  owner: AttachmentOwnerFacts,
  file: AttachmentFacts,
): boolean {
  return (
    owner.open &&
    !file.removed &&
    (actor.userId === owner.ownerUserId || actor.userId === file.uploadedBy)
  );
}
