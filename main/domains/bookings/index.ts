export { bookingsHandlers } from './handlers';
export { releaseBookingsOf, syncPickupTask } from './bookings';
export { insertResource } from './resources';
export { visitResourcesOn, type VisitDayResources } from './visit-day';
// Exports write the bookings of a range as the screens show them.
export { bookingRows, bookingViews } from './bookings';
