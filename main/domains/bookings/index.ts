export { bookingsHandlers } from './handlers';
export { releaseBookingsOf, syncPickupTask } from './bookings';
export { insertResource } from './resources';
export { visitResourcesOn, type VisitDayResources } from './visit-day';
