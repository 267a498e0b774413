/** What other domains may use of the reception policy. */
export * from './policy';
export * from './evaluate';
export { policySchema } from './schema';
export type { PolicyView } from './views';
export { policyNote, SEED_POLICY_NOTE } from './note';
