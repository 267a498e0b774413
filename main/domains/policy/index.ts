export { policyHandlers } from './handlers';
export { callPolicy, getPolicy } from './policy';
