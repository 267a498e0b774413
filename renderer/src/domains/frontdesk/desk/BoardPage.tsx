import {
  CalendarOutlined,
  ExportOutlined,
  IdcardOutlined,
  LeftOutlined,
  LoginOutlined,
  LogoutOutlined,
  PrinterOutlined,
  RightOutlined,
  SafetyOutlined,
  SearchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Input,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Tooltip,
  type InputRef,
} from 'antd';
import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { addDays, companyDate, isCalendarDate } from '../../../../../shared/dates';
import type { BoardMatch } from '../../../../../shared/frontdesk/search';
import type { BoardGuest, BoardVisit, GuestState } from '../../../../../shared/frontdesk/views';
import { keepPreviousData, useErrorToast, useOp, useOpMutation } from '../../../api/queries';
import { DateTimeField } from '../../../components/DateTimeField';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import { useNow } from '../../../components/useNow';
import { useFmt, type Fmt } from '../../requests';
import { ExportButton } from '../../exports';
import { CheckInModal, type CheckInTarget } from './CheckInModal';
import { badgesPath, useBoardKeys, useOnSiteKey, ON_SITE_PATH } from './keys';
import { badgesInUse, boardCounts, boardMatches, firstCheckIn, watchReasons } from './logic';
import './desk.css';

export const STATE_COLOR: Record<GuestState, string> = {
  expected: 'default',
  arrived: 'green',
  left: 'blue',
  no_show: 'orange',
};

/**
 * 今日访客: the day's expected visits by time, each visitor's state, badge and masked phone; a
 * search box (pinyin initials, phone tail, organisation, plate) that Enter turns into a check-in
 * of the first match; today and tomorrow one key apart; F2 the on-site list. Live: the board is
 * read again on every `frontdesk.changed` event.
 */
