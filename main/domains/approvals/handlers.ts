import type { approvalsNames } from '../../../shared/approvals/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import * as approvals from './approvals';

export const approvalsHandlers: DomainHandlers<(typeof approvalsNames.operations)[number]> = {
  'approvals.inbox': (ctx) => approvals.inbox(ctx.db, requireActor(ctx), ctx.nowMs),
  'approvals.count': (ctx) => approvals.inboxCount(ctx.db, requireActor(ctx), ctx.nowMs),
  'approvals.decide': (ctx, input) => approvals.decide(ctx, input),
  'approvals.transfer': (ctx, input) => approvals.transfer(ctx, input),
  'approvals.comment': (ctx, input) => approvals.comment(ctx, input),
  'approvals.candidates': (ctx, input) => approvals.transferCandidates(ctx.db, input.stepId),
};
