import type { PolicyCheck } from '../policy';
import type { FieldChange, RequestSummary } from '../requests';
import type { NotificationTarget } from '../notifications';
import type { StepKind, StepStatus, SubjectType } from './steps';

export interface ApprovalStepView {
  id: number;
  revision: number;
  seq: number;
  kind: StepKind;
  reason: string;
  assigneeUserId: number | null;
  assigneeName: string | null;
  status: StepStatus;
  decidedBy: number | null;
  decidedByName: string | null;
  onBehalfOf: number | null;
  onBehalfOfName: string | null;
  decidedAtMs: number | null;
  /** When it started waiting on someone (opened); null while it waits its turn. */
  pendingSinceMs: number | null;
  comment: string;
  version: number;
}

export interface InboxItem {
  request: RequestSummary;
  step: ApprovalStepView;
  onBehalfOfName: string | null;
  checks: PolicyCheck[];
  changes: FieldChange[];
  /** A money subject (issue 12): what is asked for (an advance) or spent (a reconciliation). */
  money?: { kind: 'advance' | 'reconciliation'; id: number; amountFen: number };
}

/**
 * An open step that a change of staff (a user disabled or losing a role, a department's new head)
 * moves: where it goes, shown to the sysadmin before he confirms.
 */
export interface StepImpact {
  stepId: number;
  subjectId: number;
  /** The subject as people know it (a request's code and organisation). */
  code: string;
  org: string;
  kind: StepKind;
  status: StepStatus;
  fromName: string;
  /** The named person it goes to; null: the pool of the kind's role. */
  toUserId: number | null;
  toName: string | null;
  /** Nobody active could act on it after the change (an administrator must step in). */
  nobody: boolean;
}

/** A pending step that nobody active could act on: its pool is empty, or its assignee left. */
export interface UnstaffedStep {
  stepId: number;
  version: number;
  subjectId: number;
  code: string;
  org: string;
  kind: StepKind;
  /** Who it is assigned to (disabled, or without the role); null: the pool of its role. */
  assigneeName: string | null;
  /** When it became pending, as far as is known: the round's last decision (null: the first step). */
  sinceMs: number | null;
}

/** Where the next page of 已处理 starts: the last row's decision time and step id. */
export interface DecidedCursor {
  key: number;
  id: number;
}

/** A step the reader decided (已处理), newest decision first. */
export interface DecidedStep {
  /** The step's id. */
  id: number;
  kind: StepKind;
  /** The decision: approved (filed for a filing step), rejected or returned. */
  status: StepStatus;
  comment: string;
  decidedAtMs: number;
  /** When he decided for someone else (a delegation): whom for. */
  onBehalfOfName: string | null;
  subjectType: SubjectType;
  subjectId: number;
  /** The subject as people know it (a request's code and organisation). */
  code: string;
  org: string;
  /** Where the row leads. */
  target: NotificationTarget;
}
