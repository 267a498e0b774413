import { ArrowLeftOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Popconfirm, Space, Spin, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { companyDate, instantOf, isCalendarDate } from '../../../../../shared/dates';
import type { OnSiteGuest } from '../../../../../shared/frontdesk/views';
import type { ApiError } from '../../../../../shared/result';
import { useErrorToast, useOp, useOpMutation } from '../../../api/queries';
import { DateTimeField } from '../../../components/DateTimeField';
import { useFmt } from '../../requests';
import { ON_SITE_PATH, useOnSiteKey } from './keys';
import './desk.css';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 日终签退: who arrived by today and has not checked out, and one action that checks them all out
 * at a chosen time (now by default; the server refuses a time before an arrival or in the future).
 */
export function EndOfDayPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const { message } = App.useApp();
  useOnSiteKey();
  const [openedAt] = useState(() => Date.now());
  const today = companyDate(openedAt, fmt.tz);
  const [day, setDay] = useState(today);
  const [time, setTime] = useState(() => {
    const d = new Date(openedAt);
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: fmt.tz,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
    const get = (k: string) => Number(parts.find((p) => p.type === k)?.value ?? 0);
    return `${pad(get('hour'))}:${pad(get('minute'))}`;
  });
  const [error, setError] = useState<ApiError | null>(null);
  const query = useOp('frontdesk.onSite', { arrivedBefore: today });
  useErrorToast(query.error);
  const checkOut = useOpMutation('frontdesk.checkOut', {
    invalidates: ['frontdesk.board', 'frontdesk.onSite'],
  });
  const guests = query.data?.guests ?? [];
  const atMs = (() => {
    if (!isCalendarDate(day) || !/^\d\d:\d\d$/.test(time)) return null;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    return instantOf({ year: y, month: m, day: d, hour: hh, minute: mm, second: 0 }, fmt.tz);
  })();

  const run = async () => {
    if (atMs === null) return;
    setError(null);
    const r = await checkOut.mutateAsync({ guestIds: guests.map((g) => g.guestId), atMs });
    if (r.ok) void message.success(t('frontdeskDesk.board.checkedOut', { count: guests.length }));
    else setError(r.error);
  };
  const errorText = error
    ? t(error.fieldErrors?.atMs?.key ?? error.key, error.fieldErrors?.atMs?.params ?? error.params)
    : null;

  return (
    <div className="fd-page">
      <div className="page-header">
        <h1>{t('frontdeskDesk.endOfDay.title')}</h1>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/frontdesk')}>
            {t('frontdeskDesk.endOfDay.back')}
          </Button>
          <Tooltip title={t('frontdeskDesk.board.onSiteKey')}>
            <Button icon={<SafetyOutlined />} onClick={() => void navigate(ON_SITE_PATH)}>
              {t('frontdeskDesk.board.onSiteKey')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <p className="fd-muted">
        {t('frontdeskDesk.endOfDay.intro', { day: fmt.day(today, { weekday: true }) })}
      </p>
      {!query.data ? (
        <div className="fd-loading">
          <Spin />
        </div>
      ) : guests.length === 0 ? (
        <Empty className="fd-empty" description={t('frontdeskDesk.endOfDay.empty')} />
      ) : (
        <>
          <div className="fd-eod-bar" data-testid="end-of-day-bar">
            <label htmlFor="eod-day">{t('frontdeskDesk.endOfDay.atDay')}</label>
            <DateTimeField
              mode="date"
              id="eod-day"
              value={day}
              ariaLabel={t('frontdeskDesk.endOfDay.atDay')}
              style={{ width: 150 }}
              onChange={(d) => setDay(d)}
            />
            <label htmlFor="eod-time">{t('frontdeskDesk.endOfDay.at')}</label>
            <DateTimeField
              mode="time"
              id="eod-time"
              value={time}
              ariaLabel={t('frontdeskDesk.endOfDay.at')}
              style={{ width: 110 }}
              onChange={(v) => setTime(v)}
            />
            <Popconfirm
              title={t('frontdeskDesk.endOfDay.confirm', {
                count: guests.length,
                time: atMs === null ? '' : fmt.instant(atMs),
              })}
              okText={t('frontdeskDesk.board.checkOut')}
              disabled={atMs === null}
              onConfirm={run}
            >
              <Button
                type="primary"
                danger
                icon={<LogoutOutlined />}
                disabled={atMs === null}
                loading={checkOut.isPending}
                data-testid="check-out-all"
              >
                {t('frontdeskDesk.endOfDay.all', { count: guests.length })}
              </Button>
            </Popconfirm>
          </div>
          {atMs === null && (
            <Alert type="warning" showIcon title={t('frontdeskDesk.endOfDay.invalidTime')} />
          )}
          {errorText && (
            <Alert type="error" showIcon role="alert" title={errorText} data-testid="eod-error" />
          )}
          <Table<OnSiteGuest>
            rowKey="guestId"
            size="small"
            pagination={false}
            dataSource={guests}
            data-testid="end-of-day"
            columns={[
              { title: t('frontdeskDesk.col.name'), dataIndex: 'name', key: 'name' },
              { title: t('frontdeskDesk.col.org'), dataIndex: 'orgName', key: 'org' },
              {
                title: t('frontdeskDesk.col.badge'),
                dataIndex: 'badgeNo',
                key: 'badge',
                width: 90,
              },
              {
                title: t('frontdeskDesk.col.arrived'),
                key: 'arrived',
                width: 160,
                render: (_, g) => fmt.instant(g.arrivedAtMs),
              },
              {
                title: t('frontdeskDesk.col.host'),
                key: 'host',
                render: (_, g) => `${g.hostName} ${g.hostPhone}`.trim(),
              },
              { title: t('frontdeskDesk.col.code'), dataIndex: 'code', key: 'code', width: 150 },
            ]}
          />
        </>
      )}
    </div>
  );
}
