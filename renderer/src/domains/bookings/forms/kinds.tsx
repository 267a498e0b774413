import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Input, Radio, Row, Select, Table, Typography } from 'antd';
import { useFieldArray, useWatch, type Control, type FieldValues } from 'react-hook-form';
import * as z from 'zod';
import {
  CAR_KINDS,
  DRIVER_LEAD_MINUTES,
  SETUP_ITEMS,
  TICKET_MODES,
  TICKET_STATUSES,
  bookingDetailSchema,
  mealOverCap,
  wallInstant,
  type BookingDetail,
  type ResourceKind,
  type ResourceView,
  type SetupItem,
} from '../../../../../shared/bookings';
import { MEALS } from '../../../../../shared/requests';
import { useOp } from '../../../api/queries';
import { DateTimeField } from '../../../components/DateTimeField';
import { Field, useZodForm } from '../../../components/form';
import { useBookingFmt, type BookingFmt } from '../plan/fmt';
import { CountInput, MoneyInput } from './inputs';
import { BookingFormShell, type BookingFormTarget, type RequestFacts } from './shell';

const [carDetail, roomDetail, hotelDetail, restaurantDetail, ticketDetail, supplyDetail] =
  bookingDetailSchema.options;

const carForm = z.strictObject({ detail: carDetail });
const roomForm = z.strictObject({ detail: roomDetail });
const hotelForm = z.strictObject({ detail: hotelDetail });
const restaurantForm = z.strictObject({ detail: restaurantDetail });
const ticketForm = z.strictObject({ detail: ticketDetail });
const supplyForm = z.strictObject({ detail: supplyDetail });

type Detail<K extends BookingDetail['kind']> = Extract<BookingDetail, { kind: K }>;

export interface KindFormProps<K extends BookingDetail['kind']> {
  target: BookingFormTarget & { initial: Detail<K> };
  facts: RequestFacts;
  onClose: Parameters<typeof BookingFormShell>[0]['onClose'];
}

/** The active catalogue entries of one kind (the selects list nothing else). */
function useResources(kind: ResourceKind): ResourceView[] {
  return useOp('bookings.resources', { kind, includeInactive: false }).data ?? [];
}

/** An id select over catalogue entries; an id that is not among them (0: none yet) shows empty. */
function resourceOptions(list: ResourceView[], label: (r: ResourceView) => string) {
  return list.map((r) => ({ value: r.id, label: label(r) }));
}
const idValue = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);

