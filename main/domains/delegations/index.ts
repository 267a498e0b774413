export { delegationsHandlers } from './handlers';
export { delegatorsOf } from './delegations';
