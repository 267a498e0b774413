import type { Generated } from 'kysely';
import type { StepKind, StepStatus, SubjectType } from '../../../shared/approvals/steps';

/** approvals's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface ApprovalsTables {
  approvalSteps: {
    id: Generated<number>;
    /** What the step approves: a reception request today (cash advances, reconciliations next). */
    subjectType: SubjectType;
    subjectId: number;
    /** The subject's round: a resubmission starts a new chain, earlier rounds stay on record. */
    revision: number;
    seq: number;
    kind: StepKind;
    /** Why the step is in the chain (the subject's own vocabulary, e.g. `base` or a check code). */
    reason: string;
    /** A named decider; null for a pool step any holder of the kind's role may take. */
    assigneeUserId: number | null;
    status: StepStatus;
    decidedBy: number | null;
    onBehalfOf: number | null;
    decidedAtMs: number | null;
    /** When it started waiting on someone (opened); null while waiting its turn. */
    pendingSinceMs: number | null;
    comment: Generated<string>;
    version: Generated<number>;
  };
  /** 催办: one reminder per step per company day (the key says so). */
  stepReminders: {
    stepId: number;
    day: string;
    byUserId: number;
    atMs: number;
  };
}
