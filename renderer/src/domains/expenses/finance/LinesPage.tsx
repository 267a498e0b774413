import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { LineRow } from '../../../../../shared/expenses';
import { useErrorToast, useInfiniteOp } from '../../../api/queries';
import { formatMoney } from '../../../format';
import { ExportButton } from '../../exports';
import { FinanceFilters } from './FinanceFilters';
import { useFinanceQuery } from './useFinanceQuery';
import './finance.css';

const PAGE_SIZE = 100;

/** The lines behind a figure: the period and filters of the figure, by date, page after page. */
export function LinesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const [query, setQuery] = useFinanceQuery();
  const list = useInfiniteOp(
    'expenses.lines',
    { period: query.period, limit: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  useErrorToast(list.query.error);
  const money = (fen: number) => formatMoney(fen, language);
  const c = (key: string) => t(`expensesFinance.lines.col.${key}`);
  const columns: TableColumnsType<LineRow> = [
    {
      title: c('date'),
      key: 'date',
      width: 120,
      dataIndex: 'spentOn',
    },
    {
      title: c('code'),
      key: 'code',
      width: 140,
      render: (_, l) => <Link to={`/expenses/${l.requestId}`}>{l.requestCode}</Link>,
    },
    { title: c('org'), key: 'org', dataIndex: 'orgName', ellipsis: true },
    { title: c('tier'), key: 'tier', width: 60, render: (_, l) => t(`labels.tier.${l.tier}`) },
    {
      title: c('department'),
      key: 'department',
      width: 100,
      render: (_, l) => l.departmentName ?? t('expensesFinance.noDepartment'),
    },
    { title: c('host'), key: 'host', width: 90, dataIndex: 'hostName' },
    {
      title: c('category'),
      key: 'category',
      width: 90,
      render: (_, l) => t(`labels.expense.${l.category}`),
    },
    { title: c('vendor'), key: 'vendor', dataIndex: 'vendor', ellipsis: true },
    { title: c('invoice'), key: 'invoice', width: 120, render: (_, l) => l.invoiceNo || '—' },
    {
      title: c('amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, l) => <span className="fin-money">{money(l.amountFen)}</span>,
    },
    { title: c('attendees'), key: 'attendees', width: 70, align: 'right', dataIndex: 'attendees' },
    {
      title: c('perHead'),
      key: 'perHead',
      width: 110,
      align: 'right',
      render: (_, l) => <span className="fin-money">{money(l.perHeadFen)}</span>,
    },
    {
      title: c('cap'),
      key: 'cap',
      width: 100,
      align: 'right',
      render: (_, l) => (l.capFen === null ? '—' : money(l.capFen)),
    },
    {
      title: c('overCap'),
      key: 'overCap',
      width: 110,
      align: 'right',
      render: (_, l) =>
        l.overCapFen > 0 ? <span className="fin-money fin-over">{money(l.overCapFen)}</span> : '—',
    },
    {
      title: c('status'),
      key: 'status',
      width: 90,
      render: (_, l) => t(`expenses.reconciliationStatus.${l.status}`),
    },
  ];
  const total = list.total;
  return (
    <>
      <div className="page-header">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={t('expensesFinance.lines.back')}
          onClick={() => void navigate(-1)}
        />
        <h1>{t('expensesFinance.lines.title')}</h1>
        <span className="fin-export-slot">
          <ExportButton filter={{ source: 'expenses', period: query.period }} />
        </span>
      </div>
      <Card size="small" className="fin-card">
        <FinanceFilters query={query} onChange={setQuery} />
      </Card>
      <Card size="small" className="fin-card">
        <Table<LineRow>
          rowKey="id"
          size="small"
          data-testid="fin-lines"
          loading={list.query.isPending}
          columns={columns}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1500 }}
          locale={{ emptyText: <Empty description={t('expensesFinance.lines.empty')} /> }}
          footer={() => (
            <div className="fin-lines-footer">
              <Typography.Text type="secondary">
                {total
                  ? t(
                      total.atLeast
                        ? 'expensesFinance.lines.countAtLeast'
                        : 'expensesFinance.lines.count',
                      {
                        count: total.count,
                      },
                    )
                  : ''}
              </Typography.Text>
              {list.query.hasNextPage && (
                <Button onClick={list.loadMore} loading={list.query.isFetchingNextPage}>
                  {t('expensesFinance.loadMore')}
                </Button>
              )}
            </div>
          )}
        />
      </Card>
    </>
  );
}
