import * as z from 'zod';
import type { AuditEntry, Page } from '../contract/types';
import { op } from '../contract/spec';
import { id, text } from '../validation/fields';

export const auditListInput = z.strictObject({
  operation: text(64).optional(),
  actorUserId: id.optional(),
  entityType: text(64).optional(),
  fromMs: z.number().int().nonnegative().optional(),
  toMs: z.number().int().nonnegative().optional(),
  search: text(100).optional(),
  /** The id of the last entry shown: the page holds older ones. */
  after: id.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditOperations = {
  'audit.list': op<Page<AuditEntry, number>>()({
    input: auditListInput,
    access: 'audit.read',
    write: false,
  }),
};
