export * from './schema';
export * from './rules';
export * from './plan';
export type * from './views';
export { bookingsOperations, freeInput, rulesInput, saveBookingInput } from './contract';
export type { BookingsEvents } from './contract';
