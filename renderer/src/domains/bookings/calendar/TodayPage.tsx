import { PrinterOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Progress,
  Space,
  Spin,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { BookingStatus } from '../../../../../shared/bookings/schema';
import type { DayView } from '../../../../../shared/bookings/views';
import { isCalendarDate } from '../../../../../shared/dates';
import { keepPreviousData, useErrorToast, useOp } from '../../../api/queries';
import { useNow } from '../../../components/useNow';
import { useFmt, type Fmt } from '../../requests';
import { ExportButton } from '../../exports';
import { byKind, DASH, driverText, resourceOf, timeOn, vehicleText, type BookingOf } from './day';
import { DateNav, useDateKeys } from './DateNav';
import { useRequestPath } from './links';
import { companyToday } from './timeline';
import './calendar.css';

const STATUS_COLOR: Record<BookingStatus, string> = {
  tentative: 'default',
  confirmed: 'processing',
  done: 'success',
  cancelled: 'default',
};

/**
 * 今日安排: what the admin office runs on one day — the cars in the order the drivers must be out
 * (their call time first and large), the rooms with how far their setup is, meals, hotel
 * check-ins, tickets and supplies — and the two printed sheets of that day.
 */
export function TodayPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const today = companyToday(now, fmt.tz);
  const dateParam = params.get('date');
  const date = dateParam && isCalendarDate(dateParam) ? dateParam : today;
  const go = (d: string) => setParams({ date: d }, { replace: true });
  useDateKeys(date, 'day', today, go);
  const query = useOp('bookings.day', { date }, { placeholderData: keepPreviousData });
  useErrorToast(query.error);
  const day = query.data?.date === date ? query.data : undefined;
  const groups = day ? byKind(day) : null;
  const total = groups ? Object.values(groups).reduce((n, g) => n + g.length, 0) : 0;

  return (
    <div className="bc-page">
      <div className="page-header">
        <h1>{t('bookingsCalendar.today.title')}</h1>
        <span className="bc-range" data-testid="today-date" aria-live="polite">
          {fmt.day(date, { weekday: true })}
          {groups && total > 0 && (
            <span className="bc-muted bc-count">
              {t('bookingsCalendar.today.count', { count: total })}
            </span>
          )}
        </span>
        <Space wrap>
          <Button
            icon={<PrinterOutlined />}
            disabled={!groups || groups.car.length === 0}
            onClick={() => void navigate(`/bookings/print/trips/${date}`)}
          >
            {t('bookingsCalendar.today.printTrips')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!groups || groups.room.length === 0}
            onClick={() => void navigate(`/bookings/print/rooms/${date}`)}
          >
            {t('bookingsCalendar.today.printRooms')}
          </Button>
          <ExportButton filter={{ source: 'bookings', from: date, to: date }} />
        </Space>
      </div>
      <div className="bc-toolbar">
        <DateNav date={date} mode="day" today={today} onChange={go} tomorrow />
        <span className="bc-muted">{t('bookingsCalendar.dateNav.keys')}</span>
      </div>
      {!day || !groups ? (
        <div className="bc-loading">
          <Spin />
        </div>
      ) : total === 0 ? (
        <Empty
          className="bc-empty"
          description={
            <>
              <div>{t('bookingsCalendar.today.empty')}</div>
              <div className="bc-muted">{t('bookingsCalendar.today.emptyHint')}</div>
            </>
          }
        />
      ) : (
        <div className="bt-sections">
          <Section kind="car" rows={groups.car} columns={carColumns(fmt, day)} fmt={fmt} />
          <Section kind="room" rows={groups.room} columns={roomColumns(fmt, day)} fmt={fmt} />
          <Section
            kind="restaurant"
            rows={groups.restaurant}
            columns={restaurantColumns(fmt, day)}
            fmt={fmt}
          />
          <Section kind="hotel" rows={groups.hotel} columns={hotelColumns(fmt, day)} fmt={fmt} />
          <Section kind="ticket" rows={groups.ticket} columns={ticketColumns(fmt, day)} fmt={fmt} />
          <Section kind="supply" rows={groups.supply} columns={supplyColumns(fmt, day)} fmt={fmt} />
        </div>
      )}
    </div>
  );
}

