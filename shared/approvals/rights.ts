import type { Role } from '../auth';
import { STEP_KINDS, STEP_ROLE, type StepKind, type StepStatus } from './steps';

/**
 * Who may act on, see and cancel what is being approved. Pure: main loads the facts (steps,
 * delegations valid today, the people behind them) and these functions decide, so every rule is
 * written once and table-tested instead of living in SQL and loops.
 */

export interface StepFacts {
  kind: StepKind;
  status: StepStatus;
  /** A named decider; null for a pool step that any holder of the kind's role may take. */
  assigneeUserId: number | null;
  decidedBy?: number | null;
}

export interface ActorFacts {
  userId: number;
  roles: readonly Role[];
}

/** A person who delegated their approvals to the actor, valid today (company date), with what main loaded about them. */
export interface DelegatorFacts {
  userId: number;
  displayName: string;
  roles: readonly Role[];
  disabled: boolean;
}

/** The right to act, and for whom: null when the actor acts in his own name. */
export type ActingRight = { onBehalfOf: { userId: number; displayName: string } | null };

/** The step is this person's: assigned to him, or a pool step of a role he holds. */
function holdsStep(step: StepFacts, userId: number, roles: readonly Role[]): boolean {
  if (step.assigneeUserId !== null) return step.assigneeUserId === userId;
  return roles.includes(STEP_ROLE[step.kind]);
}

/**
 * Who may act on a step: only pending steps; never the subject's owner (the host never approves
 * his own request); the assignee; anyone holding the step's role when it has no assignee; else a
 * delegate of one of those (first matching delegator wins; a disabled delegator or the owner
 * himself as delegator gives no right).
 */
export function mayAct(
  step: StepFacts,
  actor: ActorFacts,
  ownerUserId: number,
  delegators: readonly DelegatorFacts[],
): ActingRight | null {
  // Waiting, decided or voided steps are nobody's to act on.
  if (step.status !== 'pending' || actor.userId === ownerUserId) return null;
  // His own right comes first: a step that is his is never signed "on behalf of" a delegator.
  if (holdsStep(step, actor.userId, actor.roles)) return { onBehalfOf: null };
  for (const d of delegators) {
    // A delegation cannot lend more than its giver has: a disabled person has no rights left, and
    // the owner's own right to approve his request is nil, so his delegate inherits nothing.
    if (d.disabled || d.userId === ownerUserId) continue;
    if (holdsStep(step, d.userId, d.roles)) {
      return { onBehalfOf: { userId: d.userId, displayName: d.displayName } };
    }
  }
  return null;
}

export interface ViewFacts {
  ownerUserId: number;
  /**
   * The subject is still its owner's alone (a request its host never submitted, a draft): nobody
   * else sees it, whatever his roles, steps or acts.
   */
  ownerOnly: boolean;
  /** The head of the subject's department; null without a department or without a head. */
  departmentHeadUserId: number | null;
  /** The actor appears on one of its events, as actor or as the one acted for. */
  actedOnIt: boolean;
  /** All its steps, every round and status. */
  steps: readonly StepFacts[];
}

/** A step that keeps the subject in sight of the actor, whatever its status. */
function touchesStep(step: StepFacts, actor: ActorFacts, delegatorIds: readonly number[]): boolean {
  if (step.assigneeUserId === actor.userId || step.decidedBy === actor.userId) return true;
  if (step.assigneeUserId !== null) return delegatorIds.includes(step.assigneeUserId);
  // A pool step: the actor's own roles only (a delegator's role does not count here today).
  return actor.roles.includes(STEP_ROLE[step.kind]);
}

/**
 * canView: nobody but the owner while the subject is his alone (`ownerOnly`); else the owner; readAll; whoever acted on it (commented, transferred, decided — event
 * actor or on behalf of); the head of its department; a step assigned to him, decided by him,
 * assigned to one of his delegators, or a pool step of a role he holds (any status).
 * `delegatorIds` are today's delegators as found: unlike `mayAct`, today's rule does not filter out
 * disabled delegators or the owner.
 */
export function mayView(
  subject: ViewFacts,
  actor: ActorFacts & { readAll: boolean },
  delegatorIds: readonly number[],
): boolean {
  if (subject.ownerUserId === actor.userId) return true;
  if (subject.ownerOnly) return false;
  if (actor.readAll || subject.actedOnIt) return true;
  if (subject.departmentHeadUserId !== null && subject.departmentHeadUserId === actor.userId) {
    return true;
  }
  return subject.steps.some((s) => touchesStep(s, actor, delegatorIds));
}

/** The office that files subjects may also withdraw them (a visit called off by the company). */
const CANCELLING_ROLE: Role = 'admin_office';

/** What the cancel right needs to know of a subject. */
export type CancelFacts = Pick<ViewFacts, 'ownerUserId' | 'ownerOnly'>;

/**
 * The cancel right, written once (cancelRequest and getDossier's canCancel use it): the owner, or
 * the admin office unless the subject is still the owner's alone (`ownerOnly`: his draft is not
 * the office's to withdraw, nor even to see); and the subject's life cycle must allow cancelling
 * (passed in, so this stays generic). Pass `true` to ask about the person alone (cancelRequest
 * answers "not found" to anyone else before it looks at the life cycle).
 */
export function mayCancel(
  actor: ActorFacts,
  subject: CancelFacts,
  lifecycleAllowsCancel: boolean,
): boolean {
  const person =
    actor.userId === subject.ownerUserId ||
    (!subject.ownerOnly && actor.roles.includes(CANCELLING_ROLE));
  return person && lifecycleAllowsCancel;
}

/** What decides whether a reminder (催办) may be sent now. */
export interface RemindFacts {
  step: { status: StepStatus; revision: number };
  subject: { ownerUserId: number; revision: number };
  /** A reminder for this step was already sent on the company's today. */
  remindedToday: boolean;
}

/**
 * The owner (the host) may chase (催办) the step his subject waits on: a pending step of its
 * current round, once per company day — a reminder a day is a nudge, more is noise.
 */
export function mayRemind(actor: ActorFacts, f: RemindFacts): boolean {
  return (
    actor.userId === f.subject.ownerUserId &&
    f.step.status === 'pending' &&
    f.step.revision === f.subject.revision &&
    !f.remindedToday
  );
}

/**
 * Which step kinds a user may see in his inbox as pools: kinds whose role he or one of his
 * delegators holds. A coarse filter for the inbox query, in STEP_KINDS order: like today it does
 * not drop disabled delegators, since `mayAct` decides each candidate step in the end.
 */
export function poolKinds(actor: ActorFacts, delegators: readonly DelegatorFacts[]): StepKind[] {
  return STEP_KINDS.filter((kind) => {
    const role = STEP_ROLE[kind];
    return actor.roles.includes(role) || delegators.some((d) => d.roles.includes(role));
  });
}
