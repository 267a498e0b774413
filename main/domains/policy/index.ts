export { policyHandlers } from './handlers';
export { getPolicy } from './policy';
