import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Select, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DRIVER_LEAD_MINUTES } from '../../../../../shared/bookings/rules';
import type { DayView } from '../../../../../shared/bookings/views';
import { isCalendarDate } from '../../../../../shared/dates';
import { useOp } from '../../../api/queries';
import { useSignedIn } from '../../../session/SessionContext';
import { useFmt, type Fmt } from '../../requests';
import { byKind, DASH, driverText, resourceOf, timeOn, vehicleText, type BookingOf } from './day';
import './sheets.css';

/** The time on the paper: when the page was opened, and again when it is printed. */
function usePrintedAt(): number {
  const [at, setAt] = useState(() => Date.now());
  useEffect(() => {
    const refresh = () => flushSync(() => setAt(Date.now()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return at;
}

/**
 * A day sheet on A4 portrait, outside the app layout: a screen-only toolbar (back, what else the
 * sheet may be narrowed to, print), then the sheet, made from `bookings.day`.
 */
function SheetFrame({
  date,
  tools,
  children,
}: {
  date: string | undefined;
  tools?: ReactNode;
  children: (day: DayView, fmt: Fmt) => ReactNode;
}) {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const valid = date !== undefined && isCalendarDate(date);
  const query = useOp('bookings.day', { date: valid ? date : '1970-01-01' }, { enabled: valid });
  const back = () => void navigate(valid ? `/bookings/today?date=${date}` : '/bookings/today');
  return (
    <div className="bs-page">
      <div className="bs-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('bookingsCalendar.sheet.back')}
        </Button>
        {tools}
        <span className="bs-hint">{t('bookingsCalendar.sheet.hint')}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!query.data}
          onClick={() => window.print()}
        >
          {t('bookingsCalendar.sheet.print')}
        </Button>
      </div>
      {!valid || query.isError ? (
        <div className="bs-state">
          <Result
            status="error"
            title={t('bookingsCalendar.sheet.loadFailed')}
            subTitle={query.error ? t(query.error.key, query.error.params) : undefined}
          />
        </div>
      ) : !query.data ? (
        <div className="bs-state">
          <Spin size="large" />
        </div>
      ) : (
        children(query.data, fmt)
      )}
    </div>
  );
}

/** The sheet's head: company, title, date and when it was printed. */
function SheetHead({
  fmt,
  title,
  date,
  count,
}: {
  fmt: Fmt;
  title: string;
  date: string;
  count: string;
}) {
  const session = useSignedIn();
  const printedAt = usePrintedAt();
  const { t } = fmt;
  return (
    <header className="bs-head">
      {session.settings.companyName && (
        <div className="bs-company">{session.settings.companyName}</div>
      )}
      <h1 className="bs-title">{title}</h1>
      <div className="bs-meta">
        <span>
          {fmt.label(t('bookingsCalendar.sheet.date'))}
          <b>{fmt.day(date, { weekday: true })}</b>
        </span>
        <span>{count}</span>
        <span>{t('bookingsCalendar.sheet.printedAt', { time: fmt.instant(printedAt) })}</span>
      </div>
    </header>
  );
}

/** A label and a rule to write on. */
function WriteLine({ label, fmt }: { label: string; fmt: Fmt }) {
  return (
    <div className="bs-write">
      <span>{fmt.label(label)}</span>
      <span className="bs-rule" />
    </div>
  );
}

/**
 * 司机出车单: the day's car trips in the order the drivers must be out, each with its call time
 * (15 minutes before the pickup, the procedures), route, flight or train, passengers, vehicle,
 * driver, request, host and a line for the driver's signature. `?driver=` narrows it to one driver.
 */
export function TripSheetPage() {
  const { date } = useParams();
  const [params, setParams] = useSearchParams();
  const driver = Number(params.get('driver')) || null;
  const fmtForTools = useFmt();
  const valid = date !== undefined && isCalendarDate(date);
  const day = useOp('bookings.day', { date: valid ? date : '1970-01-01' }, { enabled: valid }).data;
  const drivers = day
    ? [
        ...new Map(
          byKind(day).car.map((b) => [b.detail.driverId, b.names[b.detail.driverId] ?? '']),
        ).entries(),
      ]
    : [];
  const tools = (
    <Select
      className="bs-select"
      aria-label={fmtForTools.t('bookingsCalendar.sheet.trips.driverFilter')}
      value={driver ?? 0}
      onChange={(v: number) => setParams(v ? { driver: String(v) } : {}, { replace: true })}
      options={[
        { value: 0, label: fmtForTools.t('bookingsCalendar.sheet.trips.allDrivers') },
        ...drivers.map(([id, name]) => ({ value: id, label: name })),
      ]}
    />
  );
  return (
    <SheetFrame date={date} tools={tools}>
      {(d, fmt) => {
        const { t } = fmt;
        const trips = byKind(d).car.filter((b) => driver === null || b.detail.driverId === driver);
        return (
          <article className="bs-sheet" lang={fmt.language} data-testid="print-sheet">
            <SheetHead
              fmt={fmt}
              title={t('bookingsCalendar.sheet.trips.title')}
              date={d.date}
              count={t('bookingsCalendar.sheet.trips.count', { count: trips.length })}
            />
            {trips.length === 0 && <p className="bs-none">{t('bookingsCalendar.sheet.none')}</p>}
            {trips.map((b, i) => (
              <Trip key={b.id} b={b} n={i + 1} day={d} fmt={fmt} />
            ))}
          </article>
        );
      }}
    </SheetFrame>
  );
}

function Trip({ b, n, day, fmt }: { b: BookingOf<'car'>; n: number; day: DayView; fmt: Fmt }) {
  const { t } = fmt;
  const k = (key: string) => t(`bookingsCalendar.sheet.trips.${key}`);
  return (
    <section className="bs-block" data-testid="trip">
      <h2>
        {t('bookingsCalendar.sheet.trips.trip', { n })} ·{' '}
        {t(`bookings.carKind.${b.detail.carKind}`)}
        {b.status === 'tentative' && (
          <span className="bs-tentative">{fmt.paren(t('bookings.status.tentative'))}</span>
        )}
      </h2>
      <table className="bs-table">
        <colgroup>
          <col className="bs-th" />
          <col />
          <col className="bs-th" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{k('callTime')}</th>
            <td>
              <b className="bs-call" data-testid="trip-call">
                {timeOn(fmt, b.driverCallMs ?? b.startMs, day.date)}
              </b>
              <span className="bs-sub">
                {fmt.paren(
                  t('bookingsCalendar.sheet.trips.callNote', { minutes: DRIVER_LEAD_MINUTES }),
                )}
              </span>
            </td>
            <th>{k('pickupTime')}</th>
            <td>
              <b>{timeOn(fmt, b.startMs, day.date)}</b> – {timeOn(fmt, b.endMs, day.date)}
            </td>
          </tr>
          <tr>
            <th>{k('route')}</th>
            <td colSpan={3}>
              {b.detail.from} → {b.detail.to}
            </td>
          </tr>
          <tr>
            <th>{k('transportNo')}</th>
            <td>{b.detail.transportNo || DASH}</td>
            <th>{k('passengers')}</th>
            <td>{t('bookingsCalendar.today.people', { count: b.detail.passengers })}</td>
          </tr>
          <tr>
            <th>{k('vehicle')}</th>
            <td>{vehicleText(fmt, day, b)}</td>
            <th>{k('driver')}</th>
            <td>{driverText(day, b)}</td>
          </tr>
          <tr>
            <th>{k('request')}</th>
            <td>
              {b.requestCode}
              <span className="bs-sub">{b.orgName}</span>
            </td>
            <th>{k('host')}</th>
            <td>{day.hosts[b.requestId] ?? DASH}</td>
          </tr>
        </tbody>
      </table>
      <div className="bs-writes">
        <WriteLine label={k('mileage')} fmt={fmt} />
        <WriteLine label={k('driverSign')} fmt={fmt} />
      </div>
    </section>
  );
}

/**
 * 会议室布置单: each room booking of the day — room, time, attendees, request and host — with its
 * setup items, who is responsible for each and a box to tick, and a line for who checked it.
 */
export function RoomSheetPage() {
  const { date } = useParams();
  return (
    <SheetFrame date={date}>
      {(d, fmt) => {
        const { t } = fmt;
        const rooms = byKind(d).room;
        return (
          <article className="bs-sheet" lang={fmt.language} data-testid="print-sheet">
            <SheetHead
              fmt={fmt}
              title={t('bookingsCalendar.sheet.rooms.title')}
              date={d.date}
              count={t('bookingsCalendar.sheet.rooms.count', { count: rooms.length })}
            />
            {rooms.length === 0 && <p className="bs-none">{t('bookingsCalendar.sheet.none')}</p>}
            {rooms.map((b) => (
              <RoomSetup key={b.id} b={b} day={d} fmt={fmt} />
            ))}
          </article>
        );
      }}
    </SheetFrame>
  );
}

function RoomSetup({ b, day, fmt }: { b: BookingOf<'room'>; day: DayView; fmt: Fmt }) {
  const { t } = fmt;
  const k = (key: string) => t(`bookingsCalendar.sheet.rooms.${key}`);
  const place = resourceOf(day, b.detail.roomId, 'room')?.place;
  return (
    <section className="bs-block" data-testid="room-setup">
      <h2>
        {b.names[b.detail.roomId] ?? DASH}
        {place ? fmt.paren(place) : ''}
        {b.status === 'tentative' && (
          <span className="bs-tentative">{fmt.paren(t('bookings.status.tentative'))}</span>
        )}
      </h2>
      <table className="bs-table">
        <colgroup>
          <col className="bs-th" />
          <col />
          <col className="bs-th" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{k('time')}</th>
            <td>
              <b>
                {timeOn(fmt, b.startMs, day.date)} – {timeOn(fmt, b.endMs, day.date)}
              </b>
            </td>
            <th>{k('attendees')}</th>
            <td>{t('bookingsCalendar.today.people', { count: b.detail.attendees })}</td>
          </tr>
          <tr>
            <th>{k('request')}</th>
            <td>
              {b.requestCode}
              <span className="bs-sub">{b.orgName}</span>
            </td>
            <th>{k('host')}</th>
            <td>{day.hosts[b.requestId] ?? DASH}</td>
          </tr>
        </tbody>
      </table>
      <table className="bs-table bs-items">
        <colgroup>
          <col className="bs-idx" />
          <col />
          <col className="bs-who" />
          <col className="bs-tick" />
        </colgroup>
        <thead>
          <tr>
            <th className="bs-center">#</th>
            <th>{k('item')}</th>
            <th>{k('responsible')}</th>
            <th className="bs-center">{k('done')}</th>
          </tr>
        </thead>
        <tbody>
          {b.detail.setup.length === 0 && (
            <tr>
              <td colSpan={4} className="bs-center">
                {k('noItems')}
              </td>
            </tr>
          )}
          {b.detail.setup.map((s, i) => (
            <tr key={s.item} data-testid="setup-item">
              <td className="bs-center">{i + 1}</td>
              <td>{t(`bookings.setupItem.${s.item}`)}</td>
              <td>{s.responsible || DASH}</td>
              <td className="bs-center">
                <span
                  className={`bs-box${s.done ? ' bs-ticked' : ''}`}
                  role="img"
                  aria-label={k(s.done ? 'ticked' : 'unticked')}
                >
                  {s.done ? '✓' : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bs-writes">
        <WriteLine label={k('checker')} fmt={fmt} />
        <WriteLine label={t('bookingsCalendar.sheet.signDate')} fmt={fmt} />
      </div>
    </section>
  );
}
