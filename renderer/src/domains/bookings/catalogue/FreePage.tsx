import { SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { freeInput, type Candidate, type ResourceView } from '../../../../../shared/bookings';
import { addDays, wallClock } from '../../../../../shared/dates';
import { EQUIPMENT } from '../../../../../shared/requests';
import { fetchOp, useErrorToast, useOp } from '../../../api/queries';
import { DateTimeField } from '../../../components/DateTimeField';
import { applyApiError, Field, useZodForm } from '../../../components/form';
import { useCompanyTimeZone, useSession } from '../../../session/SessionContext';
import { BookModal, type BookTarget } from './BookModal';
import './catalogue.css';

export type FreeQuery = z.output<typeof freeInput>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The next whole hour for an hour, in the company's zone (tomorrow 09:00 late in the day). */
export function initialSpan(nowMs: number, timeZone: string) {
  const w = wallClock(nowMs, timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  if (w.hour >= 22) {
    const next = addDays(date, 1);
    return { startDate: next, startTime: '09:00', endDate: next, endTime: '10:00' };
  }
  return {
    startDate: date,
    startTime: `${pad(w.hour + 1)}:00`,
    endDate: date,
    endTime: `${pad(w.hour + 2)}:00`,
  };
}

/** 空闲查询: pick a time, see the free cars, drivers and rooms, book one in one action. */
export function FreePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const manage = can('bookings.manage');
  const zone = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const [defaults] = useState(() => ({
    ...initialSpan(Date.now(), zone),
    passengers: 1,
    attendees: 1,
    equipment: [],
  }));
  const form = useZodForm(freeInput, defaults);
  const queryClient = useQueryClient();
  const [asked, setAsked] = useState<FreeQuery | null>(null);
  const [booking, setBooking] = useState<BookTarget | null>(null);

  const search = form.handleSubmit(async (values) => {
    const r = await fetchOp(queryClient, 'bookings.free', values);
    if (r.ok) setAsked(values);
    else if (!applyApiError(form, r.error)) void message.error(t(r.error.key, r.error.params));
  });

  const free = useOp('bookings.free', asked ?? defaults, {
    enabled: asked !== null,
  });
  useErrorToast(free.error);
  const catalogue = useOp('bookings.resources', { kind: null, includeInactive: false });
  const byId = useMemo(
    () => new Map((catalogue.data ?? []).map((r) => [r.id, r] as const)),
    [catalogue.data],
  );

  const f = (key: string) => t(`bookingsCatalogue.free.${key}`);

  return (
    <>
      <div className="page-header">
        <h1>{f('title')}</h1>
      </div>
      <Typography.Paragraph type="secondary" className="bc-intro">
        {f('intro')}
      </Typography.Paragraph>
      <Card size="small" className="bf-form">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
          aria-label={f('title')}
        >
          <Form layout="vertical" component="div">
            <Row gutter={16}>
              <Col span={6}>
                <Field control={form.control} name="startDate" label={f('startDate')} required>
                  {(fd) => (
                    <DateTimeField
                      mode="date"
                      id="startDate"
                      ref={fd.ref}
                      value={fd.value}
                      onBlur={fd.onBlur}
                      onChange={(v) => {
                        // The end date follows the start date unless it was set apart.
                        const before = form.getValues('startDate');
                        const end = form.getValues('endDate');
                        fd.onChange(v);
                        if (v && (!end || end === before || end < v)) {
                          form.setValue('endDate', v, { shouldValidate: false });
                        }
                      }}
                    />
                  )}
                </Field>
              </Col>
              <Col span={6}>
                <Field control={form.control} name="startTime" label={f('startTime')} required>
                  {(fd) => (
                    <DateTimeField
                      mode="time"
                      id="startTime"
                      ref={fd.ref}
                      value={fd.value}
                      onChange={fd.onChange}
                      onBlur={fd.onBlur}
                    />
                  )}
                </Field>
              </Col>
              <Col span={6}>
                <Field control={form.control} name="endDate" label={f('endDate')} required>
                  {(fd) => (
                    <DateTimeField
                      mode="date"
                      id="endDate"
                      ref={fd.ref}
                      value={fd.value}
                      onChange={fd.onChange}
                      onBlur={fd.onBlur}
                    />
                  )}
                </Field>
              </Col>
              <Col span={6}>
                <Field control={form.control} name="endTime" label={f('endTime')} required>
                  {(fd) => (
                    <DateTimeField
                      mode="time"
                      id="endTime"
                      ref={fd.ref}
                      value={fd.value}
                      onChange={fd.onChange}
                      onBlur={fd.onBlur}
                    />
                  )}
                </Field>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={6}>
                <Field control={form.control} name="passengers" label={f('passengers')}>
                  {(fd) => (
                    <InputNumber<number>
                      id="passengers"
                      value={fd.value}
                      min={0}
                      max={1000}
                      precision={0}
                      style={{ width: '100%' }}
                      onChange={(v) => fd.onChange(v ?? 0)}
                      onBlur={fd.onBlur}
                    />
                  )}
                </Field>
              </Col>
              <Col span={6}>
                <Field control={form.control} name="attendees" label={f('attendees')}>
                  {(fd) => (
                    <InputNumber<number>
                      id="attendees"
                      value={fd.value}
                      min={0}
                      max={1000}
                      precision={0}
                      style={{ width: '100%' }}
                      onChange={(v) => fd.onChange(v ?? 0)}
                      onBlur={fd.onBlur}
                    />
                  )}
                </Field>
              </Col>
              <Col span={8}>
                <Field control={form.control} name="equipment" label={f('equipment')}>
                  {(fd) => (
                    <Select
                      {...fd}
                      id="equipment"
                      mode="multiple"
                      allowClear
                      placeholder={f('equipmentPlaceholder')}
                      options={EQUIPMENT.map((e) => ({
                        value: e,
                        label: t(`labels.equipment.${e}`),
                      }))}
                    />
                  )}
                </Field>
              </Col>
              <Col span={4}>
                <div className="bf-actions">
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<SearchOutlined />}
                    loading={form.formState.isSubmitting}
                  >
                    {f('search')}
                  </Button>
                </div>
              </Col>
            </Row>
          </Form>
        </form>
      </Card>

      {asked === null ? (
        <Empty description={f('prompt')} />
      ) : (
        <Row gutter={16} data-testid="free-results">
          <Col span={8}>
            <FreeList
              testId="free-vehicles"
              title={t('bookings.resourceKind.vehicle')}
              items={free.data?.vehicles}
              loading={free.isFetching}
              detail={(c) => vehicleDetail(byId.get(c.id), c, t)}
              onBook={
                manage ? (c) => setBooking({ kind: 'car', resource: c, query: asked }) : undefined
              }
            />
          </Col>
          <Col span={8}>
            <FreeList
              testId="free-drivers"
              title={t('bookings.resourceKind.driver')}
              items={free.data?.drivers}
              loading={free.isFetching}
              detail={(c) => driverDetail(byId.get(c.id))}
            />
          </Col>
          <Col span={8}>
            <FreeList
              testId="free-rooms"
              title={t('bookings.resourceKind.room')}
              items={free.data?.rooms}
              loading={free.isFetching}
              detail={(c) => roomDetail(byId.get(c.id), c, t)}
              onBook={
                manage ? (c) => setBooking({ kind: 'room', resource: c, query: asked }) : undefined
              }
            />
          </Col>
        </Row>
      )}
      {booking && (
        <BookModal
          target={booking}
          drivers={free.data?.drivers ?? []}
          onClose={() => setBooking(null)}
        />
      )}
    </>
  );
}

