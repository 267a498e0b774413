/** What other domains may use of the front desk's shared rules and views. */
export { maskPhone } from './rules';
export type { VisitorSuggestion } from './views';
