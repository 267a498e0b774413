import type { Kysely } from 'kysely';
import { STEP_ROLE, type StepKind } from '../../../shared/approvals/steps';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { delegatesOf } from '../delegations';
import { companyToday } from '../settings';
import { holdersOf } from './queries';

/** Who is on a step: a named person, or (null) the pool of its kind's role. */
export interface StepWho {
  kind: StepKind;
  assigneeUserId: number | null;
}

/**
 * For each step, the users who would see it pending in their inbox (for notifications): its
 * assignee, or every active holder of its role. One statement for all pool steps.
 */
export async function audiences(db: Kysely<DB>, steps: readonly StepWho[]): Promise<number[][]> {
  return audiencesFrom(steps, await holdersOf(db, poolRoles(steps)));
}

/** The roles whose holders make up the pool steps among these. */
export function poolRoles(steps: readonly StepWho[]): string[] {
  return [...new Set(steps.filter((s) => s.assigneeUserId === null).map((s) => STEP_ROLE[s.kind]))];
}

/** Each step's audience, given the active holders of its pool roles (see `audiences`). */
export function audiencesFrom(
  steps: readonly StepWho[],
  holders: ReadonlyMap<string, readonly number[]>,
): number[][] {
  return steps.map((s) =>
    s.assigneeUserId !== null ? [s.assigneeUserId] : [...(holders.get(STEP_ROLE[s.kind]) ?? [])],
  );
}

/**
 * For each step, who has it in the inbox: its audience and, today, their delegates. They hear
 * 'approvals.changed' when the step appears, moves or goes away. Two statements at most.
 */
export async function watchers(
  ctx: ServiceContext,
  steps: readonly StepWho[],
): Promise<number[][]> {
  return withDelegates(ctx, await audiences(ctx.db, steps));
}

/** Each audience with today's delegates of its members: one statement at most. */
export async function withDelegates(
  ctx: ServiceContext,
  direct: readonly number[][],
): Promise<number[][]> {
  const everyone = [...new Set(direct.flat())];
  if (everyone.length === 0) return direct.map((users) => [...users]);
  const delegates = await delegatesOf(ctx.db, everyone, await companyToday(ctx));
  return direct.map((users) => [
    ...new Set([...users, ...users.flatMap((u) => delegates.get(u) ?? [])]),
  ]);
}

/** The watchers of one step. */
export async function stepWatchers(ctx: ServiceContext, step: StepWho): Promise<number[]> {
  return (await watchers(ctx, [step]))[0] ?? [];
}
