import type { BookingDetail, Candidate, PlanLineView } from '../../../../../shared/bookings';

const firstFit = (list: readonly Candidate[]) => list.find((c) => c.fits) ?? null;

/**
 * The booking "确认预订" makes for a plan line in one action: the line's proposal with the first
 * fitting candidate(s) — for cars the vehicle and the driver, for hotels the first room type,
 * for restaurants the smallest private room that seats everyone (or none). Null when the line
 * cannot be booked in one action (nothing fits, or it is booked already): the clerk adjusts.
 */
export function oneClickDetail(line: PlanLineView): BookingDetail | null {
  if (line.booking) return null;
  const p = line.proposal;
  const top = firstFit(line.candidates);
  switch (p.kind) {
    case 'car': {
      const driver = firstFit(line.drivers);
      if (!top || !driver) return null;
      return { ...p, vehicleId: top.id, driverId: driver.id };
    }
    case 'room':
      return top ? { ...p, roomId: top.id } : null;
    case 'hotel': {
      const roomType = top?.roomTypes?.[0]?.name;
      if (!top || !roomType) return null;
      return { ...p, hotelId: top.id, roomType };
    }
    case 'restaurant': {
      if (!top) return null;
      const room = [...(top.privateRooms ?? [])]
        .filter((r) => r.capacity >= p.covers)
        .sort((a, b) => a.capacity - b.capacity)[0];
      return { ...p, restaurantId: top.id, privateRoom: room?.name ?? '' };
    }
    case 'supply':
      return top ? { ...p, items: p.items.map((i) => ({ ...i, supplyId: top.id })) } : null;
    case 'ticket':
      return p;
  }
}
