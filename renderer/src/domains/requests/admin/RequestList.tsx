import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import dayjs from 'dayjs';
import { memo, useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Language } from '../../../../../shared/i18n/translate';
import { TIERS } from '../../../../../shared/policy';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../../shared/requests/lifecycle';
import type { RequestListScope } from '../../../../../shared/requests/rights';
import type { RequestListItem, WaitingOn } from '../../../../../shared/requests/views';
import { stepAge } from '../../../../../shared/approvals';
import { useNow } from '../../../components/useNow';
import type { Tier } from '../../../../../shared/policy';
import { keepPreviousData, useErrorToast, useInfiniteOp, useOp } from '../../../api/queries';
import { ExportButton, requestsExport } from '../../exports';
import { InfiniteTable } from '../../../components/InfiniteTable';
import { formatInstant, formatMoney } from '../../../format';
import { useSignedIn } from '../../../session/SessionContext';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import './requestList.css';
import {
  DEFAULT_SORT,
  dateRange,
  isFiltered,
  listInput,
  listQueryParams,
  parseListQuery,
  type ListQuery,
  type ListSort,
} from './listQuery';

/** Columns that give way, first to last, when the window is narrow (see InfiniteTable). */
const DROP_WHEN_NARROW = ['visitors', 'updated', 'budget'];

/** Statuses in which the host edits the request from the list (the dossier offers the rest). */
const EDIT_FROM_LIST: readonly RequestStatus[] = ['draft', 'returned'];

type SortKey = 'arrival' | 'updated' | 'budget';

function sortOrderOf(sort: ListSort, key: SortKey): 'ascend' | 'descend' | null {
  if (key === 'arrival' && sort === 'arrival_asc') return 'ascend';
  if (key === 'arrival' && sort === 'arrival_desc') return 'descend';
  if (key === 'updated' && sort === 'updated_desc') return 'descend';
  if (key === 'budget' && sort === 'budget_desc') return 'descend';
  return null;
}

function sortFor(key: unknown, order: 'ascend' | 'descend' | null | undefined): ListSort {
  if (!order) return DEFAULT_SORT;
  if (key === 'arrival') return order === 'ascend' ? 'arrival_asc' : 'arrival_desc';
  if (key === 'budget') return 'budget_desc';
  return 'updated_desc';
}

const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * The columns of the list. Kept from render to render (they change with the language, the scope
 * and the sort only): a table whose columns change draws every row again.
 */
