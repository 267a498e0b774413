import { defineNames } from '../contract/define';

/**
 * Bookings (issue 10): the admin office's catalogue (cars, drivers, meeting rooms, agreement
 * hotels, designated restaurants, supplies) and each visit's bookings, planned from its approved
 * needs. A host sees the bookings of the requests he may read; only the admin office books.
 */
export const bookingsNames = defineNames({
  operations: [
    'bookings.resources',
    'bookings.saveResource',
    'bookings.setResourceActive',
    'bookings.rules',
    'bookings.saveRules',
    'bookings.toPlan',
    'bookings.plan',
    'bookings.ofRequest',
    'bookings.save',
    'bookings.setStatus',
    'bookings.returnSupplies',
    'bookings.free',
    'bookings.calendar',
    'bookings.day',
    'bookings.ics',
  ],
  /** A booking of some request changed: refresh plans, calendars and that request's tab. */
  events: ['bookings.changed'],
  permissions: [
    /** Keep the catalogue and book for visits. */
    'bookings.manage',
    /** See the catalogue, plans, calendars and day sheets. */
    'bookings.read',
  ],
  grants: {
    admin_office: ['bookings.manage', 'bookings.read'],
    front_desk: ['bookings.read'],
  },
});
