import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ToPlanRow } from '../../../../../shared/bookings';
import { call } from '../../../api/client';
import { opKey, unwrap, useErrorToast } from '../../../api/queries';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import { useBookingFmt } from './fmt';
import './plan.css';

/**
 * 待预订: approved and filed requests arriving from today on, soonest first, with how many live
 * bookings each has; keyset pages read on "加载更多". A row opens the request's booking plan.
 */
export function ToPlanPage() {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const query = useInfiniteQuery({
    queryKey: [...opKey('bookings.toPlan'), { paged: true }] as const,
    queryFn: async ({ pageParam }) => unwrap(await call('bookings.toPlan', { cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  useErrorToast(query.error as Parameters<typeof useErrorToast>[0]);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const open = (row: ToPlanRow) => void navigate(`/bookings/plan/${row.requestId}`);

  return (
    <div className="bp-page">
      <div className="page-header">
        <h1>{t('bookingsPlan.toPlan.title')}</h1>
      </div>
      <p className="bp-lead">{t('bookingsPlan.toPlan.lead')}</p>
      <Table<ToPlanRow>
        rowKey="requestId"
        size="middle"
        loading={query.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="to-plan"
        onRow={(row) => ({
          onClick: () => open(row),
          style: { cursor: 'pointer' },
          'data-testid': 'to-plan-row',
          'data-code': row.code,
        })}
        locale={{
          emptyText: (
            <Empty
              description={
                <>
                  <div>{t('bookingsPlan.toPlan.empty')}</div>
                  <div className="bp-lead">{t('bookingsPlan.toPlan.emptyHint')}</div>
                </>
              }
            />
          ),
        }}
        columns={[
          {
            key: 'code',
            title: t('bookingsPlan.toPlan.code'),
            render: (_, row) => (
              <Link
                to={`/bookings/plan/${row.requestId}`}
                aria-label={t('bookingsPlan.toPlan.open', { code: row.code })}
                onClick={(e) => e.stopPropagation()}
              >
                {row.code}
              </Link>
            ),
          },
          { key: 'org', title: t('bookingsPlan.toPlan.org'), dataIndex: 'orgName' },
          {
            key: 'tier',
            title: t('bookingsPlan.toPlan.tier'),
            render: (_, row) => <TierTag tier={row.tier} />,
          },
          {
            key: 'visit',
            title: t('bookingsPlan.toPlan.visit'),
            render: (_, row) =>
              row.arrivalDate === row.departureDate
                ? fmt.day(row.arrivalDate)
                : `${fmt.day(row.arrivalDate)} – ${fmt.day(row.departureDate)}`,
          },
          {
            key: 'status',
            title: t('bookingsPlan.toPlan.status'),
            render: (_, row) => <StatusTag status={row.status} />,
          },
          {
            key: 'booked',
            title: t('bookingsPlan.toPlan.booked'),
            render: (_, row) =>
              row.booked > 0 ? (
                <Tag color="success">{t('bookingsPlan.toPlan.bookedValue', { n: row.booked })}</Tag>
              ) : (
                <Tag>{t('bookingsPlan.toPlan.none')}</Tag>
              ),
          },
        ]}
      />
      {query.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage({ cancelRefetch: false })}
          >
            {t('bookingsPlan.toPlan.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