function useColumns(scope: RequestListScope, sort: ListSort): TableColumnsType<RequestListItem> {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const timeZone = useSignedIn().settings.timeZone;
  const now = useNow();
  return useMemo(() => {
    // "待 张伟 · 2 天": whom the request waits on now (a pool step: anyone with the role).
    const waitingText = (w: WaitingOn) => {
      // A pool by its role alone (待 人事行政部): the row has little room.
      const who = w.assigneeName ?? t(`roles.${w.kind}`);
      if (w.sinceMs === null) return t('requestAdmin.list.waitingOnNoAge', { who });
      const age = stepAge(w.sinceMs, now);
      return t('requestAdmin.list.waitingOn', {
        who,
        age: t(`waitingShort.${age.unit}`, { count: age.count }),
      });
    };
    return [
      {
        title: t('requestAdmin.list.code'),
        dataIndex: 'code',
        width: 128,
        render: (code: string, r: RequestListItem) => (
          <span className="request-list-code">
            <Link to={`/requests/${r.id}`} onClick={stop}>
              {code}
            </Link>
            {r.retroactive && (
              <Tooltip title={t('requestAdmin.list.retroactiveHint')}>
                <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                  {t('requestAdmin.list.retroactive')}
                </Tag>
              </Tooltip>
            )}
          </span>
        ),
      },
      {
        title: t('requestAdmin.list.org'),
        dataIndex: 'orgName',
        // The organisation, then whom the request waits on, on the row's one line: the
        // flexible column has the room; fixed ones would push others out at 1280 px.
        render: (org: string, r: RequestListItem) => {
          const waiting = r.waitingOn ? waitingText(r.waitingOn) : null;
          return (
            <span className="request-list-org">
              <bdi className="request-list-org-name" title={org}>
                {org}
              </bdi>
              {waiting && (
                <span className="request-list-waiting" title={waiting} data-testid="waiting-on">
                  {waiting}
                </span>
              )}
            </span>
          );
        },
      },
      {
        title: t('requestAdmin.list.tier'),
        dataIndex: 'tier',
        width: language === 'en' ? 66 : 58,
        render: (tier: Tier) => <TierTag tier={tier} />,
      },
      {
        title: t('requestAdmin.list.status'),
        dataIndex: 'status',
        width: language === 'en' ? 98 : 74,
        render: (status: RequestStatus) => <StatusTag status={status} />,
      },
      {
        title: t('requestAdmin.list.dates'),
        key: 'arrival',
        width: 150,
        sorter: true,
        sortDirections: ['descend', 'ascend'],
        sortOrder: sortOrderOf(sort, 'arrival'),
        render: (_: unknown, r: RequestListItem) => (
          <span style={{ whiteSpace: 'nowrap' }}>{dateRange(r.arrivalDate, r.departureDate)}</span>
        ),
      },
      {
        title: t('requestAdmin.list.visitors'),
        key: 'visitors',
        dataIndex: 'visitorCount',
        width: language === 'en' ? 72 : 52,
        align: 'right',
      },
      {
        title: t('requestAdmin.list.budget'),
        key: 'budget',
        width: 104,
        align: 'right',
        sorter: true,
        sortDirections: ['descend'],
        sortOrder: sortOrderOf(sort, 'budget'),
        render: (_: unknown, r: RequestListItem) => formatMoney(r.budgetTotalFen, language),
      },
      ...(scope !== 'mine'
        ? [
            {
              title: t('requestAdmin.list.host'),
              key: 'host',
              width: 120,
              ellipsis: { showTitle: false },
              render: (_: unknown, r: RequestListItem) => (
                <span title={[r.hostName, r.departmentName].filter(Boolean).join(' · ')}>
                  {r.hostName}
                  {r.departmentName && (
                    <span className="request-list-secondary"> · {r.departmentName}</span>
                  )}
                </span>
              ),
            },
          ]
        : []),
      {
        title: t('requestAdmin.list.updated'),
        key: 'updated',
        width: 120,
        sorter: true,
        sortDirections: ['descend'],
        sortOrder: sortOrderOf(sort, 'updated'),
        // The day, and the exact time on hover (a plain title: a tooltip per row is costly
        // for a list scrolled through thousands of rows).
        render: (_: unknown, r: RequestListItem) => (
          <span title={formatInstant(r.updatedAtMs, timeZone, language)}>
            {formatInstant(r.updatedAtMs, timeZone, language, 'date')}
          </span>
        ),
      },
      ...(scope === 'mine'
        ? [
            {
              title: t('requestAdmin.list.actions'),
              key: 'actions',
              width: 64,
              render: (_: unknown, r: RequestListItem) =>
                EDIT_FROM_LIST.includes(r.status) && (
                  <Link to={`/requests/${r.id}/edit`} onClick={stop}>
                    {t('requestAdmin.list.edit')}
                  </Link>
                ),
            },
          ]
        : []),
    ];
  }, [t, language, timeZone, scope, sort, now]);
}

interface FiltersProps {
  scope: RequestListScope;
  query: ListQuery;
  update: (change: Partial<ListQuery>) => void;
  clear: () => void;
}

/**
 * The filters above the list, all kept in the URL. Drawn again only when the query changes,
 * not with each page the list reads; the search box keeps what is typed until Enter.
 */
const Filters = memo(function Filters({ scope, query, update, clear }: FiltersProps) {
  const { t } = useTranslation();
  const { headOf } = useSignedIn();
  // 全部接待 filters by any department; 本部门接待 by those the reader heads, if more than one.
  const byDepartment = scope === 'all' || (scope === 'department' && headOf.length > 1);
  const departmentsQuery = useOp('departments.list', {}, { enabled: byDepartment });
  useErrorToast(departmentsQuery.error);
  const departments = {
    items: (departmentsQuery.data ?? []).filter((d) => scope === 'all' || headOf.includes(d.id)),
    loading: byDepartment && departmentsQuery.isPending,
  };
  return (
    <Space wrap size={8} style={{ marginBottom: 12 }}>
      <Select<RequestStatus[]>
        mode="multiple"
        allowClear
        aria-label={t('requestAdmin.list.filterStatus')}
        placeholder={t('requestAdmin.list.filterStatus')}
        style={{ minWidth: 150, maxWidth: 300 }}
        maxTagCount="responsive"
        value={query.statuses}
        options={REQUEST_STATUSES.map((s) => ({
          value: s,
          label: t(`labels.status.${s}`),
        }))}
        onChange={(statuses) => update({ statuses })}
      />
      {scope !== 'mine' && (
        <Select<Tier[]>
          mode="multiple"
          allowClear
          aria-label={t('requestAdmin.list.filterTier')}
          placeholder={t('requestAdmin.list.filterTier')}
          style={{ minWidth: 120, maxWidth: 240 }}
          value={query.tiers}
          options={TIERS.map((tier) => ({
            value: tier,
            label: t(`labels.tier.${tier}`),
          }))}
          onChange={(tiers) => update({ tiers })}
        />
      )}
      {byDepartment && (
        <Select<number | null>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('requestAdmin.list.filterDepartment')}
          placeholder={t('requestAdmin.list.filterDepartment')}
          style={{ width: 150 }}
          value={query.departmentId}
          loading={departments.loading}
          options={departments.items.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v) => update({ departmentId: v ?? null })}
        />
      )}
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        aria-label={t('requestAdmin.list.dates')}
        placeholder={[t('requestAdmin.list.filterFrom'), t('requestAdmin.list.filterTo')]}
        style={{ width: 240 }}
        value={[
          query.fromDate ? dayjs(query.fromDate) : null,
          query.toDate ? dayjs(query.toDate) : null,
        ]}
        onChange={(_, [fromDate, toDate]) => update({ fromDate, toDate })}
        renderExtraFooter={() => (
          <Typography.Text type="secondary">{t('requestAdmin.list.datesHint')}</Typography.Text>
        )}
      />
      <Input.Search
        // Remounts when the URL changes (back/forward) so the box shows the query it belongs to.
        key={query.search}
        allowClear
        defaultValue={query.search}
        aria-label={t('common.search')}
        placeholder={t(
          scope === 'mine' ? 'requestAdmin.list.searchMine' : 'requestAdmin.list.search',
        )}
        style={{ width: 240 }}
        onSearch={(search) => update({ search: search.trim().slice(0, 100) })}
      />
      {isFiltered(query) && (
        <Button type="link" onClick={clear}>
          {t('requestAdmin.list.clearFilters')}
        </Button>
      )}
      <ExportButton filter={requestsExport(listInput(scope, query))} />
    </Space>
  );
});

