export { useApprovalCount } from './useApprovalCount';
export { DecisionButtons } from './DecisionButtons';
