export {
  decisionStatus,
  isFilingStep,
  isStepKind,
  nextStepStatus,
  OPEN_STEP_STATUSES,
  STEP_ACTIONS,
  STEP_KINDS,
  STEP_ROLE,
  STEP_STATUSES,
  SUBJECT_TYPES,
  type Decision,
  type StepAction,
  type StepKind,
  type StepStatus,
  type SubjectType,
} from './steps';
export {
  mayAct,
  mayCancel,
  mayRemind,
  mayView,
  poolKinds,
  type ActingRight,
  type ActorFacts,
  type CancelFacts,
  type DelegatorFacts,
  type StepFacts,
  type ViewFacts,
} from './rights';
export type { ApprovalStepView, DecidedStep, InboxItem, StepImpact, UnstaffedStep } from './views';
export { approvalsOperations, decideInput, type ApprovalsEvents } from './contract';
export { stepAge, type StepAge } from './age';
