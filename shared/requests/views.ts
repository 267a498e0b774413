import type { ApprovalStepView, StepKind } from '../approvals';
import type { Tier } from '../policy';
import type { Budget, ChainStepPlan, PolicyCheck } from '../policy';
import type { FieldChange } from './diff';
import type { RequestStatus } from './lifecycle';
import type { RequestBody } from './schema';

/** What the form shows while the host types: checks, budget and the chain it would go through. */
export interface RequestPreview {
  policyVersion: number;
  today: string;
  suggestedTier: Tier;
  checks: PolicyCheck[];
  budget: Budget;
  chain: ChainStepPlan[];
}

/** What a timeline entry records: the request's own moves, and what approvers did on its steps. */
export type RequestEventKind =
  | 'created'
  | 'submitted'
  | 'resubmitted'
  | 'approved'
  | 'filed'
  | 'rejected'
  | 'returned'
  | 'transferred'
  | 'rerouted'
  | 'commented'
  | 'cancelled'
  /** The front desk checked visitors in (data: how many) or everyone has left. */
  | 'checked_in'
  | 'completed'
  /** Issue 12: the host submitted the visit's spend (data: revision), it settled, was archived or reopened. */
  | 'reconciliation_submitted'
  | 'settled'
  | 'archived'
  | 'reopened';

export interface RequestEventView {
  id: number;
  atMs: number;
  actorName: string | null;
  onBehalfOfName: string | null;
  kind: string;
  comment: string;
  data: Record<string, unknown>;
}

export interface RequestSummary {
  id: number;
  code: string;
  status: RequestStatus;
  hostUserId: number;
  hostName: string;
  departmentId: number | null;
  departmentName: string | null;
  orgName: string;
  tier: Tier;
  arrivalDate: string;
  departureDate: string;
  visitorCount: number;
  budgetTotalFen: number;
  retroactive: boolean;
  revision: number;
  version: number;
  updatedAtMs: number;
}

/** Whom a request waits on now, and since when: its pending approval step. */
export interface WaitingOn {
  kind: StepKind;
  /** The named approver; null for a pool step (anyone holding the kind's role). */
  assigneeName: string | null;
  sinceMs: number | null;
}

/** A row of a request list: the summary and whom the request waits on now. */
export interface RequestListItem extends RequestSummary {
  waitingOn: WaitingOn | null;
}

export interface RequestDossier extends RequestSummary {
  body: RequestBody;
  policyVersion: number | null;
  checks: PolicyCheck[];
  budget: Budget;
  steps: ApprovalStepView[];
  events: RequestEventView[];
  /** What changed since the revision this viewer last decided on (empty when none). */
  changes: FieldChange[];
  changesSinceRevision: number | null;
  /** The step this viewer may decide now, if any, and on whose behalf. */
  myStep: { stepId: number; version: number; onBehalfOfName: string | null } | null;
  /** For the host: the pending step he may chase (催办), and whether he did today. */
  remind: { stepId: number; remindedToday: boolean } | null;
  canEdit: boolean;
  canCancel: boolean;
  /** A draft its host never submitted: deleted rather than cancelled. */
  canDelete: boolean;
}
