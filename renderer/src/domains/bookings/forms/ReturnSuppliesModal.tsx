import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BookingView } from '../../../../../shared/bookings';
import type { Message } from '../../../../../shared/result';
import { refusalMessage } from '../../../api/client';
import { useOpMutation } from '../../../api/queries';
import { useBookingFmt } from '../plan/fmt';
import { BOOKING_READS } from './shell';

/** 归还: what came back of the items issued to a visit; the stock grows by as much. */
export function ReturnSuppliesModal({
  booking,
  onClose,
}: {
  booking: BookingView;
  onClose: () => void;
}) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const { message } = App.useApp();
  const d = booking.detail;
  const items = d.kind === 'supply' ? d.items : [];
  const [returned, setReturned] = useState<Record<number, number>>(() =>
    Object.fromEntries(items.map((i) => [i.supplyId, i.returned])),
  );
  const [error, setError] = useState<Message | null>(null);
  const send = useOpMutation('bookings.returnSupplies', { invalidates: BOOKING_READS });
  const submit = async () => {
    if (send.isPending) return;
    const r = await send.mutateAsync({
      id: booking.id,
      version: booking.version,
      returned: items.map((i) => ({ supplyId: i.supplyId, quantity: returned[i.supplyId] ?? 0 })),
    });
    if (r.ok) {
      void message.success(t('bookingsPlan.returns.doneToast'));
      onClose();
    } else setError(refusalMessage(r.error));
  };
  return (
    <Modal
      open
      title={t('bookingsPlan.returns.title')}
      okText={t('bookingsPlan.returns.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('bookingsPlan.returns.lead')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        {items.map((i) => (
          <Form.Item
            key={i.supplyId}
            htmlFor={`returned.${i.supplyId}`}
            label={`${booking.names[i.supplyId] ?? `#${i.supplyId}`}${fmt.paren(t('bookingsPlan.returns.issued', { n: i.quantity }))}`}
          >
            <InputNumber<number>
              id={`returned.${i.supplyId}`}
              min={0}
              max={i.quantity}
              precision={0}
              value={returned[i.supplyId] ?? 0}
              onChange={(v) => setReturned((r) => ({ ...r, [i.supplyId]: v ?? 0 }))}
            />
          </Form.Item>
        ))}
      </Form>
      {error && <Typography.Text type="danger">{fmt.message(error)}</Typography.Text>}
    </Modal>
  );
}
