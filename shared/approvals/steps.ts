import type { Role } from '../auth';

/**
 * The generic approval engine's vocabulary (DESIGN.md §4: approvals are generic over what is
 * approved). A subject (a reception request today) goes through an ordered chain of steps; each
 * step is decided by one person or by a pool of role holders.
 */

/**
 * What an approval chain is made of. Same names as the policy's `ChainStepKind`. `finance`
 * decides the money after a visit (cash advances, reconciliations; issue 12).
 */
export const STEP_KINDS = ['dept_head', 'executive', 'admin_office', 'finance'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The role whose holders decide a step of each kind (the pool, when the step has no assignee). */
export const STEP_ROLE: Readonly<Record<StepKind, Role>> = {
  dept_head: 'dept_head',
  executive: 'executive',
  admin_office: 'admin_office',
  finance: 'finance',
};

/**
 * Whether approving this step files the subject (备案) rather than only approving it. The admin
 * office's step is the filing one: when it is the last step left the subject already counts as
 * approved, and its approval is recorded as "filed".
 */
export function isFilingStep(kind: StepKind): boolean {
  return kind === 'admin_office';
}

/** Narrows a kind read from the database or the wire. */
export function isStepKind(x: unknown): x is StepKind {
  return typeof x === 'string' && (STEP_KINDS as readonly string[]).includes(x);
}

/**
 * A step's life: planned steps wait their turn, one at a time becomes pending, and a decision
 * closes it. `skipped` is a planned step the policy does not need; `cancelled` is an open step made
 * void (resubmission, cancellation, or an earlier step that rejected or returned).
 */
export const STEP_STATUSES = [
  'waiting',
  'pending',
  'approved',
  'rejected',
  'returned',
  'skipped',
  'cancelled',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Steps still to be decided; the ones a resubmission or a cancellation voids. */
export const OPEN_STEP_STATUSES: readonly StepStatus[] = ['waiting', 'pending'];

export const STEP_ACTIONS = [
  'activate',
  'approve',
  'reject',
  'return',
  'transfer',
  'void',
  'skip',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

const TRANSITIONS: Record<StepStatus, Partial<Record<StepAction, StepStatus>>> = {
  // A planned step is opened in its turn, dropped when not needed, or voided with the round.
  waiting: { activate: 'pending', skip: 'skipped', void: 'cancelled' },
  // Only an open step is decided; a transfer hands it to someone else and keeps it open.
  pending: {
    approve: 'approved',
    reject: 'rejected',
    return: 'returned',
    transfer: 'pending',
    void: 'cancelled',
  },
  // A decision, a skip or a void is final: a new round (resubmission) gets new steps.
  approved: {},
  rejected: {},
  returned: {},
  skipped: {},
  cancelled: {},
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStepStatus(status: StepStatus, action: StepAction): StepStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** The three decisions a person can take on a pending step. */
export type Decision = 'approve' | 'reject' | 'return';

const DECISION_STATUS: Readonly<Record<Decision, StepStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** The status a decision leaves the step in. */
export function decisionStatus(action: Decision): StepStatus {
  return DECISION_STATUS[action];
}

/**
 * What can be approved: reception requests, their cash advances (借款) and the reconciliation of
 * their spend (报帐核销). All three use the same steps and rights.
 */
export const SUBJECT_TYPES = ['request', 'advance', 'reconciliation'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
