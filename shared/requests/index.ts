/** What other domains may use of reception requests. */
export * from './lifecycle';
export * from './schema';
export * from './diff';
export type * from './views';
export { requestsOperations, requestListInput, requestWriteInput } from './contract';
export { hostOnly, mayCancelAtAll, mayCancelRequest, type RequestRightFacts } from './rights';
export { orgKey } from './org';
