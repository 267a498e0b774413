import { Button, Card, Empty, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReconciliationRow, ReconciliationStatus } from '../../../../../shared/expenses';
import { useErrorToast, useInfiniteOp } from '../../../api/queries';
import { formatInstant, formatMoney } from '../../../format';
import { useCompanyTimeZone } from '../../../session/SessionContext';
import './finance.css';

const PAGE_SIZE = 50;
const TABS: ReconciliationStatus[] = ['approving', 'returned', 'open', 'settled'];

function QueueList({ status }: { status: ReconciliationStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const tz = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const list = useInfiniteOp('expenses.reconciliations', { status, limit: PAGE_SIZE });
  useErrorToast(list.query.error);
  const c = (key: string) => t(`expensesFinance.queue.col.${key}`);
  const money = (fen: number) => formatMoney(fen, language);
  // The queue fits the content area at 1280×800 without scrolling sideways: the visit and its
  // organisation share a column (as do the host and his department), long names end in an
  // ellipsis (the whole name on hover) and the date wraps; the sums keep their own columns.
  const columns: TableColumnsType<ReconciliationRow> = [
    {
      title: c('visit'),
      key: 'code',
      render: (_, r) => (
        <div className="fin-stack">
          {/* The visit's money page (lines, receipts, checks, review), as the intro promises. */}
          <Link to={`/expenses/${r.requestId}`}>{r.requestCode}</Link>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.orgName }}>
            {r.orgName}
          </Typography.Text>
        </div>
      ),
    },
    { title: c('tier'), key: 'tier', width: 72, render: (_, r) => t(`labels.tier.${r.tier}`) },
    {
      title: c('host'),
      key: 'host',
      width: 130,
      render: (_, r) => {
        const department = r.departmentName ?? t('expensesFinance.noDepartment');
        return (
          <div className="fin-stack">
            <Typography.Text ellipsis={{ tooltip: r.hostName }}>{r.hostName}</Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: department }}>
              {department}
            </Typography.Text>
          </div>
        );
      },
    },
    {
      title: c('waitingOn'),
      key: 'waitingOn',
      width: 128,
      render: (_, r) =>
        r.waitingOn ? (
          <Tag className="fin-wrap-tag" color={r.waitingOn === 'finance' ? 'orange' : 'blue'}>
            {t(`labels.stepKind.${r.waitingOn}`)}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: c('submitted'),
      key: 'submitted',
      width: 124,
      render: (_, r) =>
        r.submittedAtMs === null ? '—' : formatInstant(r.submittedAtMs, tz, language),
    },
    { title: c('lines'), key: 'lines', width: 64, align: 'right', dataIndex: 'lines' },
    {
      title: c('amount'),
      key: 'amount',
      width: 124,
      align: 'right',
      render: (_, r) => <span className="fin-money">{money(r.amountFen)}</span>,
    },
    {
      title: c('overCap'),
      key: 'overCap',
      width: 112,
      align: 'right',
      render: (_, r) =>
        r.overCapFen > 0 ? <span className="fin-money fin-over">{money(r.overCapFen)}</span> : '—',
    },
  ];
  return (
    <Table<ReconciliationRow>
      rowKey="id"
      size="middle"
      data-testid={`queue-${status}`}
      loading={list.query.isPending}
      columns={columns}
      dataSource={list.items}
      pagination={false}
      tableLayout="fixed"
      locale={{
        emptyText: <Empty description={t(`expensesFinance.queue.empty.${status}`)} />,
      }}
      footer={
        list.query.hasNextPage
          ? () => (
              <Button onClick={list.loadMore} loading={list.query.isFetchingNextPage}>
                {t('expensesFinance.loadMore')}
              </Button>
            )
          : undefined
      }
    />
  );
}

/** 报帐审核: finance's queue of reconciliations by status, oldest submission first. */
export function QueuePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ReconciliationStatus>('approving');
  return (
    <>
      <div className="page-header">
        <h1>{t('expensesFinance.queue.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary">
        {t('expensesFinance.queue.intro')}
      </Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as ReconciliationStatus)}
          items={TABS.map((s) => ({
            key: s,
            label: t(`expenses.reconciliationStatus.${s}`),
            children: <QueueList status={s} />,
          }))}
        />
      </Card>
    </>
  );
}
