import type { PolicyCheck } from '../policy';
import type { FieldChange, RequestSummary } from '../requests';
import type { StepKind, StepStatus } from './steps';

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
  comment: string;
  version: number;
}

export interface InboxItem {
  request: RequestSummary;
  step: ApprovalStepView;
  onBehalfOfName: string | null;
  checks: PolicyCheck[];
  changes: FieldChange[];
}
