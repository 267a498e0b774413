import type { BookingDetail, BookingView } from '../../../../../shared/bookings';
import { CarForm, HotelForm, RestaurantForm, RoomForm, SupplyForm, TicketForm } from './kinds';
import type { BookingFormTarget, RequestFacts } from './shell';

/** The booking form of the target's kind (a modal; one form per kind). */
export function BookingFormModal({
  target,
  facts,
  onClose,
}: {
  target: BookingFormTarget;
  facts: RequestFacts;
  onClose: (saved: BookingView | null) => void;
}) {
  const d: BookingDetail = target.initial;
  const props = { facts, onClose };
  switch (d.kind) {
    case 'car':
      return <CarForm {...props} target={{ ...target, initial: d }} />;
    case 'room':
      return <RoomForm {...props} target={{ ...target, initial: d }} />;
    case 'hotel':
      return <HotelForm {...props} target={{ ...target, initial: d }} />;
    case 'restaurant':
      return <RestaurantForm {...props} target={{ ...target, initial: d }} />;
    case 'ticket':
      return <TicketForm {...props} target={{ ...target, initial: d }} />;
    case 'supply':
      return <SupplyForm {...props} target={{ ...target, initial: d }} />;
  }
}
