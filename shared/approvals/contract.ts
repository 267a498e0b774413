import * as z from 'zod';
import { empty, op } from '../contract/spec';
import type { RequestDossier } from '../requests';
import type { Page } from '../contract/types';
import type { DecidedCursor, DecidedStep, InboxItem, StepImpact, UnstaffedStep } from './views';
import { id, multilineText, requiredMultilineText, roles } from '../validation/fields';

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

/**
 * A change of staff, as it would be saved: a user's new state, or a department's new head. The
 * open steps waiting on whoever loses the right move (see `approvals.impact`).
 */
export const staffChange = z.union([
  z.strictObject({ userId: id, disabled: z.boolean(), roles }),
  z.strictObject({ departmentId: id, headUserId: id.nullable() }),
]);

export const approvalsOperations = {
  'approvals.inbox': op<InboxItem[]>()({
    input: empty,
    access: 'approvals.decide',
    write: false,
  }),
  /** 已处理: the steps the caller decided, newest first, a page at a time. */
  'approvals.decided': op<Page<DecidedStep, DecidedCursor>>()({
    input: z.strictObject({
      /** The last row shown (its decision time and step id): the page holds older ones. */
      after: z.strictObject({ key: z.number().int().nonnegative(), id }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    access: 'session',
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
  /** 催办: the host reminds whoever his request's pending step waits on (once a day). */
  'approvals.remind': op<RequestDossier>()({
    input: z.strictObject({ stepId: id }),
    access: 'session',
    write: true,
  }),
  'approvals.candidates': op<{ id: number; displayName: string }[]>()({
    input: z.strictObject({ stepId: id }),
    access: 'approvals.decide',
    write: false,
  }),
  /** What a change of staff would move, before the sysadmin confirms it. */
  'approvals.impact': op<StepImpact[]>()({
    input: z.strictObject({ change: staffChange }),
    access: 'users.manage',
    write: false,
  }),
  /** Every pending step nobody active could act on (the home page's "无人可审批"). */
  'approvals.unstaffed': op<UnstaffedStep[]>()({
    input: empty,
    access: 'approvals.reassign',
    write: false,
  }),
  /** Whom a pending step may be reassigned to: active holders of its role, not its owner. */
  'approvals.reassignees': op<{ id: number; displayName: string }[]>()({
    input: z.strictObject({ stepId: id }),
    access: 'approvals.reassign',
    write: false,
  }),
  /** An administrator hands a pending step to an eligible person, with a reason. */
  'approvals.reassign': op<{ stepId: number }>()({
    input: z.strictObject({
      stepId: id,
      version: z.number().int().positive(),
      toUserId: id,
      reason: requiredMultilineText(1000),
    }),
    access: 'approvals.reassign',
    write: true,
  }),
};

export interface ApprovalsEvents {
  /** An approval task appeared or went away: refresh inbox and badge. */
  'approvals.changed': { requestId: number };
}
