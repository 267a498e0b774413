/** What other domains may use of the bookings screens. */
export { RequestBookingsTab } from './plan/RequestBookingsTab';
