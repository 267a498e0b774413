import { bookingsCalendarEn } from './i18n-calendar.en';
import { bookingsCatalogueEn } from './i18n-catalogue.en';
import { bookingsPlanEn } from './i18n-plan.en';
import type { bookingsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

/** Bookings. Its keys must match i18n.zh-CN.ts (the typecheck and a test say so). */
export const bookingsEn: Shape<typeof bookingsZhCN> = {
  // The plan area's screens (待预订, the plan, the booking forms, the request's tab).
  ...bookingsPlanEn,
  // The calendar area's screens (预订日历, 今日安排, the printed sheets).
  ...bookingsCalendarEn,
  // The catalogue area's screens (资源目录, 预订规则, 空闲查询).
  ...bookingsCatalogueEn,
  errors: {
    resourceNotFound: 'The chosen resource does not exist. Choose again.',
    resourceNameTaken: '“{{name}}” is already in the catalogue (deactivated ones count too).',
    resourceKindFixed: 'A resource’s kind cannot change. Add a new one instead.',
    staleResource: 'Someone has just changed this resource. Refresh and try again.',
    resourceInactive: '“{{name}}” is deactivated and cannot be booked.',
    bookingNotFound: 'The booking does not exist or was removed.',
    bookingConflict:
      '{{resource}} is booked for {{code}} from {{from}} to {{to}} (buffer included). Choose another resource or time.',
    bookingRequestClosed:
      'Request {{code}} was cancelled, rejected or not submitted: nothing can be booked for it.',
    bookingNeedsApproval:
      'Request {{code}} is not approved yet: book tentatively for now (tentative bookings hold nothing).',
    staleBooking: 'Someone has just changed this booking. Refresh and try again.',
    bookingClosed: 'A done or cancelled booking cannot be changed.',
    bookingKindFixed: 'A booking’s kind cannot change. Cancel it and book again.',
    roomTypeUnknown: '{{name}} has no such room type. Choose one of the agreed room types.',
    companyLodgingNotApproved:
      'Company-paid lodging was not approved for this request: the visitors pay for their rooms.',
    privateRoomUnknown: '{{name}} has no such private room. Choose one from the list.',
    stockShort: 'Not enough {{name}} in stock: {{stock}} left, {{wanted}} needed.',
    planLineGone: 'The request has changed and this need is gone. Refresh the booking plan.',
    planLineBooked: 'This line is booked already (perhaps by someone just now). Refresh the plan.',
    bookingMove: 'The booking’s status does not allow this change. Refresh and try again.',
    nothingToExport: 'The itinerary and bookings are empty: there is no calendar to export.',
    suppliesNotIssued: 'Nothing was issued (the booking is not confirmed), so nothing comes back.',
  },
  validation: {
    plate: 'Not a plate number, e.g. 京A12345 or 沪AD12345.',
    transportNo: 'Not a flight or train number, e.g. CA1234 or G102.',
    roomTypesRequired: 'Enter at least one agreed room type with its price.',
    atLeastOne: 'At least 1.',
    endAfterStart: 'The end must be after the start.',
    bookingYear: 'The date must be between 2000 and 2099. Check the year.',
    slotTooLong: 'A booking lasts at most {{days}} days. Book it in parts.',
    moreThanSeats: 'More passengers than {{name}} has seats ({{seats}}).',
    moreThanCapacity: 'More people than {{name}} holds ({{capacity}}).',
    belowReturned: '{{returned}} came back already: no fewer than that can be issued.',
    moreThanIssued: 'No more can come back than was issued ({{issued}}).',
  },
  bookings: {
    kind: {
      car: 'Car',
      room: 'Meeting room',
      hotel: 'Hotel',
      restaurant: 'Meal',
      ticket: 'Return ticket',
      supply: 'Supplies',
    },
    resourceKind: {
      vehicle: 'Vehicles',
      driver: 'Drivers',
      room: 'Meeting rooms',
      hotel: 'Agreement hotels',
      restaurant: 'Designated restaurants',
      supply: 'Supplies and gifts',
    },
    status: {
      tentative: 'Tentative',
      confirmed: 'Confirmed',
      done: 'Done',
      cancelled: 'Cancelled',
    },
    setupItem: {
      table_cards: 'Table cards',
      name_boards: 'Name boards',
      banner: 'Banner',
      welcome_sign: 'Welcome sign',
      flowers: 'Flowers',
      fruit: 'Fruit',
      tea: 'Tea',
      projector: 'Projector',
      photographer: 'Photographer',
    },
    ticketMode: { air: 'Air', rail: 'Rail' },
    ticketStatus: {
      to_book: 'To book',
      booked: 'Booked',
      issued: 'Issued',
      cancelled: 'Cancelled',
    },
    payer: { visitor: 'Visitor pays', company: 'Company pays' },
    driverCall: 'Driver there at',
    plan: {
      arrivalPoint: 'Arrival point',
      company: 'Company',
      departurePoint: 'Departure point',
      home: 'Home',
    },
    misfit: {
      busy: 'Booked at that time',
      seats: 'Too few seats',
      capacity: 'Too small',
      equipment: 'Lacks equipment',
      stock: 'Not enough in stock',
    },
    unmet: {
      car: 'No free vehicle with enough seats',
      driver: 'No free driver',
      room: 'No free meeting room with the capacity and equipment',
      hotel: 'No agreement hotel in the catalogue',
      restaurant: 'No designated restaurant with a private room large enough',
      supply: 'No item with enough in stock',
    },
    carKind: { pickup: 'Pickup', dropoff: 'Drop-off', transfer: 'Transfer' },
    ics: {
      car: '{{carKind}}: {{from}} → {{to}}',
      carLine:
        'Vehicle {{plate}}, driver {{driver}}, {{passengers}} passengers; driver there {{lead}} min early',
      room: 'Meeting: {{room}}',
      attendees: '{{n}} attendees',
      hotel: 'Hotel: {{hotel}}',
      hotelLine: '{{type}}, {{rooms}} rooms × {{nights}} nights',
      restaurant: '{{meal}}: {{restaurant}}',
      restaurantLine: '{{covers}} covers at {{perHead}} yuan each',
      ticket: 'Return ticket {{number}}: {{from}} → {{to}}',
      supply: 'Supplies issued',
    },
  },
  entities: {
    booking: 'Booking',
    booking_resource: 'Booking resource',
    booking_rules: 'Booking rules',
  },
  audit: {
    field: {
      kind: 'Kind',
      active: 'Active',
      status: 'Status',
      returned: 'Returned',
      released: 'Bookings released',
      carBufferMinutes: 'Vehicle buffer (minutes)',
      roomBufferMinutes: 'Room buffer (minutes)',
    },
  },
  ops: {
    bookings: {
      saveResource: 'Save resource',
      setResourceActive: 'Activate/deactivate resource',
      saveRules: 'Change booking rules',
      save: 'Save booking',
      setStatus: 'Change booking status',
      returnSupplies: 'Return supplies',
    },
  },
};
