export { useApprovalCount } from './useApprovalCount';
export { DecisionButtons } from './DecisionButtons';
export { useConfirmImpact } from './confirmImpact';
export { UnstaffedCard } from './UnstaffedCard';
export { ApproverHome, ToFileTile } from './ApproverHome';
export { RemindButton } from './RemindButton';