/**
 * The reception list behind 我的接待申请, 本部门接待 and 全部接待: one scrolling list over every matching
 * request, read a page at a time on the server's cursor as the reader scrolls; sorting and filters
 * are kept in the URL query so back and forward restore what was shown.
 */
export function RequestList({ scope }: { scope: RequestListScope }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListQuery(params), [params]);
  // An address from the paged list (…&page=3) opens the list at its top, without the page.
  useEffect(() => {
    if (params.has('page')) setParams(listQueryParams(query), { replace: true });
  }, [params, query, setParams]);
  // The rows shown stay while those of another sort or filter are read; an approval event
  // re-reads the loaded pages in place (see EVENT_INVALIDATIONS), keeping the scroll position.
  const input = useMemo(() => listInput(scope, query), [scope, query]);
  const list = useInfiniteOp('requests.list', input, { placeholderData: keepPreviousData });
  useErrorToast(list.query.error);
  const loading = list.query.isPending || list.query.isPlaceholderData;

  /** A filter or sort change shows the new list from its top; each change is a history entry. */
  const update = useCallback(
    (change: Partial<ListQuery>) => setParams(listQueryParams({ ...query, ...change })),
    [query, setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  const onTableChange = useCallback<NonNullable<TableProps<RequestListItem>['onChange']>>(
    (_p, _f, sorter, extra) => {
      if (extra.action === 'sort' && !Array.isArray(sorter)) {
        update({ sort: sortFor(sorter.columnKey, sorter.order) });
      }
    },
    [update],
  );
  const onRow = useCallback(
    (r: RequestListItem) => ({
      onClick: () => void navigate(`/requests/${r.id}`),
      style: { cursor: 'pointer' },
    }),
    [navigate],
  );
  const columns = useColumns(scope, query.sort);

  const filtered = isFiltered(query);
  const pending = list.query.isPending;
  const emptyText = useMemo(
    () =>
      pending ? (
        <span />
      ) : filtered || scope !== 'mine' ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('requestAdmin.list.emptyFiltered')}
        >
          {filtered && <Button onClick={clear}>{t('requestAdmin.list.clearFilters')}</Button>}
        </Empty>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requestAdmin.list.emptyMine')}>
          <Button icon={<PlusOutlined />} onClick={() => void navigate('/requests/new')}>
            {t('requestAdmin.list.emptyMineAction')}
          </Button>
        </Empty>
      ),
    [pending, filtered, scope, t, clear, navigate],
  );

  return (
    <>
      <Filters scope={scope} query={query} update={update} clear={clear} />
      <InfiniteTable<RequestListItem>
        label={t(`requestAdmin.${scope}.title`)}
        columns={columns}
        // A 1024 px window: the head count and the last change give way first; in English the
        // budget of every request too (it stays on the dossier).
        dropWhenNarrow={DROP_WHEN_NARROW}
        flexMinWidth={140}
        rows={list.items}
        total={list.total}
        hasMore={list.query.hasNextPage}
        fetching={list.query.isFetching}
        loadingMore={list.query.isFetchingNextPage}
        loading={loading}
        onLoadMore={list.loadMore}
        resetKey={`${scope}?${listQueryParams(query).toString()}`}
        emptyText={emptyText}
        onChange={onTableChange}
        onRow={onRow}
      />
    </>
  );
}
