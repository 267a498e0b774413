import { DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATION_NAMES } from '../../../../shared/contract/names';
import { OPERATIONS } from '../../../../shared/contract/operations';
import type { AuditEntry } from '../../../../shared/contract/types';
import { addDays, startOfCompanyDay } from '../../../../shared/dates';
import type { Language } from '../../../../shared/i18n/translate';
import { keepPreviousData, useErrorToast, useOp } from '../../api/queries';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';

const WRITE_OPS = OPERATION_NAMES.filter((n) => OPERATIONS[n].write);
const PAGE_SIZE = 50;

interface Filters {
  operation?: string;
  search?: string;
  from?: string;
  to?: string;
}

/** `key: value` lines read better than one line of JSON; nested values stay JSON. */
function summaryText(summary: unknown): string {
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) {
    return JSON.stringify(summary);
  }
  return Object.entries(summary)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const tz = session.settings.timeZone;
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const changeFilters = (update: (f: Filters) => Filters) => {
    setPage(1);
    setFilters(update);
  };
  const changePage = (next: number) => setPage(next);

  // One page of the log; the page shown stays while the next one is read.
  const query = useOp(
    'audit.list',
    {
      operation: filters.operation,
      search: filters.search || undefined,
      // Dates are company calendar days, turned into instants in the company's time zone.
      fromMs: filters.from ? startOfCompanyDay(filters.from, tz) : undefined,
      toMs: filters.to ? startOfCompanyDay(addDays(filters.to, 1), tz) : undefined,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );
  useErrorToast(query.error);
  const data: { items: AuditEntry[]; total: number } = query.data ?? { items: [], total: 0 };
  const loading = query.isFetching;

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'atMs',
      width: 170,
      render: (ms: number) => formatInstant(ms, tz, i18n.language as Language),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 160,
      render: (_, e) => (
        <>
          {e.actorName ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}
          {e.onBehalfOfName && (
            <div>
              <Typography.Text type="secondary">
                {t('audit.onBehalfOf', { name: e.onBehalfOfName })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('audit.operation'),
      dataIndex: 'operation',
      width: 150,
      render: (op: string, e) => {
        // A refused sign-in is logged under auth.login too; say so rather than "Sign in".
        const s = e.summary;
        const refused =
          op === 'auth.login' &&
          typeof s === 'object' &&
          s !== null &&
          ('failedAttempt' in s || 'unknownLogin' in s || 'lockedOut' in s);
        return refused ? t('ops.auth.loginFailed') : t(`ops.${op}`, { defaultValue: op });
      },
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 110,
      render: (_, e) =>
        `${t(`entities.${e.entityType}`, { defaultValue: e.entityType })}${e.entityId ? ' #' + e.entityId : ''}`,
    },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (s: unknown) => <pre className="audit-summary">{summaryText(s)}</pre>,
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('audit.title')}</h1>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('audit.filterOperation')}
          placeholder={t('audit.filterOperation')}
          style={{ width: 180 }}
          options={WRITE_OPS.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
          onChange={(operation: string | undefined) => {
            changeFilters((f) => ({ ...f, operation }));
          }}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          onChange={(_, strings) => {
            setPage(1);
            setFilters((f) => ({
              ...f,
              from: strings[0] || undefined,
              to: strings[1] || undefined,
            }));
          }}
        />
        <Input.Search
          allowClear
          aria-label={t('audit.filterText')}
          placeholder={t('audit.filterText')}
          style={{ width: 220 }}
          onSearch={(search) => {
            changeFilters((f) => ({ ...f, search: search.trim() }));
          }}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: changePage,
        }}
      />
    </>
  );
}
