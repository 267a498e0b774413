export { delegationsHandlers } from './handlers';
export { delegatesOf, delegatorFacts, delegatorsOf } from './delegations';
