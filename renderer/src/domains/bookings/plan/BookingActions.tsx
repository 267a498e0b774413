import {
  CalendarOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import type { BookingView } from '../../../../../shared/bookings';
import type { Message } from '../../../../../shared/result';
import { refusalMessage } from '../../../api/client';
import { useOpMutation } from '../../../api/queries';
import { BOOKING_READS } from '../forms/shell';
import { shortWhat } from './describe';
import type { BookingFmt } from './fmt';
import { useIcsDownload } from './ics';

/**
 * What the admin office does with a booking: 确认 (tentative → confirmed), 完成, 取消 (after a
 * confirmation), 编辑, and for supplies 归还; each button disabled while its call runs.
 */
export function BookingActions({
  booking,
  fmt,
  onEdit,
  onReturn,
  onRefusal,
}: {
  booking: BookingView;
  fmt: BookingFmt;
  onEdit: () => void;
  onReturn: () => void;
  onRefusal: (m: Message | null) => void;
}) {
  const { t } = fmt;
  const { message, modal } = App.useApp();
  const setStatus = useOpMutation('bookings.setStatus', { invalidates: BOOKING_READS });
  const [busy, setBusy] = useState<string | null>(null);
  const ics = useIcsDownload();
  const what = shortWhat(booking.detail, booking.startMs, fmt);

  const inFlight = useRef(false);
  const move = async (status: 'confirmed' | 'done' | 'cancelled') => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(status);
    onRefusal(null);
    try {
      const r = await setStatus.mutateAsync({
        id: booking.id,
        version: booking.version,
        status,
      });
      if (r.ok) {
        const toast = {
          confirmed: 'bookingsPlan.booking.confirmedToast',
          done: 'bookingsPlan.booking.doneToast',
          cancelled: 'bookingsPlan.booking.cancelledToast',
        }[status];
        void message.success(t(toast));
      } else onRefusal(refusalMessage(r.error));
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };
  const confirmCancel = () =>
    modal.confirm({
      title: t('bookingsPlan.booking.cancelTitle'),
      content: fmt.sentences([
        `${what}${fmt.language === 'en' ? '.' : '。'}`,
        t('bookingsPlan.booking.cancelContent'),
      ]),
      okText: t('bookingsPlan.booking.cancelOk'),
      okButtonProps: { danger: true },
      cancelText: t('bookingsPlan.booking.keep'),
      onOk: () => move('cancelled'),
    });

  const live = booking.status === 'tentative' || booking.status === 'confirmed';
  const issued =
    booking.detail.kind === 'supply' &&
    (booking.status === 'confirmed' || booking.status === 'done');
  return (
    <Space size={4} wrap>
      {booking.status === 'tentative' && (
        <Button
          type="primary"
          size="small"
          icon={<CheckOutlined />}
          loading={busy === 'confirmed'}
          disabled={busy !== null}
          onClick={() => void move('confirmed')}
        >
          {t('bookingsPlan.booking.confirm')}
        </Button>
      )}
      {booking.status === 'confirmed' && (
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={busy === 'done'}
          disabled={busy !== null}
          onClick={() => void move('done')}
        >
          {t('bookingsPlan.booking.done')}
        </Button>
      )}
      {live && (
        <Button size="small" icon={<EditOutlined />} disabled={busy !== null} onClick={onEdit}>
          {t('bookingsPlan.booking.edit')}
        </Button>
      )}
      {issued && (
        <Button size="small" icon={<RollbackOutlined />} onClick={onReturn}>
          {t('bookingsPlan.booking.returnSupplies')}
        </Button>
      )}
      <Button
        size="small"
        icon={<CalendarOutlined />}
        aria-label={t('bookingsPlan.tab.exportOne', { what })}
        onClick={() => void ics(booking.requestId, booking.id)}
      >
        {t('bookingsPlan.booking.ics')}
      </Button>
      {live && (
        <Button
          size="small"
          danger
          icon={<CloseOutlined />}
          loading={busy === 'cancelled'}
          disabled={busy !== null}
          onClick={confirmCancel}
        >
          {t('bookingsPlan.booking.cancel')}
        </Button>
      )}
    </Space>
  );
}
