export { bookingsHandlers } from './handlers';
export { releaseBookingsOf, syncPickupTask } from './bookings';
export { insertResource } from './resources';
