import { DatePicker, Input, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientText, describeAuditEntry, type Translate } from '../../../../shared/audit/describe';
import { OPERATION_NAMES } from '../../../../shared/contract/names';
import { OPERATIONS } from '../../../../shared/contract/operations';
import type { AuditEntry } from '../../../../shared/contract/types';
import { addDays, startOfCompanyDay } from '../../../../shared/dates';
import type { Language } from '../../../../shared/i18n/translate';
import { keepPreviousData, useErrorToast, useInfiniteOp, type PageInput } from '../../api/queries';
import { InfiniteTable } from '../../components/InfiniteTable';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';

const WRITE_OPS = OPERATION_NAMES.filter((n) => OPERATIONS[n].write);
/** Entries per page read as the log scrolls (the contract allows up to 200). */
const PAGE_SIZE = 100;

interface Filters {
  operation?: string;
  search?: string;
  from?: string;
  to?: string;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const tz = session.settings.timeZone;
  const [filters, setFilters] = useState<Filters>({});
  const changeFilters = (update: (f: Filters) => Filters) => setFilters(update);

  // The log, newest first, read a page at a time (on the id of the last entry shown) as the
  // reader scrolls; the entries shown stay while those of other filters are read.
  const input = useMemo(
    (): PageInput<'audit.list'> => ({
      operation: filters.operation,
      search: filters.search || undefined,
      // Dates are company calendar days, turned into instants in the company's time zone.
      fromMs: filters.from ? startOfCompanyDay(filters.from, tz) : undefined,
      toMs: filters.to ? startOfCompanyDay(addDays(filters.to, 1), tz) : undefined,
      limit: PAGE_SIZE,
    }),
    [filters, tz],
  );
  const log = useInfiniteOp('audit.list', input, { placeholderData: keepPreviousData });
  useErrorToast(log.query.error);
  const loading = log.query.isPending || log.query.isPlaceholderData;

  const pending = log.query.isPending;
  const emptyText = useMemo(() => (pending ? <span /> : t('audit.empty')), [pending, t]);
  const language = i18n.language as Language;

  // Kept from render to render: a table whose columns change draws every row again.
  const columns = useMemo((): TableColumnsType<AuditEntry> => {
    // Record and details in words (shared/audit/describe.ts), from the entry alone.
    const tr: Translate = (key, params) => t(key, params);
    return [
      {
        title: t('audit.time'),
        dataIndex: 'atMs',
        width: 150,
        render: (ms: number) => formatInstant(ms, tz, language),
      },
      {
        title: t('audit.actor'),
        key: 'actor',
        width: 130,
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
            {/* Where the call came from (issue 14); entries from before it was kept have none. */}
            {e.client !== null && (
              <div>
                <Typography.Text type="secondary" className="audit-client">
                  {t('audit.client', { client: clientText(e.client, tr) })}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      },
      {
        title: t('audit.operation'),
        dataIndex: 'operation',
        width: 140,
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
        width: 120,
        render: (_, e) => describeAuditEntry(e, tr).entity,
      },
      {
        title: t('audit.summary'),
        key: 'summary',
        render: (_, e) => (
          <div className="audit-summary">{describeAuditEntry(e, tr).lines.join('\n')}</div>
        ),
      },
    ];
  }, [t, language, tz]);

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
            changeFilters((f) => ({
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
      <InfiniteTable<AuditEntry>
        label={t('audit.title')}
        size="small"
        columns={columns}
        flexMinWidth={220}
        rows={log.items}
        total={log.total}
        hasMore={log.query.hasNextPage}
        fetching={log.query.isFetching}
        loadingMore={log.query.isFetchingNextPage}
        loading={loading}
        onLoadMore={log.loadMore}
        resetKey={JSON.stringify(input)}
        emptyText={emptyText}
      />
    </>
  );
}