function Section<K extends keyof ReturnType<typeof byKind>>({
  kind,
  rows,
  columns,
  fmt,
}: {
  kind: K;
  rows: BookingOf<K>[];
  columns: TableColumnsType<BookingOf<K>>;
  fmt: Fmt;
}) {
  if (rows.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <h2 className="bt-title">
          {fmt.t(`bookingsCalendar.today.section.${kind}`)}
          <span className="bt-n">{rows.length}</span>
        </h2>
      }
      data-testid={`today-${kind}`}
    >
      <Table<BookingOf<K>>
        rowKey="id"
        size="small"
        pagination={false}
        columns={[
          ...columns,
          {
            title: fmt.t('bookingsCalendar.today.col.request'),
            key: 'request',
            width: 160,
            render: (_, b) => <RequestCell b={b} />,
          },
          {
            title: fmt.t('bookingsCalendar.today.col.status'),
            key: 'status',
            width: 84,
            render: (_, b) => (
              <Tag color={STATUS_COLOR[b.status]}>{fmt.t(`bookings.status.${b.status}`)}</Tag>
            ),
          },
        ]}
        dataSource={rows}
        onRow={(b) => ({ 'data-testid': 'today-row', 'data-booking-id': b.id }) as never}
      />
    </Card>
  );
}

function RequestCell({ b }: { b: { requestId: number; requestCode: string; orgName: string } }) {
  const path = useRequestPath();
  return (
    <div className="bt-request">
      <Link to={path(b.requestId)}>{b.requestCode}</Link>
      <div className="bc-muted bt-ellipsis" title={b.orgName}>
        {b.orgName}
      </div>
    </div>
  );
}

const two = (top: ReactNode, bottom: ReactNode) => (
  <>
    <div>{top}</div>
    <div className="bc-muted">{bottom}</div>
  </>
);

function carColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'car'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.callTime'),
      key: 'call',
      width: 110,
      render: (_, b) => (
        <span className="bt-call" data-testid="call-time">
          {timeOn(fmt, b.driverCallMs ?? b.startMs, day.date)}
        </span>
      ),
    },
    {
      title: t('bookingsCalendar.today.col.pickupTime'),
      key: 'time',
      width: 110,
      render: (_, b) =>
        two(timeOn(fmt, b.startMs, day.date), t(`bookings.carKind.${b.detail.carKind}`)),
    },
    {
      title: t('bookingsCalendar.today.col.route'),
      key: 'route',
      render: (_, b) => (
        <span>
          {b.detail.from} → {b.detail.to}
        </span>
      ),
    },
    {
      title: t('bookingsCalendar.today.col.transportNo'),
      key: 'no',
      width: 100,
      render: (_, b) => b.detail.transportNo || DASH,
    },
    {
      title: t('bookingsCalendar.today.col.passengers'),
      key: 'pax',
      width: 90,
      render: (_, b) => t('bookingsCalendar.today.people', { count: b.detail.passengers }),
    },
    {
      title: t('bookingsCalendar.today.col.vehicleDriver'),
      key: 'vd',
      width: 210,
      render: (_, b) => two(vehicleText(fmt, day, b), driverText(day, b)),
    },
  ];
}

function roomColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'room'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.time'),
      key: 'time',
      width: 150,
      render: (_, b) => `${timeOn(fmt, b.startMs, day.date)} – ${timeOn(fmt, b.endMs, day.date)}`,
    },
    {
      title: t('bookingsCalendar.today.col.room'),
      key: 'room',
      width: 170,
      render: (_, b) =>
        two(
          b.names[b.detail.roomId] ?? DASH,
          resourceOf(day, b.detail.roomId, 'room')?.place || '',
        ),
    },
    {
      title: t('bookingsCalendar.today.col.attendees'),
      key: 'n',
      width: 80,
      render: (_, b) => t('bookingsCalendar.today.people', { count: b.detail.attendees }),
    },
    {
      title: t('bookingsCalendar.today.col.setup'),
      key: 'setup',
      render: (_, b) => {
        const items = b.detail.setup;
        if (items.length === 0)
          return <span className="bc-muted">{t('bookingsCalendar.today.setupNone')}</span>;
        const done = items.filter((i) => i.done).length;
        const left = items.filter((i) => !i.done).map((i) => t(`bookings.setupItem.${i.item}`));
        return (
          <div data-testid="setup-progress">
            <Space size={8}>
              <Progress
                percent={Math.round((done / items.length) * 100)}
                size="small"
                showInfo={false}
                style={{ width: 90 }}
                aria-hidden
              />
              <span>{t('bookingsCalendar.today.setupDone', { done, total: items.length })}</span>
            </Space>
            {left.length > 0 && (
              <div className="bc-muted">
                {t('bookingsCalendar.today.setupLeft', { items: fmt.list(left) })}
              </div>
            )}
          </div>
        );
      },
    },
  ];
}

function restaurantColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'restaurant'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.time'),
      key: 'time',
      width: 110,
      render: (_, b) => two(timeOn(fmt, b.startMs, day.date), t(`labels.meal.${b.detail.meal}`)),
    },
    {
      title: t('bookingsCalendar.today.col.restaurant'),
      key: 'r',
      render: (_, b) => two(b.names[b.detail.restaurantId] ?? DASH, b.detail.privateRoom),
    },
    {
      title: t('bookingsCalendar.today.col.covers'),
      key: 'covers',
      width: 80,
      render: (_, b) => t('bookingsCalendar.today.people', { count: b.detail.covers }),
    },
    {
      title: t('bookingsCalendar.today.col.perHead'),
      key: 'price',
      width: 170,
      render: (_, b) => (
        <Space size={4} wrap>
          {fmt.money(b.detail.perHeadFen)}
          {b.mealCap && b.mealCap.overPerHeadFen > 0 && (
            <Tag color="error">
              {t('bookingsCalendar.today.overCap', { amount: fmt.money(b.mealCap.overPerHeadFen) })}
            </Tag>
          )}
        </Space>
      ),
    },
  ];
}

function hotelColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'hotel'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.hotel'),
      key: 'hotel',
      render: (_, b) => (
        <Space size={6} wrap>
          {b.names[b.detail.hotelId] ?? DASH}
          {b.detail.checkInDate === day.date ? (
            <Tag color="green">{t('bookingsCalendar.today.checkInToday')}</Tag>
          ) : (
            <Tag>{t('bookingsCalendar.today.staying')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('bookingsCalendar.today.col.rooms'),
      key: 'rooms',
      width: 150,
      render: (_, b) => `${b.detail.roomType} × ${b.detail.rooms}`,
    },
    {
      title: t('bookingsCalendar.today.col.stay'),
      key: 'stay',
      width: 220,
      render: (_, b) =>
        two(
          `${timeOn(fmt, b.startMs, day.date)} – ${timeOn(fmt, b.endMs, day.date)}`,
          t('bookingsCalendar.today.nights', { count: b.detail.nights }),
        ),
    },
    {
      title: t('bookingsCalendar.today.col.payer'),
      key: 'payer',
      width: 100,
      render: (_, b) => t(`bookings.payer.${b.detail.payer}`),
    },
  ];
}

function ticketColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'ticket'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.time'),
      key: 'time',
      width: 110,
      render: (_, b) => timeOn(fmt, b.startMs, day.date),
    },
    {
      title: t('bookingsCalendar.today.col.ticket'),
      key: 'no',
      width: 130,
      render: (_, b) => two(b.detail.number || DASH, t(`bookings.ticketMode.${b.detail.mode}`)),
    },
    {
      title: t('bookingsCalendar.today.col.route'),
      key: 'route',
      width: 180,
      render: (_, b) => `${b.detail.from} → ${b.detail.to}`,
    },
    {
      title: t('bookingsCalendar.today.col.travellers'),
      key: 'who',
      render: (_, b) => b.detail.travellers,
    },
    {
      title: t('bookingsCalendar.today.col.ticketStatus'),
      key: 'ts',
      width: 90,
      render: (_, b) => t(`bookings.ticketStatus.${b.detail.ticketStatus}`),
    },
  ];
}

function supplyColumns(fmt: Fmt, day: DayView): TableColumnsType<BookingOf<'supply'>> {
  const { t } = fmt;
  return [
    {
      title: t('bookingsCalendar.today.col.items'),
      key: 'items',
      render: (_, b) =>
        fmt.list(
          b.detail.items.map((i) => {
            const unit = resourceOf(day, i.supplyId, 'supply')?.unit ?? '';
            return `${b.names[i.supplyId] ?? DASH} × ${i.quantity}${unit}`;
          }),
        ),
    },
  ];
}
