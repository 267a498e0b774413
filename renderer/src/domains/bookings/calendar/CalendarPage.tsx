import { Empty, Segmented, Spin, Tooltip } from 'antd';
import { useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { CalendarSlot, CalendarView } from '../../../../../shared/bookings/views';
import { isCalendarDate } from '../../../../../shared/dates';
import { keepPreviousData, useErrorToast, useOp } from '../../../api/queries';
import { useNow } from '../../../components/useNow';
import { useFmt, type Fmt } from '../../requests';
import { DateNav, useDateKeys } from './DateNav';
import { useRequestPath } from './links';
import {
  assignLanes,
  clock,
  companyToday,
  daySegments,
  nowLine,
  position,
  shownDays,
  VISIBLE_FROM_HOUR,
  type CalendarMode,
  type DaySegment,
} from './timeline';
import './calendar.css';

const KINDS = ['room', 'vehicle', 'driver'] as const;
type Kind = (typeof KINDS)[number];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** A slot's piece on one day, with its lane in the resource's row. */
interface Piece {
  slot: CalendarSlot;
  segment: DaySegment;
}

/**
 * 预订日历: the bookings of one kind of resource (rooms, cars, drivers) as a timeline per day
 * (rows = resources, columns = hours; 07:00–22:00 in sight, the whole day scrolls) or a week of
 * days side by side. Blocks are buttons: a click or Enter opens the request. The date, kind and
 * view are in the address, so a link or Back shows the same calendar.
 */
export function CalendarPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const today = companyToday(now, fmt.tz);
  const kindParam = params.get('kind');
  const kind: Kind = KINDS.includes(kindParam as Kind) ? (kindParam as Kind) : 'room';
  const mode: CalendarMode = params.get('view') === 'week' ? 'week' : 'day';
  const dateParam = params.get('date');
  const date = dateParam && isCalendarDate(dateParam) ? dateParam : today;
  const days = useMemo(() => shownDays(date, mode), [date, mode]);

  const set = (next: { kind?: Kind; view?: CalendarMode; date?: string }) =>
    setParams(
      { kind: next.kind ?? kind, view: next.view ?? mode, date: next.date ?? date },
      { replace: true },
    );
  const go = (d: string) => set({ date: d });
  useDateKeys(date, mode, today, go);

  const query = useOp(
    'bookings.calendar',
    { resourceKind: kind, from: days[0] ?? date, days: days.length },
    { placeholderData: keepPreviousData },
  );
  useErrorToast(query.error);
  const view = query.data;
  const kindName = t(`bookings.resourceKind.${kind}`);
  const range =
    mode === 'day'
      ? fmt.day(date, { weekday: true })
      : t('bookingsCalendar.calendar.weekRange', {
          from: fmt.day(days[0] ?? date, { weekday: false }),
          to: fmt.day(days[6] ?? date, { weekday: false }),
        });

  return (
    <div className="bc-page">
      <div className="page-header">
        <h1>{t('bookingsCalendar.calendar.title')}</h1>
        <span className="bc-range" data-testid="calendar-range" aria-live="polite">
          {range}
        </span>
      </div>
      <div className="bc-toolbar">
        <Segmented
          aria-label={t('bookingsCalendar.calendar.kindLabel')}
          value={kind}
          onChange={(k) => set({ kind: k })}
          options={KINDS.map((k) => ({ value: k, label: t(`bookings.resourceKind.${k}`) }))}
          data-testid="calendar-kind"
        />
        <Segmented
          aria-label={t('bookingsCalendar.calendar.modeLabel')}
          value={mode}
          onChange={(m) => set({ view: m })}
          options={(['day', 'week'] as const).map((m) => ({
            value: m,
            label: t(`bookingsCalendar.calendar.mode.${m}`),
          }))}
          data-testid="calendar-mode"
        />
        <DateNav date={date} mode={mode} today={today} onChange={go} />
        <Legend fmt={fmt} />
      </div>
      <Spin spinning={query.isFetching && view !== undefined} delay={200}>
        {!view ? (
          <div className="bc-loading">{query.isPending && <Spin />}</div>
        ) : view.resources.length === 0 ? (
          <Empty
            className="bc-empty"
            description={
              <>
                <div>{t('bookingsCalendar.calendar.noResources', { kind: kindName })}</div>
                <div className="bc-muted">{t('bookingsCalendar.calendar.noResourcesHint')}</div>
              </>
            }
          />
        ) : mode === 'day' ? (
          <DayGrid
            view={view}
            date={date}
            kind={kind}
            now={now}
            fmt={fmt}
            label={t('bookingsCalendar.calendar.timeline', { kind: kindName, range })}
          />
        ) : (
          <WeekGrid
            view={view}
            days={days}
            today={today}
            kind={kind}
            fmt={fmt}
            label={t('bookingsCalendar.calendar.timeline', { kind: kindName, range })}
            openDay={(d) => set({ view: 'day', date: d })}
          />
        )}
      </Spin>
    </div>
  );
}

