import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Language } from '../../../../../shared/i18n/translate';
import { TIERS } from '../../../../../shared/policy';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../../shared/requests/lifecycle';
import type { RequestSummary } from '../../../../../shared/requests/views';
import type { Tier } from '../../../../../shared/policy';
import { keepPreviousData, useErrorToast, useOp } from '../../../api/queries';
import { formatInstant, formatMoney } from '../../../format';
import { useSignedIn } from '../../../session/SessionContext';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import {
  DEFAULT_SORT,
  PAGE_SIZE,
  dateRange,
  isFiltered,
  listInput,
  listQueryParams,
  parseListQuery,
  type ListQuery,
  type ListSort,
} from './listQuery';

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

/**
 * The reception list behind 我的接待申请 and 全部接待: server paging, sorting and filters, all
 * kept in the URL query so back and forward restore what was shown.
 */
export function RequestList({ scope }: { scope: 'mine' | 'all' }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const session = useSignedIn();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListQuery(params), [params]);
  // The page shown stays while the next one (another page, sort or filter) is read; an approval
  // event re-reads it in place (see EVENT_INVALIDATIONS).
  const list = useOp('requests.list', listInput(scope, query), {
    placeholderData: keepPreviousData,
  });
  useErrorToast(list.error);
  const loaded = list.data;
  const loading = list.isPending || list.isPlaceholderData;

  const departmentsQuery = useOp('departments.list', {}, { enabled: scope === 'all' });
  useErrorToast(departmentsQuery.error);
  const departments = {
    items: departmentsQuery.data ?? [],
    loading: scope === 'all' && departmentsQuery.isPending,
  };

  /** A filter change starts again at page 1; each change is a history entry. */
  const update = (change: Partial<ListQuery>) => {
    setParams(listQueryParams({ ...query, page: 1, ...change }));
  };

  const onTableChange: TableProps<RequestSummary>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'paginate') update({ page: pagination.current ?? 1, sort: query.sort });
    if (extra.action === 'sort' && !Array.isArray(sorter)) {
      update({ sort: sortFor(sorter.columnKey, sorter.order) });
    }
  };

  const stop = (e: MouseEvent) => e.stopPropagation();

  const columns: TableColumnsType<RequestSummary> = [
    {
      title: t('requestAdmin.list.code'),
      dataIndex: 'code',
      width: 128,
      render: (code: string, r) => (
        <Space size={4} wrap>
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
        </Space>
      ),
    },
    {
      title: t('requestAdmin.list.org'),
      dataIndex: 'orgName',
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
      sortOrder: sortOrderOf(query.sort, 'arrival'),
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>{dateRange(r.arrivalDate, r.departureDate)}</span>
      ),
    },
    {
      title: t('requestAdmin.list.visitors'),
      dataIndex: 'visitorCount',
      width: language === 'en' ? 72 : 52,
      align: 'right',
    },
    {
      title: t('requestAdmin.list.budget'),
      key: 'budget',
      width: 108,
      align: 'right',
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(query.sort, 'budget'),
      render: (_, r) => formatMoney(r.budgetTotalFen, language),
    },
    ...(scope === 'all'
      ? [
          {
            title: t('requestAdmin.list.host'),
            key: 'host',
            width: 128,
            ellipsis: { showTitle: false },
            render: (_: unknown, r: RequestSummary) => (
              <span title={[r.hostName, r.departmentName].filter(Boolean).join(' · ')}>
                {r.hostName}
                {r.departmentName && (
                  <Typography.Text type="secondary"> · {r.departmentName}</Typography.Text>
                )}
              </span>
            ),
          },
        ]
      : []),
    {
      title: t('requestAdmin.list.updated'),
      key: 'updated',
      width: language === 'en' ? 104 : 112,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(query.sort, 'updated'),
      render: (_, r) => (
        <Tooltip title={formatInstant(r.updatedAtMs, session.settings.timeZone, language)}>
          <span>{formatInstant(r.updatedAtMs, session.settings.timeZone, language, 'date')}</span>
        </Tooltip>
      ),
    },
    ...(scope === 'mine'
      ? [
          {
            title: t('requestAdmin.list.actions'),
            key: 'actions',
            width: 64,
            render: (_: unknown, r: RequestSummary) =>
              EDIT_FROM_LIST.includes(r.status) && (
                <Link to={`/requests/${r.id}/edit`} onClick={stop}>
                  {t('requestAdmin.list.edit')}
                </Link>
              ),
          },
        ]
      : []),
  ];

  const filtered = isFiltered(query);
  const emptyText =
    loading && !loaded ? (
      <span />
    ) : filtered || scope === 'all' ? (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('requestAdmin.list.emptyFiltered')}
      >
        {filtered && (
          <Button onClick={() => setParams(new URLSearchParams())}>
            {t('requestAdmin.list.clearFilters')}
          </Button>
        )}
      </Empty>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requestAdmin.list.emptyMine')}>
        <Button icon={<PlusOutlined />} onClick={() => void navigate('/requests/new')}>
          {t('requestAdmin.list.emptyMineAction')}
        </Button>
      </Empty>
    );

  return (
    <>
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
        {scope === 'all' && (
          <>
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
          </>
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
            scope === 'all' ? 'requestAdmin.list.search' : 'requestAdmin.list.searchMine',
          )}
          style={{ width: 240 }}
          onSearch={(search) => update({ search: search.trim().slice(0, 100) })}
        />
        {filtered && (
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>
            {t('requestAdmin.list.clearFilters')}
          </Button>
        )}
      </Space>
      <Table<RequestSummary>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        loading={loading}
        columns={columns}
        dataSource={loaded?.items ?? []}
        locale={{ emptyText }}
        onChange={onTableChange}
        onRow={(r) => ({
          onClick: () => void navigate(`/requests/${r.id}`),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: loaded?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: false,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </>
  );
}
