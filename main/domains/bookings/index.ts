export { bookingsHandlers } from './handlers';
export { releaseBookingsOf } from './bookings';
export { insertResource } from './resources';
