export { bookingsHandlers } from './handlers';
export { releaseBookingsOf } from './bookings';
