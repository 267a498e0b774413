/** What other domains may use of the expenses' shared rules and views. */
export { expensesOperations, periodFilterSchema, type ExpensesEvents } from './contract';
export { clearAdvance, clearingMessage, type Clearing } from './clearing';
export * from './lifecycle';
export * from './rights';
export * from './rules';
export * from './schema';
export type * from './views';
