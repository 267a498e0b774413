import { Alert, App, Col, Descriptions, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { CAR_KINDS, saveBookingInput, type Candidate } from '../../../../../shared/bookings';
import type { Message } from '../../../../../shared/result';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { Field, useZodForm } from '../../../components/form';
import { FormModal } from '../../../components/FormModal';
import { useErrorText } from './common';
import type { FreeQuery } from './FreePage';

/** What the 预订 button of a free car or room books: that resource for the query's time. */
export interface BookTarget {
  kind: 'car' | 'room';
  resource: Candidate;
  query: FreeQuery;
}

type SaveIn = z.input<typeof saveBookingInput>;
type DetailOf<K extends 'car' | 'room'> = Extract<SaveIn['detail'], { kind: K }>;
type FormOf<K extends 'car' | 'room'> = Omit<SaveIn, 'detail'> & { detail: DetailOf<K> };

/** The fields the dialog shows: main's messages about the others go above them. */
const SHOWN = new Set([
  'requestId',
  'detail.driverId',
  'detail.carKind',
  'detail.from',
  'detail.to',
  'detail.passengers',
  'detail.transportNo',
  'detail.attendees',
]);

function initial(target: BookTarget, drivers: Candidate[]): SaveIn {
  const { query: q, resource } = target;
  const span = {
    startDate: q.startDate,
    startTime: q.startTime,
    endDate: q.endDate,
    endTime: q.endTime,
  };
  const detail: SaveIn['detail'] =
    target.kind === 'car'
      ? {
          kind: 'car',
          carKind: 'transfer',
          vehicleId: resource.id,
          // The first free driver; the clerk may pick another.
          driverId: drivers.find((d) => d.fits)?.id ?? (null as unknown as number),
          from: '',
          to: '',
          passengers: Math.max(1, Math.min(q.passengers, resource.capacity)),
          transportNo: '',
          ...span,
        }
      : {
          kind: 'room',
          roomId: resource.id,
          attendees: Math.max(1, Math.min(q.attendees, resource.capacity)),
          setup: [],
          ...span,
        };
  return {
    id: null,
    version: null,
    requestId: null as unknown as number,
    needKey: null,
    status: 'confirmed',
    detail,
  };
}

/**
 * 预订 from 空闲查询 in one action: pick the request (approved or filed, arriving from today),
 * for a car the driver and the route, and save a confirmed booking for the query's time. When
 * someone booked it meanwhile, main's refusal (which booking is in the way) shows here.
 */
export function BookModal({
  target,
  drivers,
  onClose,
}: {
  target: BookTarget;
  drivers: Candidate[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const errorText = useErrorText();
  const form = useZodForm(saveBookingInput, initial(target, drivers));
  const [refusal, setRefusal] = useState<Message[]>([]);
  const requests = useOp('bookings.toPlan', { cursor: null });
  useErrorToast(requests.error);
  const rows = requests.data?.rows ?? [];

  const submit = form.handleSubmit(async (input) => {
    setRefusal([]);
    const r = await call('bookings.save', input);
    if (r.ok) {
      void message.success(
        t('bookingsCatalogue.free.booked', {
          code: r.value.requestCode,
          name: target.resource.name,
        }),
      );
      void invalidate('bookings.free', 'bookings.toPlan');
      onClose();
      return;
    }
    const others: Message[] = [];
    let focused = false;
    for (const [path, msg] of Object.entries(r.error.fieldErrors ?? {})) {
      if (!SHOWN.has(path)) {
        others.push(msg);
        continue;
      }
      form.setError(
        path as 'requestId',
        { type: JSON.stringify(msg.params ?? {}), message: msg.key },
        { shouldFocus: !focused },
      );
      focused = true;
    }
    if (!r.error.fieldErrors) {
      others.push({ key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) });
    }
    setRefusal(others);
    // Someone booked it meanwhile: the list behind the dialog shows it busy now.
    if (r.error.code === 'CONFLICT') void invalidate('bookings.free');
  });

  const q = target.query;
  const time =
    q.startDate === q.endDate
      ? `${q.startDate} ${q.startTime}–${q.endTime}`
      : `${q.startDate} ${q.startTime} – ${q.endDate} ${q.endTime}`;
  const f = (key: string) => t(`bookingsCatalogue.free.${key}`);

  return (
    <FormModal
      title={t('bookingsCatalogue.free.bookTitle', { name: target.resource.name })}
      okText={f('book')}
      action={{ submit: () => submit(), busy: form.formState.isSubmitting }}
      onCancel={onClose}
    >
      <Descriptions
        size="small"
        column={1}
        className="bf-time"
        items={[
          {
            key: 'resource',
            label: f(target.kind === 'car' ? 'vehicle' : 'room'),
            children: target.resource.name,
          },
          { key: 'time', label: f('time'), children: time },
        ]}
      />
      {refusal.map((m, i) => (
        <Alert
          key={i}
          type="error"
          showIcon
          role="alert"
          title={errorText({ message: m.key, type: JSON.stringify(m.params ?? {}) })}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Field control={form.control} name="requestId" label={f('request')} required>
        {(fd) => (
          <Select
            {...fd}
            id="requestId"
            autoFocus
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={f('requestPlaceholder')}
            loading={requests.isFetching}
            notFoundContent={requests.isFetching ? undefined : f('noRequests')}
            onChange={(v: number) => fd.onChange(v)}
            options={rows.map((r) => ({
              value: r.requestId,
              label: `${r.code} ${r.orgName}`,
              title: `${r.code} ${r.orgName}`,
            }))}
            optionRender={(o) => {
              const row = rows.find((r) => r.requestId === o.value);
              return row ? (
                <div>
                  <div>
                    {row.code} · {row.orgName}
                  </div>
                  <div className="bf-detail">
                    {t(`labels.status.${row.status}`)} ·{' '}
                    {t('bookingsCatalogue.free.arrival', { date: row.arrivalDate })}
                  </div>
                </div>
              ) : (
                o.label
              );
            }}
          />
        )}
      </Field>
      {target.kind === 'car' ? (
        <CarFields
          control={form.control as unknown as Control<FormOf<'car'>, unknown, FieldValues>}
          drivers={drivers}
          seats={target.resource.capacity}
        />
      ) : (
        <RoomFields
          control={form.control as unknown as Control<FormOf<'room'>, unknown, FieldValues>}
          capacity={target.resource.capacity}
        />
      )}
      <div className="bf-detail">{f('confirmedNote')}</div>
    </FormModal>
  );
}

function CarFields({
  control,
  drivers,
  seats,
}: {
  control: Control<FormOf<'car'>, unknown, FieldValues>;
  drivers: Candidate[];
  seats: number;
}) {
  const { t } = useTranslation();
  const f = (key: string) => t(`bookingsCatalogue.free.${key}`);
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="detail.driverId" label={f('driver')} required>
            {(fd) => (
              <Select
                {...fd}
                id="detail.driverId"
                onChange={(v: number) => fd.onChange(v)}
                options={drivers.map((d) => ({
                  value: d.id,
                  disabled: !d.fits,
                  label: d.fits ? d.name : `${d.name}（${d.misfit ? t(d.misfit) : ''}）`,
                }))}
              />
            )}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="detail.carKind" label={f('carKind')} required>
            {(fd) => (
              <Select
                {...fd}
                id="detail.carKind"
                options={CAR_KINDS.map((k) => ({ value: k, label: t(`bookings.carKind.${k}`) }))}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="detail.from" label={f('from')} required>
            {(fd) => <Input {...fd} id="detail.from" autoComplete="off" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="detail.to" label={f('to')} required>
            {(fd) => <Input {...fd} id="detail.to" autoComplete="off" />}
          </Field>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="detail.passengers"
            label={t('bookingsCatalogue.free.passengers')}
            required
          >
            {(fd) => (
              <InputNumber<number>
                id="detail.passengers"
                value={fd.value ?? null}
                min={1}
                max={seats}
                precision={0}
                style={{ width: '100%' }}
                onChange={(v) => fd.onChange(v ?? null)}
                onBlur={fd.onBlur}
              />
            )}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="detail.transportNo" label={f('transportNo')}>
            {(fd) => <Input {...fd} id="detail.transportNo" autoComplete="off" />}
          </Field>
        </Col>
      </Row>
    </>
  );
}

function RoomFields({
  control,
  capacity,
}: {
  control: Control<FormOf<'room'>, unknown, FieldValues>;
  capacity: number;
}) {
  const { t } = useTranslation();
  return (
    <Field
      control={control}
      name="detail.attendees"
      label={t('bookingsCatalogue.free.attendees')}
      required
    >
      {(fd) => (
        <InputNumber<number>
          id="detail.attendees"
          value={fd.value ?? null}
          min={1}
          max={capacity}
          precision={0}
          style={{ width: 160 }}
          onChange={(v) => fd.onChange(v ?? null)}
          onBlur={fd.onBlur}
        />
      )}
    </Field>
  );
}
