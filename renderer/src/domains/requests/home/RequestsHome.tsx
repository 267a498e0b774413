import { Card, Col, Empty, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, companyDate, weekOf } from '../../../../../shared/dates';
import type { RequestSummary } from '../../../../../shared/requests';
import type { RequestStatus } from '../../../../../shared/requests/lifecycle';
import { useErrorToast, useOp } from '../../../api/queries';
import { CountTile } from '../../../components/CountTile';
import { StatusTag } from '../../../components/StatusTag';
import { useNow } from '../../../components/useNow';
import { useSignedIn } from '../../../session/SessionContext';
import { listQueryParams, parseListQuery, type ListQuery } from '../admin/listQuery';
import { useFmt } from '../views/useFmt';

/** Requests whose visit is on: approved (and filed), and those whose visitors came. */
const ON: RequestStatus[] = ['approved', 'filed', 'in_progress', 'completed'];
/** Visits that took place (or were due) and whose spend is not yet submitted for reconciliation. */
const TO_RECONCILE: RequestStatus[] = ['approved', 'filed', 'completed'];
/** How many upcoming visits the home page names; the tile's number opens all of them. */
const SHOWN = 5;

/** The list page's address for these filters (the same URL the list's own filters write). */
function listPath(scope: 'mine' | 'all', q: Partial<ListQuery>): string {
  const query = { ...parseListQuery(new URLSearchParams()), ...q };
  const params = listQueryParams(query).toString();
  return `/requests/${scope}${params ? `?${params}` : ''}`;
}

function useToday(): string {
  const tz = useSignedIn().settings.timeZone;
  return companyDate(useNow(), tz);
}

/**
 * The host's part of the home page: drafts to finish, returned requests to act on and the visits
 * coming up, each number opening the list behind it.
 */
export function HostHome() {
  const { t } = useTranslation();
  const fmt = useFmt();
  const today = useToday();
  const drafts = useOp('requests.list', { scope: 'mine', statuses: ['draft'], limit: 1 });
  const returned = useOp('requests.list', { scope: 'mine', statuses: ['returned'], limit: 1 });
  const upcomingQuery = { statuses: ON, fromDate: today, sort: 'arrival_asc' } as const;
  const upcoming = useOp('requests.list', { scope: 'mine', ...upcomingQuery, limit: SHOWN });
  // Arrived before today and not yet reconciled: the receipts wait to be entered.
  const reconcileQuery = { statuses: TO_RECONCILE, toDate: addDays(today, -1) } as const;
  const toReconcile = useOp('requests.list', { scope: 'mine', ...reconcileQuery, limit: 1 });
  useErrorToast(drafts.error ?? returned.error ?? upcoming.error ?? toReconcile.error);
  const upcomingPath = listPath('mine', { ...upcomingQuery, statuses: [...ON] });
  return (
    <section aria-labelledby="home-host" className="home-section">
      <h2 id="home-host">{t('home.host.title')}</h2>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={12} lg={6}>
          <CountTile
            label={t('home.host.drafts')}
            count={drafts.data?.total ?? null}
            to={listPath('mine', { statuses: ['draft'] })}
            testId="tile-drafts"
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CountTile
            label={t('home.host.returned')}
            count={returned.data?.total ?? null}
            to={listPath('mine', { statuses: ['returned'] })}
            hint={t('home.host.returnedHint')}
            tone="attention"
            testId="tile-returned"
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CountTile
            label={t('home.host.upcoming')}
            count={upcoming.data?.total ?? null}
            to={upcomingPath}
            testId="tile-upcoming"
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CountTile
            label={t('home.host.toReconcile')}
            count={toReconcile.data?.total ?? null}
            to={listPath('mine', { ...reconcileQuery, statuses: [...TO_RECONCILE] })}
            hint={t('home.host.toReconcileHint')}
            tone="attention"
            testId="tile-to-reconcile"
          />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('home.host.upcomingList')}
        className="home-list"
        extra={<Link to={upcomingPath}>{t('home.all')}</Link>}
      >
        <VisitList
          rows={upcoming.data?.items}
          empty={t('home.host.noUpcoming')}
          range={fmt.range}
        />
      </Card>
    </section>
  );
}

/** The admin office's part: this week's visits (the tile opens 全部接待 for the week). */
export function OfficeWeekTile() {
  const { t } = useTranslation();
  const week = weekOf(useToday());
  const q = { statuses: ON, fromDate: week.from, toDate: week.to, sort: 'arrival_asc' } as const;
  const visits = useOp('requests.list', { scope: 'all', ...q, limit: 1 });
  useErrorToast(visits.error);
  return (
    <CountTile
      label={t('home.office.week')}
      count={visits.data?.total ?? null}
      to={listPath('all', { ...q, statuses: [...ON] })}
      hint={t('home.office.weekHint')}
      testId="tile-week"
    />
  );
}

function VisitList({
  rows,
  empty,
  range,
}: {
  rows: RequestSummary[] | undefined;
  empty: string;
  range: (from: string, to: string) => string;
}) {
  if (rows === undefined) return <List loading dataSource={[]} />;
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      size="small"
      dataSource={rows}
      renderItem={(r) => (
        <List.Item key={r.id}>
          <div className="home-row">
            <span className="home-row-date">{range(r.arrivalDate, r.departureDate)}</span>
            <Link to={`/requests/${r.id}`}>{r.code}</Link>
            <Typography.Text ellipsis className="home-row-org">
              <bdi>{r.orgName}</bdi>
            </Typography.Text>
            <StatusTag status={r.status} />
          </div>
        </List.Item>
      )}
    />
  );
}
