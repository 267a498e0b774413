import type { approvalsNames } from '../../../shared/approvals/names';
import type { DomainHandlers } from '../../core/handler';
import { decidedSteps } from './decided';
import { comment, decide, transfer, transferCandidates } from './engine';
import { inbox, inboxCount } from './inbox';
import { remind } from './remind';
import { impactOf } from './reroute';
import { reassign, reassignees, unstaffedSteps } from './unstaffed';

export const approvalsHandlers: DomainHandlers<(typeof approvalsNames.operations)[number]> = {
  'approvals.inbox': (ctx) => inbox(ctx),
  'approvals.decided': (ctx, input) => decidedSteps(ctx, input),
  'approvals.count': (ctx) => inboxCount(ctx),
  'approvals.decide': (ctx, input) => decide(ctx, input),
  'approvals.transfer': (ctx, input) => transfer(ctx, input),
  'approvals.comment': (ctx, input) =>
    comment(ctx, { type: 'request', id: input.requestId }, input.comment),
  'approvals.remind': (ctx, input) => remind(ctx, input.stepId),
  'approvals.candidates': (ctx, input) => transferCandidates(ctx, input.stepId),
  'approvals.impact': (ctx, input) => impactOf(ctx, input.change),
  'approvals.unstaffed': (ctx) => unstaffedSteps(ctx),
  'approvals.reassignees': (ctx, input) => reassignees(ctx, input.stepId),
  'approvals.reassign': (ctx, input) => reassign(ctx, input),
};