export function BoardPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const today = companyDate(now, fmt.tz);
  const dayParam = params.get('day');
  const day = dayParam && isCalendarDate(dayParam) ? dayParam : today;
  const go = (d: string) => setParams(d === today ? {} : { day: d }, { replace: true });
  const searchRef = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [target, setTarget] = useState<CheckInTarget | null>(null);
  useOnSiteKey();
  useBoardKeys(
    (n) => go(addDays(day, n)),
    () => searchRef.current?.focus({ cursor: 'all' }),
  );

  const board = useOp('frontdesk.board', { day }, { placeholderData: keepPreviousData });
  useErrorToast(board.error);
  const view = board.data?.day === day ? board.data : undefined;
  const matches = useMemo(() => boardMatches(view, deferred), [view, deferred]);
  const counts = useMemo(() => boardCounts(view?.visits ?? []), [view]);
  const inUse = useMemo(() => badgesInUse(view?.visits ?? []), [view]);
  const canCheckIn = day === today;

  const openCheckIn = (visit: BoardVisit, guests: BoardGuest[] | null) => {
    if (!view || !canCheckIn) return;
    setTarget({ visit, guests, inUse, noticeRequired: view.noticeRequired, day });
  };
  const onEnter = (e: React.KeyboardEvent) => {
    // No keypress after it: the dialog takes the focus at once, and the keypress of this Enter
    // would press the button it lands on.
    e.preventDefault();
    const first = firstCheckIn(boardMatches(view, query));
    if (first) openCheckIn(first.visit, query.trim() === '' ? null : first.guests);
  };

  return (
    <div className="fd-page">
      <div className="page-header">
        <h1>
          {day === today
            ? t('frontdeskDesk.board.title')
            : t('frontdeskDesk.board.titleOn', { day: fmt.day(day, { weekday: true }) })}
        </h1>
        <span className="fd-counts" data-testid="board-counts" aria-live="polite">
          {t('frontdeskDesk.board.counts', counts)}
        </span>
        <Space wrap>
          <Tooltip title={t('frontdeskDesk.board.onSiteKey')}>
            <Button icon={<SafetyOutlined />} onClick={() => void navigate(ON_SITE_PATH)}>
              {t('frontdeskDesk.board.onSiteKey')}
            </Button>
          </Tooltip>
          <Button icon={<LogoutOutlined />} onClick={() => void navigate('/frontdesk/end-of-day')}>
            {t('frontdeskDesk.board.endOfDay')}
          </Button>
          <ExportButton filter={{ source: 'visitors', day }} />
        </Space>
      </div>
      <div className="fd-toolbar">
        <Input
          ref={searchRef}
          autoFocus
          allowClear
          size="large"
          className="fd-search"
          prefix={<SearchOutlined aria-hidden />}
          aria-label={t('frontdeskDesk.board.search')}
          placeholder={t('frontdeskDesk.board.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onPressEnter={onEnter}
          data-testid="board-search"
        />
        <DayNav day={day} today={today} go={go} />
      </div>
      <div className="fd-hint">{t('frontdeskDesk.board.searchHint')}</div>
      {!view ? (
        <div className="fd-loading">
          <Spin description={t('frontdeskDesk.board.loading')} />
        </div>
      ) : view.visits.length === 0 ? (
        <Empty className="fd-empty" description={t('frontdeskDesk.board.empty')} />
      ) : matches.length === 0 ? (
        <Empty className="fd-empty" description={t('frontdeskDesk.board.noMatch', { query })} />
      ) : (
        <div className="fd-visits" data-testid="board">
          {matches.map((m) => (
            <VisitCard
              key={m.visit.requestId}
              match={m}
              day={day}
              fmt={fmt}
              canCheckIn={canCheckIn}
              onCheckIn={openCheckIn}
            />
          ))}
        </div>
      )}
      {target && <CheckInModal target={target} onClose={() => setTarget(null)} />}
    </div>
  );
}

/** ‹ 今天 明天 › and a date picker; the keys are in the tooltips. */
function DayNav({ day, today, go }: { day: string; today: string; go: (d: string) => void }) {
  const fmt = useFmt();
  const { t } = fmt;
  const tomorrow = addDays(today, 1);
  return (
    <Space size={8} wrap data-testid="day-nav">
      <Space.Compact>
        <Tooltip
          title={`${t('frontdeskDesk.board.prevDay')} · ${t('frontdeskDesk.board.keysToday')}`}
        >
          <Button
            icon={<LeftOutlined />}
            aria-label={t('frontdeskDesk.board.prevDay')}
            onClick={() => go(addDays(day, -1))}
          />
        </Tooltip>
        <Button
          type={day === today ? 'primary' : 'default'}
          aria-pressed={day === today}
          onClick={() => go(today)}
        >
          {t('frontdeskDesk.board.today')}
        </Button>
        <Tooltip title={t('frontdeskDesk.board.keysTomorrow')}>
          <Button
            type={day === tomorrow ? 'primary' : 'default'}
            aria-pressed={day === tomorrow}
            onClick={() => go(tomorrow)}
          >
            {t('frontdeskDesk.board.tomorrow')}
          </Button>
        </Tooltip>
        <Tooltip
          title={`${t('frontdeskDesk.board.nextDay')} · ${t('frontdeskDesk.board.keysTomorrow')}`}
        >
          <Button
            icon={<RightOutlined />}
            aria-label={t('frontdeskDesk.board.nextDay')}
            onClick={() => go(addDays(day, 1))}
          />
        </Tooltip>
      </Space.Compact>
      <DateTimeField
        mode="date"
        id="board-day"
        value={day}
        ariaLabel={t('frontdeskDesk.board.pickDate')}
        style={{ width: 150 }}
        onChange={(d) => {
          if (d) go(d);
        }}
      />
    </Space>
  );
}

const VisitCard = memo(function VisitCard({
  match,
  day,
  fmt,
  canCheckIn,
  onCheckIn,
}: {
  match: BoardMatch;
  day: string;
  fmt: Fmt;
  canCheckIn: boolean;
  onCheckIn: (visit: BoardVisit, guests: BoardGuest[] | null) => void;
}) {
  const { t } = fmt;
  const navigate = useNavigate();
  const { visit, guests } = match;
  const expected = visit.guests.filter((g) => g.state === 'expected');
  const inside = visit.guests.filter((g) => g.state === 'arrived');
  const reasons = watchReasons(
    visit,
    visit.guests.map((g) => g.seq),
  );
  // A visit of several days shows its arrival time on its first day only.
  const time =
    visit.arrivalDate === day ? visit.arrivalTime : fmt.day(visit.arrivalDate, { year: false });
  const badges = () => void navigate(badgesPath(day, visit.requestId));
  return (
    <section
      className="fd-visit"
      aria-label={`${visit.orgName} ${visit.code}`}
      data-testid="board-visit"
      data-request-id={visit.requestId}
    >
      <header className="fd-visit-head">
        <span className="fd-time">{time || '—'}</span>
        <div className="fd-visit-main">
          <div className="fd-visit-title">
            <h2>{visit.orgName}</h2>
            <TierTag tier={visit.tier} />
            <StatusTag status={visit.status} />
            {visit.retroactive && <Tag color="gold">{t('frontdeskDesk.board.retroactive')}</Tag>}
            <span className="fd-muted">{visit.code}</span>
          </div>
          <div className="fd-visit-meta">
            <span>
              {fmt.label(t('frontdeskDesk.board.host'))}
              <b>{visit.hostName}</b>
              {visit.hostPhone && <span className="fd-phone">{visit.hostPhone}</span>}
            </span>
            {visit.rooms.length > 0 && (
              <span>
                <CalendarOutlined aria-hidden /> {fmt.label(t('frontdeskDesk.board.rooms'))}
                {fmt.list(visit.rooms)}
              </span>
            )}
            {visit.cars.length > 0 && (
              <span>
                {fmt.label(t('frontdeskDesk.board.cars'))}
                {fmt.list(visit.cars)}
              </span>
            )}
          </div>
        </div>
        <Space wrap className="fd-visit-actions">
          {canCheckIn && expected.length > 0 && (
            <Button type="primary" icon={<LoginOutlined />} onClick={() => onCheckIn(visit, null)}>
              {t('frontdeskDesk.board.checkInGroup', { count: expected.length })}
            </Button>
          )}
          {inside.length > 0 && <CheckOutButton guests={inside} fmt={fmt} group />}
          {inside.length > 0 && (
            <Button icon={<PrinterOutlined />} onClick={badges}>
              {t('frontdeskDesk.board.printBadges')}
            </Button>
          )}
        </Space>
      </header>
      {(!visit.cleared || reasons.length > 0) && (
        <div className="fd-alerts">
          {!visit.cleared && (
            <Alert
              type="warning"
              showIcon
              title={t('frontdeskDesk.board.notCleared', { status: fmt.status(visit.status) })}
            />
          )}
          {reasons.length > 0 && (
            <Alert
              type="error"
              showIcon
              icon={<WarningOutlined />}
              title={t('frontdeskDesk.board.watch', { reasons: fmt.list(reasons) })}
              data-testid="watch-warning"
            />
          )}
        </div>
      )}
      <table className="fd-guests">
        <tbody>
          {guests.map((g) => (
            <GuestRow
              key={g.seq}
              guest={g}
              fmt={fmt}
              onCheckIn={canCheckIn ? () => onCheckIn(visit, [g]) : null}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
});

function GuestRow({
  guest: g,
  fmt,
  onCheckIn,
}: {
  guest: BoardGuest;
  fmt: Fmt;
  onCheckIn: (() => void) | null;
}) {
  const { t } = fmt;
  return (
    <tr data-testid="board-guest" data-state={g.state}>
      <th scope="row" className="fd-guest-name">
        {g.name}
        {g.title && <span className="fd-muted"> {g.title}</span>}
        {g.watch.length > 0 && (
          <Tooltip title={fmt.list(g.watch.map((w) => w.reason))}>
            <WarningOutlined
              className="fd-watch-icon"
              aria-label={t('frontdeskDesk.board.watch', {
                reasons: fmt.list(g.watch.map((w) => w.reason)),
              })}
            />
          </Tooltip>
        )}
      </th>
      <td className="fd-guest-state">
        <Tag color={STATE_COLOR[g.state]} data-testid="guest-state">
          {t(`frontdeskDesk.state.${g.state}`)}
        </Tag>
      </td>
      <td className="fd-guest-badge">
        {g.badgeNo && (
          <span>
            <IdcardOutlined aria-hidden /> {g.badgeNo}
          </span>
        )}
      </td>
      <td className="fd-phone">{g.phoneMasked}</td>
      <td className="fd-muted fd-guest-times">
        {g.arrivedAtMs !== null &&
          t('frontdeskDesk.board.arrivedAt', { time: fmt.instant(g.arrivedAtMs, 'time') })}
        {g.leftAtMs !== null &&
          ` · ${t('frontdeskDesk.board.leftAt', { time: fmt.instant(g.leftAtMs, 'time') })}`}
      </td>
      <td className="fd-guest-action">
        {g.state === 'expected' && onCheckIn && (
          <Button size="small" icon={<LoginOutlined />} onClick={onCheckIn}>
            {t('frontdeskDesk.board.checkIn')}
          </Button>
        )}
        {g.state === 'arrived' && <CheckOutButton guests={[g]} fmt={fmt} />}
      </td>
    </tr>
  );
}

/** 签退 one visitor, or 全部签退 of a visit's visitors inside: after a confirmation. */
function CheckOutButton({
  guests,
  fmt,
  group = false,
}: {
  guests: BoardGuest[];
  fmt: Fmt;
  group?: boolean;
}) {
  const { t } = fmt;
  const { message } = App.useApp();
  const checkOut = useOpMutation('frontdesk.checkOut', {
    invalidates: ['frontdesk.board', 'frontdesk.onSite'],
  });
  const ids = guests.flatMap((g) => (g.guestId === null ? [] : [g.guestId]));
  const title = group
    ? t('frontdeskDesk.board.confirmCheckOutGroup', {
        names: fmt.list(guests.map((g) => g.name)),
        count: guests.length,
      })
    : t('frontdeskDesk.board.confirmCheckOut', { name: guests[0]?.name ?? '' });
  return (
    <Popconfirm
      title={title}
      okText={t('frontdeskDesk.board.checkOut')}
      onConfirm={async () => {
        const r = await checkOut.mutateAsync({ guestIds: ids, atMs: null });
        if (r.ok) void message.success(t('frontdeskDesk.board.checkedOut', { count: ids.length }));
        else void message.error(t(r.error.key, r.error.params));
      }}
    >
      <Button
        size={group ? 'middle' : 'small'}
        icon={group ? <ExportOutlined /> : <LogoutOutlined />}
        loading={checkOut.isPending}
        data-testid={group ? 'check-out-group' : 'check-out'}
      >
        {group
          ? t('frontdeskDesk.board.checkOutGroup', { count: guests.length })
          : t('frontdeskDesk.board.checkOut')}
      </Button>
    </Popconfirm>
  );
}
