import crypto from 'node:crypto';
import {
  displayFileName,
  isImageMime,
  MAX_FILE_BYTES,
  MAX_FILES_PER_OWNER,
  mayAttach,
  mayRemove,
  OWNER_TYPES,
  sniffMime,
  type AttachmentFile,
  type AttachmentList,
  type AttachmentView,
  type OwnerType,
} from '../../../shared/attachments';
import type { OpParsed } from '../../../shared/contract/operations';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FileStore } from '../../core/files';
import { activeCount, attachmentById, ownerRows, type AttachmentRow } from './queries';
import { makeThumbnail } from './thumbnail';
import { ownerFacts, type OwnerFacts } from './owners';

const notFound = () => new AppError('NOT_FOUND', 'attachments.errors.notFound');

/** A record's files, oldest first, and whether the caller may add more. */
export async function listAttachments(
  ctx: ServiceContext,
  files: FileStore,
  input: OpParsed<'attachments.list'>,
): Promise<AttachmentList> {
  const actor = requireActor(ctx);
  const owner = await ownerFacts(ctx, input.ownerType, input.ownerId);
  const rows = await ownerRows(ctx.db, input.ownerType, input.ownerId);
  return {
    items: rows.map((row) => toView(row, files, actor, owner)),
    canAttach: mayAttach(actor, owner),
    max: MAX_FILES_PER_OWNER,
  };
}

/**
 * Adds a file to a record. Everything is checked before anything is written: the right, the
 * count, the size, the type by content, an image's size and that it decodes. Then the file (and
 * its thumbnail) go to the store, then the row: a rollback leaves at most an orphan file.
 */
export async function uploadAttachment(
  ctx: ServiceContext,
  files: FileStore,
  input: OpParsed<'attachments.upload'>,
): Promise<AttachmentView> {
  const actor = requireActor(ctx);
  const owner = await ownerFacts(ctx, input.ownerType, input.ownerId);
  if (!mayAttach(actor, owner)) {
    throw new AppError('FORBIDDEN', 'attachments.errors.attachNotAllowed');
  }
  if ((await activeCount(ctx.db, input.ownerType, input.ownerId)) >= MAX_FILES_PER_OWNER) {
    throw new AppError('CONFLICT', 'attachments.errors.tooMany', { max: MAX_FILES_PER_OWNER });
  }
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', 'attachments.errors.empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AppError('INVALID_INPUT', 'attachments.errors.tooLarge', {
      maxMb: MAX_FILE_BYTES / 1024 / 1024,
    });
  }
  const mime = sniffMime(bytes);
  if (!mime) throw new AppError('INVALID_INPUT', 'attachments.errors.badType');
  let image: { width: number; height: number; jpeg: Buffer } | null = null;
  if (mime === 'image/jpeg' || mime === 'image/png') {
    const made = makeThumbnail(bytes, mime);
    if ('problem' in made) {
      throw made.problem === 'tooBig'
        ? new AppError('INVALID_INPUT', 'attachments.errors.imageTooBig', {
            width: made.width,
            height: made.height,
          })
        : new AppError('INVALID_INPUT', 'attachments.errors.unreadable');
    }
    image = made;
  }
  const sha256 = store(files, bytes);
  const thumbSha256 = image ? store(files, image.jpeg) : null;
  const fileName = displayFileName(input.fileName, mime);
  const { id } = await ctx.db
    .insertInto('attachments')
    .values({
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      sha256,
      mime,
      sizeBytes: bytes.length,
      fileName,
      width: image?.width ?? null,
      height: image?.height ?? null,
      thumbSha256,
      uploadedBy: actor.userId,
      uploadedAtMs: ctx.nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit({
    entityType: input.ownerType,
    entityId: input.ownerId,
    summary: { ...owner.auditName, fileName, sizeBytes: bytes.length, mime },
  });
  const row = await attachmentById(ctx.db, id);
  if (!row) throw new Error(`attachment ${id} not found after insert`);
  return toView(row, files, actor, owner);
}

/**
 * Puts the bytes in the store, or says plainly that the data folder cannot take them (disk full,
 * no permission): nothing is recorded, and the administrator knows where to look.
 */
function store(files: FileStore, bytes: Uint8Array): string {
  try {
    return files.put(bytes);
  } catch (e) {
    console.error('file store: cannot write:', e);
    throw new AppError('INTERNAL', 'attachments.errors.storeFailed');
  }
}

/** The file itself, under its display name, to whoever may read its record. */
export async function downloadAttachment(
  ctx: ServiceContext,
  files: FileStore,
  id: number,
): Promise<AttachmentFile> {
  const { row } = await readable(ctx, id);
  const bytes = files.read(row.sha256);
  // A file gone or changed on disk (a restore without the files folder, a disk fault): say so,
  // rather than serve other bytes than were uploaded.
  if (!bytes || crypto.createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('NOT_FOUND', 'attachments.errors.fileLost');
  }
  return { fileName: row.fileName, mime: row.mime, dataBase64: bytes.toString('base64') };
}

/** Takes a file off its record: the row stays, marked removed, and the audit log says so. */
export async function removeAttachment(ctx: ServiceContext, id: number): Promise<{ id: number }> {
  const actor = requireActor(ctx);
  const { row, owner } = await readable(ctx, id);
  if (!mayRemove(actor, owner, { uploadedBy: row.uploadedBy, removed: false })) {
    throw new AppError('FORBIDDEN', 'attachments.errors.removeNotAllowed');
  }
  await ctx.db
    .updateTable('attachments')
    .set({ removedAtMs: ctx.nowMs, removedBy: actor.userId })
    .where('id', '=', id)
    .where('removedAtMs', 'is', null)
    .execute();
  ctx.audit({
    entityType: row.ownerType,
    entityId: row.ownerId,
    summary: { ...owner.auditName, fileName: row.fileName },
  });
  return { id };
}

/**
 * An attachment the caller may read, with its record's facts. "Not found" alike for an unknown
 * id, a removed file and a record the caller may not read: the answer must not tell them apart.
 */
async function readable(
  ctx: ServiceContext,
  id: number,
): Promise<{ row: AttachmentRow & { ownerType: OwnerType }; owner: OwnerFacts }> {
  const row = await attachmentById(ctx.db, id);
  if (!row || row.removedAtMs !== null || !isOwnerType(row.ownerType)) throw notFound();
  try {
    const owner = await ownerFacts(ctx, row.ownerType, row.ownerId);
    return { row: { ...row, ownerType: row.ownerType }, owner };
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw notFound();
    throw e;
  }
}

const isOwnerType = (t: string): t is OwnerType => (OWNER_TYPES as readonly string[]).includes(t);

function toView(
  row: AttachmentRow,
  files: FileStore,
  actor: { userId: number },
  owner: OwnerFacts,
): AttachmentView {
  const thumb = row.thumbSha256 && isImageMime(row.mime) ? files.read(row.thumbSha256) : null;
  return {
    id: row.id,
    ownerType: row.ownerType as OwnerType,
    ownerId: row.ownerId,
    fileName: row.fileName,
    mime: row.mime,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    thumbDataUrl: thumb ? `data:image/jpeg;base64,${thumb.toString('base64')}` : null,
    uploadedByName: row.uploadedByName,
    uploadedAtMs: row.uploadedAtMs,
    canRemove: mayRemove(actor, owner, { uploadedBy: row.uploadedBy, removed: false }),
  };
}
