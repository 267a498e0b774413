import { Button, Card, Empty, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdvanceRow } from '../../../../../shared/expenses';
import { useErrorToast, useInfiniteOp } from '../../../api/queries';
import { formatInstant } from '../../../format';
import { useCompanyTimeZone } from '../../../session/SessionContext';
import { IssueModal } from './IssueModal';
import { STATUS_COLOR, useAdvanceText } from './text';
import './advances.css';

/** Rows per page; more come with 加载更多. */
const PAGE_SIZE = 50;

function AdvanceList({ status }: { status: 'approved' | 'issued' }) {
  const { t } = useTranslation();
  const text = useAdvanceText();
  const tz = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const list = useInfiniteOp('expenses.advances', { status, limit: PAGE_SIZE });
  useErrorToast(list.query.error);
  const [issuing, setIssuing] = useState<AdvanceRow | null>(null);
  const c = (key: string) => t(`expensesAdvances.page.${key}`);

  const columns: TableColumnsType<AdvanceRow> = [
    {
      title: c('code'),
      key: 'code',
      width: 170,
      render: (_, a) => (
        <Link to={`/requests/${a.requestId}`} className="rv-code">
          {a.requestCode}
        </Link>
      ),
    },
    { title: c('org'), dataIndex: 'orgName', key: 'org' },
    {
      title: c('host'),
      key: 'host',
      render: (_, a) => (a.departmentName ? `${a.hostName}（${a.departmentName}）` : a.hostName),
    },
    {
      title: c('amount'),
      key: 'amount',
      align: 'right',
      width: 130,
      render: (_, a) => <span className="adv-amount">{text.money(a.amountFen)}</span>,
    },
    {
      title: t('expensesAdvances.purpose'),
      key: 'purpose',
      render: (_, a) => (
        <>
          <Tag>{t('expensesAdvances.seq', { advance: a.seq })}</Tag>
          {a.purpose}
        </>
      ),
    },
    {
      title: c('requestedAt'),
      key: 'requestedAt',
      width: 170,
      render: (_, a) => formatInstant(a.requestedAtMs, tz, text.language),
    },
    status === 'approved'
      ? {
          title: c('actions'),
          key: 'actions',
          width: 100,
          render: (_, a) => (
            <Button
              type="primary"
              size="small"
              onClick={() => setIssuing(a)}
              aria-label={`${t('expensesAdvances.issue')} ${a.requestCode} ${t('expensesAdvances.seq', { advance: a.seq })}`}
            >
              {t('expensesAdvances.issue')}
            </Button>
          ),
        }
      : {
          title: c('issued'),
          key: 'issued',
          width: 220,
          render: (_, a) => (
            <>
              <Tag color={STATUS_COLOR[a.status]}>{t(`expenses.advanceStatus.${a.status}`)}</Tag>
              {a.issuedOn} {a.issuedMethod ? t(`expenses.issueMethod.${a.issuedMethod}`) : ''}
            </>
          ),
        },
  ];

  return (
    <>
      <Table<AdvanceRow>
        rowKey="id"
        size="middle"
        data-testid={`advances-${status}`}
        loading={list.query.isPending}
        columns={columns}
        dataSource={list.items}
        pagination={false}
        footer={
          list.items.length > 0
            ? () => (
                <>
                  {list.total && t('expensesAdvances.page.total', { count: list.total.count })}
                  {list.query.hasNextPage && (
                    <Button
                      style={{ marginLeft: 12 }}
                      onClick={list.loadMore}
                      loading={list.query.isFetchingNextPage}
                    >
                      {c('more')}
                    </Button>
                  )}
                </>
              )
            : undefined
        }
        locale={{
          emptyText: (
            <Empty description={c(status === 'approved' ? 'emptyToIssue' : 'emptyOutstanding')} />
          ),
        }}
      />
      {issuing && (
        <IssueModal advance={issuing} code={issuing.requestCode} onClose={() => setIssuing(null)} />
      )}
    </>
  );
}

/** 借款发放: finance's advances approved and waiting to be handed out, and those outstanding. */
export function AdvancesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('approved');
  return (
    <>
      <div className="page-header">
        <h1>{t('expensesAdvances.page.title')}</h1>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'approved',
              label: t('expensesAdvances.page.toIssue'),
              children: <AdvanceList status="approved" />,
            },
            {
              key: 'issued',
              label: t('expensesAdvances.page.outstanding'),
              children: <AdvanceList status="issued" />,
            },
          ]}
        />
      </Card>
    </>
  );
}