function Legend({ fmt }: { fmt: Fmt }) {
  const { t } = fmt;
  return (
    <ul className="bc-legend" aria-label={t('bookingsCalendar.calendar.legend')}>
      {(['tentative', 'confirmed', 'done'] as const).map((s) => (
        <li key={s}>
          <span className={`bc-swatch bc-${s}`} aria-hidden="true" />
          {t(`bookings.status.${s}`)}
        </li>
      ))}
    </ul>
  );
}

/** A resource's name and what it holds (seats or people). */
function ResourceLabel({
  r,
  kind,
  fmt,
}: {
  r: CalendarView['resources'][number];
  kind: Kind;
  fmt: Fmt;
}) {
  const { t } = fmt;
  return (
    <div className="bc-label" data-testid="calendar-resource">
      <div className="bc-name" title={r.name}>
        {r.name}
      </div>
      <div className="bc-muted">
        {kind === 'vehicle' && t('bookingsCalendar.calendar.seats', { count: r.capacity })}
        {kind === 'room' && t('bookingsCalendar.calendar.capacity', { count: r.capacity })}
        {!r.active && (
          <span className="bc-inactive">{t('bookingsCalendar.calendar.inactive')}</span>
        )}
      </div>
    </div>
  );
}

/** The pieces of every slot of each resource on these days. */
function piecesByResource(view: CalendarView, days: string[], tz: string): Map<number, Piece[]> {
  const out = new Map<number, Piece[]>();
  for (const slot of view.slots) {
    if (slot.status === 'cancelled') continue;
    for (const segment of daySegments(slot, days, tz)) {
      const list = out.get(slot.resourceId) ?? [];
      list.push({ slot, segment });
      out.set(slot.resourceId, list);
    }
  }
  return out;
}

/** One booking on the calendar: a button that opens its request, with its times in a tooltip. */
function Block({
  piece,
  fmt,
  style,
  compact = false,
}: {
  piece: Piece;
  fmt: Fmt;
  style?: CSSProperties;
  compact?: boolean;
}) {
  const { t } = fmt;
  const navigate = useNavigate();
  const requestPath = useRequestPath();
  const { slot, segment } = piece;
  const from = fmt.instant(slot.startMs, 'datetime');
  const to = fmt.instant(slot.endMs, 'datetime');
  const span = `${clock(segment.startMin)}–${clock(segment.endMin)}`;
  const status = t(`bookings.status.${slot.status}`);
  const tip = (
    <div className="bc-tip">
      <div>
        <b>{slot.requestCode}</b> {slot.orgName}
      </div>
      <div>{t('bookingsCalendar.calendar.blockTime', { from, to })}</div>
      <div>
        {t(`bookings.kind.${slot.kind}`)} · {status}
      </div>
      <div className="bc-tip-hint">{t('bookingsCalendar.calendar.openHint')}</div>
    </div>
  );
  return (
    <Tooltip title={tip} mouseEnterDelay={0.3}>
      <button
        type="button"
        className={`bc-block bc-${slot.status}${segment.fromBefore ? ' bc-cut-start' : ''}${segment.intoNext ? ' bc-cut-end' : ''}${compact ? ' bc-chip' : ''}`}
        style={style}
        data-testid="calendar-block"
        data-booking-id={slot.bookingId}
        data-status={slot.status}
        data-date={segment.date}
        aria-label={t('bookingsCalendar.calendar.block', {
          code: slot.requestCode,
          org: slot.orgName,
          status,
          from,
          to,
        })}
        onClick={() => void navigate(requestPath(slot.requestId))}
      >
        {compact && <span className="bc-block-time">{span}</span>}
        <span className="bc-block-code">{slot.requestCode}</span>
        <span className="bc-block-org">{slot.orgName}</span>
      </button>
    </Tooltip>
  );
}

