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
  const columns: TableColumnsType<ReconciliationRow> = [
    {
      title: c('code'),
      key: 'code',
      width: 150,
      fixed: 'left',
      // The visit's money page: its lines, receipts, checks and review steps (what the intro
      // promises), not the request's dossier.
      render: (_, r) => <Link to={`/expenses/${r.requestId}`}>{r.requestCode}</Link>,
    },
    // Wide enough for a company's name on one line; the money columns stay in view on the right
    // while the rest scrolls (the table is wider than a 1280 px window with the sidebar).
    {
      title: c('org'),
      key: 'org',
      dataIndex: 'orgName',
      width: 200,
      ellipsis: { showTitle: true },
    },
    { title: c('tier'), key: 'tier', width: 70, render: (_, r) => t(`labels.tier.${r.tier}`) },
    { title: c('host'), key: 'host', width: 100, dataIndex: 'hostName' },
    {
      title: c('department'),
      key: 'department',
      width: 110,
      render: (_, r) => r.departmentName ?? t('expensesFinance.noDepartment'),
    },
    {
      title: c('waitingOn'),
      key: 'waitingOn',
      width: 130,
      render: (_, r) =>
        r.waitingOn ? (
          <Tag color={r.waitingOn === 'finance' ? 'orange' : 'blue'}>
            {t(`labels.stepKind.${r.waitingOn}`)}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: c('submitted'),
      key: 'submitted',
      width: 160,
      render: (_, r) =>
        r.submittedAtMs === null ? '—' : formatInstant(r.submittedAtMs, tz, language),
    },
    { title: c('lines'), key: 'lines', width: 70, align: 'right', dataIndex: 'lines' },
    {
      title: c('amount'),
      key: 'amount',
      width: 130,
      align: 'right',
      fixed: 'right',
      render: (_, r) => <span className="fin-money">{money(r.amountFen)}</span>,
    },
    {
      title: c('overCap'),
      key: 'overCap',
      width: 120,
      align: 'right',
      fixed: 'right',
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
      scroll={{ x: 'max-content' }}
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
