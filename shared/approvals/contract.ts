import * as z from 'zod';
import { empty, op } from '../contract/spec';
import type { RequestDossier } from '../requests';
import type { InboxItem } from './views';
import { id, multilineText, requiredMultilineText } from '../validation/fields';

export const decideInput = z
  .strictObject({
    stepId: id,
    version: z.number().int().positive(),
    action: z.enum(['approve', 'reject', 'return']),
    comment: multilineText(1000),
  })
  .refine((v) => v.action === 'approve' || v.comment !== '', {
    message: 'validation.reasonRequired',
    path: ['comment'],
  });

export const approvalsOperations = {
  'approvals.inbox': op<InboxItem[]>()({
    input: empty,
    access: 'approvals.decide',
    write: false,
  }),
  /** The inbox badge; polled, so it does not count as activity. */
  'approvals.count': op<{ count: number }>()({
    input: empty,
    access: 'session',
    write: false,
    passive: true,
  }),
  'approvals.decide': op<RequestDossier>()({
    input: decideInput,
    access: 'approvals.decide',
    write: true,
  }),
  'approvals.transfer': op<RequestDossier>()({
    input: z.strictObject({
      stepId: id,
      version: z.number().int().positive(),
      toUserId: id,
      comment: multilineText(1000),
    }),
    access: 'approvals.decide',
    write: true,
  }),
  'approvals.comment': op<RequestDossier>()({
    input: z.strictObject({ requestId: id, comment: requiredMultilineText(1000) }),
    access: 'session',
    write: true,
  }),
  'approvals.candidates': op<{ id: number; displayName: string }[]>()({
    input: z.strictObject({ stepId: id }),
    access: 'approvals.decide',
    write: false,
  }),
};

export interface ApprovalsEvents {
  /** An approval task appeared or went away: refresh inbox and badge. */
  'approvals.changed': { requestId: number };
}
