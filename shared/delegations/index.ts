export type { DelegationView } from './views';
export { delegationInput, delegationsOperations } from './contract';
