import { Alert, App, Button, Form, Modal, Space, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { BookingDetail, BookingKind, BookingView } from '../../../../../shared/bookings';
import type { Message } from '../../../../../shared/result';
import { refusalMessage } from '../../../api/client';
import { useOpMutation } from '../../../api/queries';
import { applyApiError } from '../../../components/form';
import { useBookingFmt } from '../plan/fmt';

/** What a booking form books: for which request and plan line, new or an edit, starting where. */
export interface BookingFormTarget {
  requestId: number;
  kind: BookingKind;
  /** The plan line it books, or null for a booking made by hand. */
  needKey: string | null;
  /** The booking being edited, or null for a new one. */
  booking: BookingView | null;
  /** The detail the form starts from (a line's proposal with its first choices, or the booking). */
  initial: BookingDetail;
}

/** Facts of the request the forms need beyond the booking itself. */
export interface RequestFacts {
  code: string;
  /** Confirmed bookings may be made (approved or filed). */
  bookable: boolean;
  /** The approval allowed company-paid lodging. */
  companyLodging: boolean;
  /** The tier's meal cap per head (null: the visitor pays; undefined: not known yet). */
  mealCapFen: number | null | undefined;
}

/** The reads a saved booking changes. */
export const BOOKING_READS = [
  'bookings.plan',
  'bookings.toPlan',
  'bookings.ofRequest',
  'bookings.resources',
] as const;

/**
 * The dialog around one kind's fields: 保存为暂定 and 确认预订 send `bookings.save`; per-field
 * refusals go on their fields, any other (a conflict naming the booking in the way) shows above
 * the fields.
 */
export function BookingFormShell<T extends FieldValues>({
  form,
  target,
  facts,
  onClose,
  children,
}: {
  form: UseFormReturn<T, unknown, { detail: BookingDetail }>;
  target: BookingFormTarget;
  facts: RequestFacts;
  onClose: (saved: BookingView | null) => void;
  children: ReactNode;
}) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const { message } = App.useApp();
  const save = useOpMutation('bookings.save', { invalidates: BOOKING_READS });
  const [refusal, setRefusal] = useState<Message | null>(null);
  const [sending, setSending] = useState<'tentative' | 'confirmed' | null>(null);
  const inFlight = useRef(false);

  const submit = (status: 'tentative' | 'confirmed') =>
    form.handleSubmit(async (values) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setRefusal(null);
      setSending(status);
      try {
        const r = await save.mutateAsync({
          id: target.booking?.id ?? null,
          version: target.booking?.version ?? null,
          requestId: target.requestId,
          needKey: target.needKey,
          status,
          detail: values.detail,
        });
        if (r.ok) {
          void message.success(t('bookingsPlan.booking.savedToast'));
          onClose(r.value);
          return;
        }
        const onFields = Object.keys(r.error.fieldErrors ?? {}).every((k) =>
          k.startsWith('detail.'),
        );
        if (
          !onFields ||
          !applyApiError(
            form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>,
            r.error,
          )
        ) {
          setRefusal(refusalMessage(r.error));
        }
      } finally {
        inFlight.current = false;
        setSending(null);
      }
    })();

  const kindLabel =
    target.initial.kind === 'car'
      ? t(`bookings.carKind.${target.initial.carKind}`)
      : t(`bookings.kind.${target.kind}`);
  return (
    <Modal
      open
      width={760}
      title={t(target.booking ? 'bookingsPlan.form.editTitle' : 'bookingsPlan.form.newTitle', {
        kind: kindLabel,
      })}
      onCancel={() => onClose(null)}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space wrap>
          <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
          <Button
            loading={sending === 'tentative'}
            disabled={sending !== null}
            onClick={() => void submit('tentative')}
            data-testid="save-tentative"
          >
            {t('bookingsPlan.form.saveTentative')}
          </Button>
          <Button
            type="primary"
            loading={sending === 'confirmed'}
            disabled={sending !== null || !facts.bookable}
            onClick={() => void submit('confirmed')}
            data-testid="save-confirmed"
          >
            {t('bookingsPlan.form.saveConfirmed')}
          </Button>
        </Space>
      }
    >
      {!facts.bookable && (
        <Typography.Paragraph type="warning">
          {t('bookingsPlan.form.notBookableHint')}
        </Typography.Paragraph>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="bp-refusal"
          data-testid="booking-refusal"
          title={fmt.message(refusal)}
        />
      )}
      <Form layout="vertical" component="div" className="bp-form">
        {children}
      </Form>
    </Modal>
  );
}
