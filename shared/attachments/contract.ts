import * as z from 'zod';
import { op } from '../contract/spec';
import { id, requiredText } from '../validation/fields';
import { MAX_FILE_NAME, UPLOAD_BODY_LIMIT_BYTES } from './limits';
import type { AttachmentFile, AttachmentList, AttachmentView } from './views';

/** The kinds of record files attach to: requests, and expense lines (their receipts). */
export const OWNER_TYPES = ['request', 'expense_line'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

const owner = { ownerType: z.enum(OWNER_TYPES), ownerId: id };

/**
 * Standard base64 only. Its size is checked by the service on the decoded bytes, so that a file
 * over the limit gets its own message with the limit; this bound only matches the body limit.
 */
const base64 = z
  .string({ message: 'validation.required' })
  .min(1, { message: 'attachments.errors.empty' })
  .max(UPLOAD_BODY_LIMIT_BYTES, { message: 'errors.PAYLOAD_TOO_LARGE' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'attachments.errors.unreadable' });

export const attachmentsOperations = {
  /** A record's files, newest last, with the caller's rights on them. */
  'attachments.list': op<AttachmentList>()({
    input: z.strictObject(owner),
    access: 'session',
    write: false,
  }),
  'attachments.upload': op<AttachmentView>()({
    input: z.strictObject({
      ...owner,
      fileName: requiredText(MAX_FILE_NAME * 2),
      dataBase64: base64,
    }),
    access: 'session',
    write: true,
    bodyLimitBytes: UPLOAD_BODY_LIMIT_BYTES,
  }),
  'attachments.download': op<AttachmentFile>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: false,
  }),
  /** Takes a file off its record (soft: the row and the file stay, audited). */
  'attachments.remove': op<{ id: number }>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: true,
  }),
};