/** Start and end, date and time each, in one row. */
function SpanFields<T extends FieldValues>({
  control,
  fmt,
}: {
  control: Control<T, unknown, FieldValues>;
  fmt: BookingFmt;
}) {
  const c = control as unknown as Control<
    { detail: { startDate: string; startTime: string; endDate: string; endTime: string } },
    unknown,
    FieldValues
  >;
  return (
    <Row gutter={12}>
      {(['startDate', 'startTime', 'endDate', 'endTime'] as const).map((name) => (
        <Col xs={12} md={6} key={name}>
          <Field
            control={c}
            name={`detail.${name}`}
            label={fmt.t(`bookingsPlan.form.${name}`)}
            required
          >
            {(f) => (
              <DateTimeField
                id={`detail.${name}`}
                mode={name.endsWith('Date') ? 'date' : 'time'}
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
      ))}
    </Row>
  );
}

// --- Car ---------------------------------------------------------------------------------------

export function CarForm({ target, facts, onClose }: KindFormProps<'car'>) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const form = useZodForm(carForm, { detail: target.initial });
  const vehicles = useResources('vehicle');
  const drivers = useResources('driver');
  const [startDate, startTime] = useWatch({
    control: form.control,
    name: ['detail.startDate', 'detail.startTime'],
  });
  let call: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(startDate) && /^\d{2}:\d{2}$/.test(startTime)) {
    const ms = wallInstant(startDate, startTime, fmt.tz) - DRIVER_LEAD_MINUTES * 60_000;
    call = fmt.instant(ms);
  }
  const c = form.control;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field control={c} name="detail.carKind" label={t('bookingsPlan.form.carKind')} required>
            {(f) => (
              <Select
                {...f}
                id="detail.carKind"
                options={CAR_KINDS.map((k) => ({ value: k, label: t(`bookings.carKind.${k}`) }))}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field
            control={c}
            name="detail.vehicleId"
            label={t('bookingsPlan.form.vehicle')}
            required
          >
            {(f) => (
              <Select
                {...f}
                value={idValue(f.value)}
                id="detail.vehicleId"
                options={resourceOptions(vehicles, (r) =>
                  t('bookingsPlan.form.seatsOption', {
                    name: r.name,
                    model: r.details.kind === 'vehicle' ? r.details.model : '',
                    seats: r.capacity,
                  }),
                )}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field control={c} name="detail.driverId" label={t('bookingsPlan.form.driver')} required>
            {(f) => (
              <Select
                {...f}
                value={idValue(f.value)}
                id="detail.driverId"
                options={resourceOptions(drivers, (r) =>
                  t('bookingsPlan.form.driverOption', {
                    name: r.name,
                    phone: r.details.kind === 'driver' ? r.details.phone : '',
                  }),
                )}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <Field control={c} name="detail.from" label={t('bookingsPlan.form.from')} required>
            {(f) => <Input {...f} id="detail.from" maxLength={100} />}
          </Field>
        </Col>
        <Col xs={24} md={9}>
          <Field control={c} name="detail.to" label={t('bookingsPlan.form.to')} required>
            {(f) => <Input {...f} id="detail.to" maxLength={100} />}
          </Field>
        </Col>
        <Col xs={24} md={6}>
          <Field
            control={c}
            name="detail.passengers"
            label={t('bookingsPlan.form.passengers')}
            required
          >
            {(f) => <CountInput {...f} id="detail.passengers" />}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <Field control={c} name="detail.transportNo" label={t('bookingsPlan.form.transportNo')}>
            {(f) => (
              <Input
                {...f}
                id="detail.transportNo"
                maxLength={20}
                placeholder={t('bookingsPlan.form.transportNoPlaceholder')}
              />
            )}
          </Field>
        </Col>
      </Row>
      <SpanFields control={c} fmt={fmt} />
      {call && (
        <Typography.Paragraph type="secondary" data-testid="form-driver-call">
          {t('bookingsPlan.form.driverCallAt', { time: call })}
        </Typography.Paragraph>
      )}
    </BookingFormShell>
  );
}

// --- Room --------------------------------------------------------------------------------------

type SetupLine = { item: SetupItem; responsible: string; done: boolean };

/** The setup checklist: each item needed or not, who is responsible, done. */
function SetupTable({
  value,
  onChange,
  fmt,
}: {
  value: SetupLine[];
  onChange: (v: SetupLine[]) => void;
  fmt: BookingFmt;
}) {
  const { t } = fmt;
  const byItem = new Map(value.map((l) => [l.item, l]));
  const set = (item: SetupItem, patch: Partial<SetupLine> | null) => {
    const has = byItem.get(item);
    if (patch === null) return onChange(value.filter((l) => l.item !== item));
    if (!has) return onChange([...value, { item, responsible: '', done: false, ...patch }]);
    onChange(value.map((l) => (l.item === item ? { ...l, ...patch } : l)));
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(r) => r}
      dataSource={[...SETUP_ITEMS]}
      columns={[
        {
          key: 'item',
          title: t('bookingsPlan.form.setupItem'),
          render: (_: unknown, item: SetupItem) => (
            <Checkbox
              checked={byItem.has(item)}
              onChange={(e) => set(item, e.target.checked ? {} : null)}
            >
              {t(`bookings.setupItem.${item}`)}
            </Checkbox>
          ),
        },
        {
          key: 'responsible',
          title: t('bookingsPlan.form.responsible'),
          render: (_: unknown, item: SetupItem) => (
            <Input
              size="small"
              maxLength={30}
              disabled={!byItem.has(item)}
              aria-label={`${t(`bookings.setupItem.${item}`)} ${t('bookingsPlan.form.responsible')}`}
              value={byItem.get(item)?.responsible ?? ''}
              onChange={(e) => set(item, { responsible: e.target.value })}
            />
          ),
        },
        {
          key: 'done',
          title: t('bookingsPlan.form.setupDone'),
          width: 80,
          render: (_: unknown, item: SetupItem) => (
            <Checkbox
              disabled={!byItem.has(item)}
              aria-label={`${t(`bookings.setupItem.${item}`)} ${t('bookingsPlan.form.setupDone')}`}
              checked={byItem.get(item)?.done ?? false}
              onChange={(e) => set(item, { done: e.target.checked })}
            />
          ),
        },
      ]}
    />
  );
}

export function RoomForm({ target, facts, onClose }: KindFormProps<'room'>) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const form = useZodForm(roomForm, { detail: target.initial });
  const rooms = useResources('room');
  const c = form.control;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Field control={c} name="detail.roomId" label={t('bookingsPlan.form.room')} required>
            {(f) => (
              <Select
                {...f}
                value={idValue(f.value)}
                id="detail.roomId"
                options={resourceOptions(rooms, (r) =>
                  t('bookingsPlan.form.roomOption', {
                    name: r.name,
                    place: r.details.kind === 'room' ? r.details.place || '—' : '',
                    capacity: r.capacity,
                  }),
                )}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <Field
            control={c}
            name="detail.attendees"
            label={t('bookingsPlan.form.attendees')}
            required
          >
            {(f) => <CountInput {...f} id="detail.attendees" />}
          </Field>
        </Col>
      </Row>
      <SpanFields control={c} fmt={fmt} />
      <Field control={c} name="detail.setup" label={t('bookingsPlan.form.setup')}>
        {(f) => <SetupTable value={f.value ?? []} onChange={f.onChange} fmt={fmt} />}
      </Field>
    </BookingFormShell>
  );
}

// --- Hotel -------------------------------------------------------------------------------------

export function HotelForm({ target, facts, onClose }: KindFormProps<'hotel'>) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const form = useZodForm(hotelForm, { detail: target.initial });
  const hotels = useResources('hotel');
  const c = form.control;
  const [hotelId, roomType, rooms, nights] = useWatch({
    control: c,
    name: ['detail.hotelId', 'detail.roomType', 'detail.rooms', 'detail.nights'],
  });
  const hotel = hotels.find((h) => h.id === hotelId);
  const types = hotel?.details.kind === 'hotel' ? hotel.details.roomTypes : [];
  const price = types.find((x) => x.name === roomType)?.priceFen;
  const total =
    price !== undefined && Number.isInteger(rooms) && Number.isInteger(nights)
      ? price * (rooms ?? 0) * (nights ?? 0)
      : null;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Field control={c} name="detail.hotelId" label={t('bookingsPlan.form.hotel')} required>
            {(f) => (
              <Select
                {...f}
                value={idValue(f.value)}
                id="detail.hotelId"
                onChange={(v: number) => {
                  f.onChange(v);
                  const h = hotels.find((x) => x.id === v);
                  const first = h?.details.kind === 'hotel' ? h.details.roomTypes[0]?.name : '';
                  form.setValue('detail.roomType', first ?? '');
                }}
                options={resourceOptions(hotels, (r) =>
                  t('bookingsPlan.form.hotelOption', {
                    name: r.name,
                    star:
                      r.details.kind === 'hotel' && r.details.star !== null
                        ? t('bookingsPlan.form.star', { n: r.details.star })
                        : '—',
                  }),
                )}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            control={c}
            name="detail.roomType"
            label={t('bookingsPlan.form.roomType')}
            required
          >
            {(f) => (
              <Select
                {...f}
                value={f.value || undefined}
                id="detail.roomType"
                options={types.map((x) => ({
                  value: x.name,
                  label: t('bookingsPlan.form.roomTypeOption', {
                    name: x.name,
                    price: fmt.money(x.priceFen),
                  }),
                }))}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field
            control={c}
            name="detail.checkInDate"
            label={t('bookingsPlan.form.checkInDate')}
            required
          >
            {(f) => (
              <DateTimeField
                id="detail.checkInDate"
                mode="date"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={c} name="detail.rooms" label={t('bookingsPlan.form.rooms')} required>
            {(f) => <CountInput {...f} id="detail.rooms" />}
          </Field>
        </Col>
        <Col xs={12} md={8}>
          <Field control={c} name="detail.nights" label={t('bookingsPlan.form.nights')} required>
            {(f) => <CountInput {...f} id="detail.nights" />}
          </Field>
        </Col>
      </Row>
      <Field
        control={c}
        name="detail.payer"
        label={t('bookingsPlan.form.payer')}
        help={facts.companyLodging ? undefined : t('bookingsPlan.form.companyNotApproved')}
      >
        {(f) => (
          <Radio.Group
            id="detail.payer"
            value={f.value}
            onChange={(e) => f.onChange(e.target.value)}
            options={[
              { value: 'visitor', label: t('bookings.payer.visitor') },
              {
                value: 'company',
                label: t('bookings.payer.company'),
                disabled: !facts.companyLodging,
              },
            ]}
          />
        )}
      </Field>
      {total !== null && price !== undefined && (
        <Typography.Paragraph strong data-testid="hotel-total">
          {t('bookingsPlan.form.hotelTotal', {
            total: fmt.money(total),
            price: fmt.money(price),
            rooms: rooms ?? 0,
            nights: nights ?? 0,
          })}
        </Typography.Paragraph>
      )}
    </BookingFormShell>
  );
}

// --- Restaurant --------------------------------------------------------------------------------

export function RestaurantForm({ target, facts, onClose }: KindFormProps<'restaurant'>) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const form = useZodForm(restaurantForm, { detail: target.initial });
  const restaurants = useResources('restaurant');
  const c = form.control;
  const [restaurantId, covers, perHeadFen] = useWatch({
    control: c,
    name: ['detail.restaurantId', 'detail.covers', 'detail.perHeadFen'],
  });
  const restaurant = restaurants.find((r) => r.id === restaurantId);
  const privateRooms =
    restaurant?.details.kind === 'restaurant' ? restaurant.details.privateRooms : [];
  const cap = facts.mealCapFen;
  const known = Number.isInteger(perHeadFen) && Number.isInteger(covers);
  const over = known && cap !== undefined ? mealOverCap(perHeadFen ?? 0, covers ?? 0, cap) : null;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Field
            control={c}
            name="detail.restaurantId"
            label={t('bookingsPlan.form.restaurant')}
            required
          >
            {(f) => (
              <Select
                {...f}
                value={idValue(f.value)}
                id="detail.restaurantId"
                onChange={(v: number) => {
                  f.onChange(v);
                  form.setValue('detail.privateRoom', '');
                }}
                options={resourceOptions(restaurants, (r) =>
                  t('bookingsPlan.form.restaurantOption', {
                    name: r.name,
                    price: fmt.money(r.details.kind === 'restaurant' ? r.details.perHeadFen : 0),
                  }),
                )}
              />
            )}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field control={c} name="detail.privateRoom" label={t('bookingsPlan.form.privateRoom')}>
            {(f) => (
              <Select
                {...f}
                id="detail.privateRoom"
                options={[
                  { value: '', label: t('bookingsPlan.form.noPrivateRoom') },
                  ...privateRooms.map((p) => ({
                    value: p.name,
                    label: t('bookingsPlan.form.privateRoomOption', {
                      name: p.name,
                      capacity: p.capacity,
                    }),
                  })),
                ]}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.meal" label={t('bookingsPlan.form.meal')} required>
            {(f) => (
              <Select
                {...f}
                id="detail.meal"
                options={MEALS.map((m) => ({ value: m, label: t(`labels.meal.${m}`) }))}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.date" label={t('bookingsPlan.form.date')} required>
            {(f) => (
              <DateTimeField
                id="detail.date"
                mode="date"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.time" label={t('bookingsPlan.form.time')} required>
            {(f) => (
              <DateTimeField
                id="detail.time"
                mode="time"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.covers" label={t('bookingsPlan.form.covers')} required>
            {(f) => <CountInput {...f} id="detail.covers" />}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field
            control={c}
            name="detail.perHeadFen"
            label={t('bookingsPlan.form.perHead')}
            required
          >
            {(f) => <MoneyInput {...f} id="detail.perHeadFen" />}
          </Field>
        </Col>
        <Col xs={24} md={16}>
          <div className="bp-cap" data-testid="meal-cap">
            {cap === null ? (
              <Typography.Text type="secondary">{t('bookingsPlan.form.mealNoCap')}</Typography.Text>
            ) : (
              cap !== undefined && (
                <Typography.Text type="secondary">
                  {t('bookingsPlan.form.mealCap', { cap: fmt.money(cap) })}
                </Typography.Text>
              )
            )}
            {known && (
              <Typography.Text>
                {' · '}
                {t('bookingsPlan.form.mealTotal', {
                  total: fmt.money((perHeadFen ?? 0) * (covers ?? 0)),
                })}
              </Typography.Text>
            )}
            {over && over.overPerHeadFen > 0 && (
              <div>
                <Typography.Text type="danger" strong data-testid="meal-over">
                  {t('bookingsPlan.form.mealOver', {
                    per: fmt.money(over.overPerHeadFen),
                    total: fmt.money(over.overTotalFen),
                  })}
                </Typography.Text>
              </div>
            )}
          </div>
        </Col>
      </Row>
    </BookingFormShell>
  );
}

// --- Ticket ------------------------------------------------------------------------------------

export function TicketForm({ target, facts, onClose }: KindFormProps<'ticket'>) {
  const { t } = useBookingFmt();
  const form = useZodForm(ticketForm, { detail: target.initial });
  const c = form.control;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.mode" label={t('bookingsPlan.form.mode')} required>
            {(f) => (
              <Select
                {...f}
                id="detail.mode"
                options={TICKET_MODES.map((m) => ({
                  value: m,
                  label: t(`bookings.ticketMode.${m}`),
                }))}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.number" label={t('bookingsPlan.form.number')}>
            {(f) => <Input {...f} id="detail.number" maxLength={20} />}
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field
            control={c}
            name="detail.travellers"
            label={t('bookingsPlan.form.travellers')}
            required
          >
            {(f) => <Input {...f} id="detail.travellers" maxLength={200} />}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.from" label={t('bookingsPlan.form.ticketFrom')} required>
            {(f) => <Input {...f} id="detail.from" maxLength={50} />}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.to" label={t('bookingsPlan.form.ticketTo')} required>
            {(f) => <Input {...f} id="detail.to" maxLength={50} />}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field
            control={c}
            name="detail.departDate"
            label={t('bookingsPlan.form.departDate')}
            required
          >
            {(f) => (
              <DateTimeField
                id="detail.departDate"
                mode="date"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field
            control={c}
            name="detail.departTime"
            label={t('bookingsPlan.form.departTime')}
            required
          >
            {(f) => (
              <DateTimeField
                id="detail.departTime"
                mode="time"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Field control={c} name="detail.priceFen" label={t('bookingsPlan.form.price')} required>
            {(f) => <MoneyInput {...f} id="detail.priceFen" />}
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field
            control={c}
            name="detail.ticketStatus"
            label={t('bookingsPlan.form.ticketStatus')}
            required
          >
            {(f) => (
              <Select
                {...f}
                id="detail.ticketStatus"
                options={TICKET_STATUSES.map((s) => ({
                  value: s,
                  label: t(`bookings.ticketStatus.${s}`),
                }))}
              />
            )}
          </Field>
        </Col>
      </Row>
    </BookingFormShell>
  );
}

// --- Supplies ----------------------------------------------------------------------------------

export function SupplyForm({ target, facts, onClose }: KindFormProps<'supply'>) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const form = useZodForm(supplyForm, {
    detail: {
      ...target.initial,
      items: target.initial.items.map((i) => ({ supplyId: i.supplyId, quantity: i.quantity })),
    },
  });
  const supplies = useResources('supply');
  const c = form.control;
  const items = useFieldArray({ control: c, name: 'detail.items' });
  const listError = form.formState.errors.detail?.items;
  const listMessage =
    (listError as { message?: string; root?: { message?: string } } | undefined)?.message ??
    (listError as { root?: { message?: string } } | undefined)?.root?.message;
  return (
    <BookingFormShell form={form} target={target} facts={facts} onClose={onClose}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Field control={c} name="detail.date" label={t('bookingsPlan.form.supplyDate')} required>
            {(f) => (
              <DateTimeField
                id="detail.date"
                mode="date"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Typography.Text strong>{t('bookingsPlan.form.items')}</Typography.Text>
      {items.fields.map((row, n) => (
        <Row gutter={12} key={row.id} align="bottom">
          <Col flex="auto">
            <Field
              control={c}
              name={`detail.items.${n}.supplyId`}
              label={t('bookingsPlan.form.supply')}
              required
            >
              {(f) => (
                <Select
                  {...f}
                  value={idValue(f.value)}
                  id={`detail.items.${n}.supplyId`}
                  options={resourceOptions(supplies, (r) =>
                    t('bookingsPlan.form.stockOption', {
                      name: r.name,
                      stock: r.stock,
                      unit: r.details.kind === 'supply' ? r.details.unit : '',
                    }),
                  )}
                />
              )}
            </Field>
          </Col>
          <Col flex="140px">
            <Field
              control={c}
              name={`detail.items.${n}.quantity`}
              label={t('bookingsPlan.form.quantity')}
              required
            >
              {(f) => <CountInput {...f} id={`detail.items.${n}.quantity`} />}
            </Field>
          </Col>
          <Col flex="none">
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('bookingsPlan.form.removeItem')}
              disabled={items.fields.length <= 1}
              onClick={() => items.remove(n)}
              style={{ marginBottom: 24 }}
            />
          </Col>
        </Row>
      ))}
      {listMessage && (
        <Typography.Paragraph type="danger" role="alert">
          {t(listMessage)}
        </Typography.Paragraph>
      )}
      <Button icon={<PlusOutlined />} onClick={() => items.append({ supplyId: 0, quantity: 1 })}>
        {t('bookingsPlan.form.addItem')}
      </Button>
    </BookingFormShell>
  );
}