type T = (key: string, params?: Record<string, unknown>) => string;

function vehicleDetail(r: ResourceView | undefined, c: Candidate, t: T): string {
  const seats = t('bookingsCatalogue.seats', { n: c.capacity });
  return r?.details.kind === 'vehicle' ? `${r.details.model} · ${seats}` : seats;
}
function driverDetail(r: ResourceView | undefined): string {
  return r?.details.kind === 'driver' ? `${r.details.phone} · ${r.details.licenceClass}` : '';
}
function roomDetail(r: ResourceView | undefined, c: Candidate, t: T): string {
  const parts = [t('bookingsCatalogue.people', { n: c.capacity })];
  if (r?.details.kind === 'room') {
    if (r.details.place) parts.unshift(r.details.place);
    parts.push(...r.details.equipment.map((e) => t(`labels.equipment.${e}`)));
  }
  return parts.join(' · ');
}

/** One kind's candidates: the fitting ones first, the others greyed with why. */
function FreeList({
  testId,
  title,
  items,
  loading,
  detail,
  onBook,
}: {
  testId: string;
  title: string;
  items: Candidate[] | undefined;
  loading: boolean;
  detail: (c: Candidate) => string;
  onBook?: (c: Candidate) => void;
}) {
  const { t } = useTranslation();
  const list = items ?? [];
  const free = list.filter((c) => c.fits).length;
  return (
    <Card
      size="small"
      loading={loading && items === undefined}
      data-testid={testId}
      title={<h2 className="bc-card-title">{title}</h2>}
      extra={
        items && (
          <Typography.Text type="secondary">
            {t('bookingsCatalogue.free.summary', { free, total: list.length })}
          </Typography.Text>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      {list.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('bookingsCatalogue.free.none')}
        />
      ) : (
        <ul className="bf-list">
          {list.map((c) => (
            <li
              key={c.id}
              className={c.fits ? 'bf-item' : 'bf-item bf-misfit'}
              data-testid={`free-${c.id}`}
            >
              <div className="bf-main">
                <div className="bf-name">{c.name}</div>
                <div className="bf-detail">{detail(c)}</div>
              </div>
              {c.fits ? (
                onBook ? (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    onClick={() => onBook(c)}
                    aria-label={`${t('bookingsCatalogue.free.book')} ${c.name}`}
                  >
                    {t('bookingsCatalogue.free.book')}
                  </Button>
                ) : (
                  <Tag color="success">{t('bookingsCatalogue.free.fits')}</Tag>
                )
              ) : (
                <span className="bf-reason">{c.misfit ? t(c.misfit) : ''}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
