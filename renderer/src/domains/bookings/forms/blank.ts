import type { BookingDetail, BookingKind, BookingView } from '../../../../../shared/bookings';

/**
 * Where a booking made by hand starts: the visit's first day at office hours, no resource chosen
 * (ids 0: the form asks for one).
 */
export function blankDetail(kind: BookingKind, date: string): BookingDetail {
  const span = { startDate: date, startTime: '09:00', endDate: date, endTime: '10:00' };
  switch (kind) {
    case 'car':
      return {
        kind,
        carKind: 'transfer',
        vehicleId: 0,
        driverId: 0,
        from: '',
        to: '',
        passengers: 1,
        transportNo: '',
        ...span,
      };
    case 'room':
      return { kind, roomId: 0, attendees: 1, setup: [], ...span };
    case 'hotel':
      return {
        kind,
        hotelId: 0,
        roomType: '',
        rooms: 1,
        checkInDate: date,
        nights: 1,
        payer: 'visitor',
      };
    case 'restaurant':
      return {
        kind,
        restaurantId: 0,
        privateRoom: '',
        meal: 'lunch',
        date,
        time: '12:00',
        covers: 1,
        perHeadFen: 0,
      };
    case 'ticket':
      return {
        kind,
        mode: 'rail',
        travellers: '',
        from: '',
        to: '',
        departDate: date,
        departTime: '09:00',
        number: '',
        priceFen: 0,
        ticketStatus: 'to_book',
      };
    case 'supply':
      return { kind, date, items: [{ supplyId: 0, quantity: 1 }] };
  }
}

/** A stored booking as a form's starting point (supplies without what came back). */
export function detailOf(b: BookingView): BookingDetail {
  const d = b.detail;
  if (d.kind !== 'supply') return d;
  return {
    kind: 'supply',
    date: d.date,
    items: d.items.map((i) => ({ supplyId: i.supplyId, quantity: i.quantity })),
  };
}
