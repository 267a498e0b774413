import { Alert } from 'antd';
import type { BookingView } from '../../../../../shared/bookings';
import type { BookingFmt } from './fmt';

/**
 * What a live booking should make the office look again at: another booking of the same car,
 * driver or room at the same time (a tentative booking warns, it does not block), and resources
 * deactivated since it was made.
 */
export function BookingWarnings({ booking, fmt }: { booking: BookingView; fmt: BookingFmt }) {
  const { t } = fmt;
  const live = booking.status === 'tentative' || booking.status === 'confirmed';
  if (!live) return null;
  const clashes = booking.clashes.map((c) =>
    t('bookingsPlan.warn.clash', {
      resource: c.resourceName,
      code: c.requestCode,
      time: fmt.span(c.startMs, c.endMs),
      status: t(`bookings.status.${c.status}`),
    }),
  );
  return (
    <>
      {clashes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="bp-warning"
          data-testid="booking-clash"
          title={fmt.sentences(clashes)}
        />
      )}
      {booking.deactivated.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="bp-warning"
          data-testid="booking-deactivated"
          title={t('bookingsPlan.warn.deactivated', { names: fmt.list(booking.deactivated) })}
        />
      )}
    </>
  );
}
