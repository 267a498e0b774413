import {
  mayAct,
  mayView,
  type ActingRight,
  type DelegatorFacts,
  type StepFacts,
  type ViewFacts,
} from '../../../shared/approvals/rights';
import { once, requireActor, type ServiceContext } from '../../core/context';
import { delegatorFacts } from '../delegations';
import { companyToday } from '../settings';

/**
 * The rights of the caller, from the facts main loads once per call; the rules themselves are the
 * pure, table-tested functions of shared/approvals/rights.
 */

/** Whose approvals the caller may act on today (company date), with their names, roles, state. */
export function callDelegators(ctx: ServiceContext): Promise<DelegatorFacts[]> {
  const actor = requireActor(ctx);
  return once(ctx, `delegators:${actor.userId}`, async () =>
    delegatorFacts(ctx.db, actor.userId, await companyToday(ctx)),
  );
}

/**
 * The caller's right to act on a step of a subject owned by `ownerUserId`. His own right needs no
 * statement; the delegations are read only when it is not his.
 */
export async function actingRight(
  ctx: ServiceContext,
  step: StepFacts,
  ownerUserId: number,
): Promise<ActingRight | null> {
  const actor = requireActor(ctx);
  if (step.status !== 'pending' || actor.userId === ownerUserId) return null;
  return (
    mayAct(step, actor, ownerUserId, []) ??
    mayAct(step, actor, ownerUserId, await callDelegators(ctx))
  );
}

/**
 * Whether the caller may see a subject. `actedOnIt` (a look at the subject's timeline) and the
 * delegations are read only when the cheaper facts do not already answer: more facts can only
 * widen the right.
 */
export async function viewRight(
  ctx: ServiceContext,
  subject: Omit<ViewFacts, 'actedOnIt'>,
  readAll: boolean,
  actedOnIt: () => Promise<boolean>,
): Promise<boolean> {
  const actor = { ...requireActor(ctx), readAll };
  if (mayView({ ...subject, actedOnIt: false }, actor, [])) return true;
  const delegatorIds = (await callDelegators(ctx)).map((d) => d.userId);
  return mayView({ ...subject, actedOnIt: await actedOnIt() }, actor, delegatorIds);
}