const LANE_PX = 44;

function DayGrid({
  view,
  date,
  kind,
  now,
  fmt,
  label,
}: {
  view: CalendarView;
  date: string;
  kind: Kind;
  now: number;
  fmt: Fmt;
  label: string;
}) {
  const { t } = fmt;
  const scroller = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => piecesByResource(view, [date], fmt.tz), [view, date, fmt.tz]);
  // 07:00 at the left edge when the day view opens: the office's hours in sight, the night a
  // scroll away.
  useLayoutEffect(() => {
    const el = scroller.current;
    const track = el?.querySelector<HTMLElement>('.bc-head .bc-track');
    if (!el || !track) return;
    el.scrollLeft = (track.offsetWidth * VISIBLE_FROM_HOUR) / 24;
  }, []);
  const nowMin = nowLine(now, date, fmt.tz);

  return (
    <div className="bc-scroll" ref={scroller} role="region" aria-label={label} tabIndex={0}>
      <div className="bc-inner" data-testid="calendar-day">
        <div className="bc-row bc-head">
          <div className="bc-label bc-corner">{t('bookingsCalendar.calendar.resource')}</div>
          <div className="bc-track" aria-hidden="true">
            {HOURS.map((h) => (
              <div key={h} className="bc-hour" data-hour={h}>
                {clock(h * 60)}
              </div>
            ))}
          </div>
        </div>
        {view.resources.map((r) => {
          const mine = pieces.get(r.id) ?? [];
          const { lanes, count } = assignLanes(mine.map((p) => p.segment));
          return (
            <div className="bc-row" key={r.id} data-resource-id={r.id}>
              <ResourceLabel r={r} kind={kind} fmt={fmt} />
              <div className="bc-track bc-lines" style={{ height: count * LANE_PX + 8 }}>
                {mine.map((p, i) => {
                  const { left, width } = position(p.segment);
                  return (
                    <Block
                      key={`${p.slot.bookingId}-${p.segment.date}`}
                      piece={p}
                      fmt={fmt}
                      style={{
                        left: `${left}%`,
                        width: `${width}%`,
                        top: 4 + (lanes[i] ?? 0) * LANE_PX,
                        height: LANE_PX - 4,
                      }}
                    />
                  );
                })}
              </div>
            </div>
          );
        })}
        {nowMin !== null && (
          <div
            className="bc-now"
            data-testid="calendar-now"
            style={{ '--bc-at': nowMin / 1440 } as CSSProperties}
            title={t('bookingsCalendar.calendar.now')}
            aria-hidden="true"
          />
        )}
      </div>
    </div>
  );
}

function WeekGrid({
  view,
  days,
  today,
  kind,
  fmt,
  label,
  openDay,
}: {
  view: CalendarView;
  days: string[];
  today: string;
  kind: Kind;
  fmt: Fmt;
  label: string;
  openDay: (date: string) => void;
}) {
  const { t } = fmt;
  const pieces = useMemo(() => piecesByResource(view, days, fmt.tz), [view, days, fmt.tz]);
  return (
    <div className="bc-week" role="region" aria-label={label} data-testid="calendar-week">
      <div className="bc-week-row bc-head">
        <div className="bc-label bc-corner">{t('bookingsCalendar.calendar.resource')}</div>
        {days.map((d) => {
          const name = fmt.day(d, { weekday: true, year: false });
          return (
            <button
              key={d}
              type="button"
              className={`bc-day${d === today ? ' bc-today' : ''}`}
              data-date={d}
              aria-label={t('bookingsCalendar.calendar.openDay', { day: name })}
              onClick={() => openDay(d)}
            >
              {name}
            </button>
          );
        })}
      </div>
      {view.resources.map((r) => {
        const mine = pieces.get(r.id) ?? [];
        return (
          <div className="bc-week-row" key={r.id} data-resource-id={r.id}>
            <ResourceLabel r={r} kind={kind} fmt={fmt} />
            {days.map((d) => {
              const onDay = mine
                .filter((p) => p.segment.date === d)
                .sort((a, b) => a.segment.startMin - b.segment.startMin);
              return (
                <div key={d} className={`bc-cell${d === today ? ' bc-today' : ''}`} data-date={d}>
                  {onDay.map((p) => (
                    <Block key={p.slot.bookingId} piece={p} fmt={fmt} compact />
                  ))}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
