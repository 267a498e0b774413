import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardView } from '../../../../../shared/expenses';
import { TIERS, type Tier } from '../../../../../shared/policy';
import { useErrorToast, useOp } from '../../../api/queries';
import { formatMoney } from '../../../format';
import { FinanceFilters } from './FinanceFilters';
import { linesHref, monthPeriod, type FinanceQuery } from './period';
import { useFinanceQuery } from './useFinanceQuery';
import './finance.css';

const TIER_COLORS: Record<Tier, string> = {
  A: '#cf1322',
  B: '#d48806',
  C: '#1677ff',
  D: '#8c8c8c',
};
const BUDGET = '#91caff';
const ACTUAL = '#1677ff';

/** Whole yuan for an axis (display only: the figures themselves stay in fen). */
const yuanTick = (fen: number) => Math.trunc(fen / 100).toLocaleString('en-US');

/** The query of one month of the period (the lines of a bar). */
const ofMonth = (q: FinanceQuery, month: string): FinanceQuery => ({
  ...q,
  kind: 'custom',
  period: { ...q.period, ...monthPeriod(month) },
});

type Spend = { budgetFen: number; actualFen: number };

/**
 * 费用看板: visits per month by tier, spend against budget by month, department and category,
 * the average meal per head by tier against its cap, the visits most over the cap. Every bar and
 * figure opens the lines (or the requests) behind it.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const [query, setQuery] = useFinanceQuery();
  const dash = useOp('expenses.dashboard', { period: query.period });
  useErrorToast(dash.error);
  const d = dash.data;
  const money = (fen: number) => formatMoney(fen, language);
  const k = (key: string) => t(`expensesFinance.dashboard.${key}`);
  const tooltipMoney = (v: unknown) => money(Number(v));
  const spendLegend = (name: unknown) => k(String(name));
  const hasSpend = (xs: Spend[]) => xs.some((x) => x.budgetFen > 0 || x.actualFen > 0);

  const visitsHref = (month: string, tier?: Tier) => {
    const { from, to } = monthPeriod(month);
    const p = new URLSearchParams({ from, to });
    if (tier) p.set('tier', tier);
    if (query.period.departmentId) p.set('dept', String(query.period.departmentId));
    return `/requests/all?${p.toString()}`;
  };

  const byDept = d?.spendByDepartment ?? [];
  const deptColumns: TableColumnsType<DashboardView['spendByDepartment'][number]> = [
    {
      title: k('department'),
      key: 'name',
      render: (_, x) =>
        x.departmentId > 0 ? (
          <Link to={linesHref(query, { departmentId: x.departmentId })}>{x.name}</Link>
        ) : (
          t('expensesFinance.noDepartment')
        ),
    },
    { title: k('budgetFen'), key: 'b', align: 'right', render: (_, x) => money(x.budgetFen) },
    { title: k('actualFen'), key: 'a', align: 'right', render: (_, x) => money(x.actualFen) },
    {
      title: k('variance'),
      key: 'v',
      align: 'right',
      render: (_, x) => {
        const v = x.actualFen - x.budgetFen;
        return <span className={v > 0 ? 'fin-over' : ''}>{money(v)}</span>;
      },
    },
  ];
  const catColumns: TableColumnsType<DashboardView['spendByCategory'][number]> = [
    {
      title: k('category'),
      key: 'name',
      render: (_, x) => (
        <Link to={linesHref(query, { category: x.category })}>
          {t(`labels.expense.${x.category}`)}
        </Link>
      ),
    },
    { title: k('budgetFen'), key: 'b', align: 'right', render: (_, x) => money(x.budgetFen) },
    { title: k('actualFen'), key: 'a', align: 'right', render: (_, x) => money(x.actualFen) },
  ];
  const mealColumns: TableColumnsType<DashboardView['mealPerHead'][number]> = [
    { title: k('tier'), key: 'tier', render: (_, x) => t(`labels.tier.${x.tier}`) },
    {
      title: k('avgPerHead'),
      key: 'avg',
      align: 'right',
      render: (_, x) =>
        x.avgPerHeadFen === null ? (
          '—'
        ) : (
          <Link
            to={linesHref(
              { ...query, period: { ...query.period, tier: x.tier } },
              { category: 'meals' },
            )}
            className={x.capFen !== null && x.avgPerHeadFen > x.capFen ? 'fin-over' : ''}
          >
            {money(x.avgPerHeadFen)}
          </Link>
        ),
    },
    {
      title: k('cap'),
      key: 'cap',
      align: 'right',
      render: (_, x) => (x.capFen === null ? '—' : money(x.capFen)),
    },
    { title: k('meals'), key: 'meals', align: 'right', dataIndex: 'meals' },
    {
      title: '',
      key: 'flag',
      render: (_, x) =>
        x.avgPerHeadFen !== null && x.capFen !== null && x.avgPerHeadFen > x.capFen ? (
          <Tag color="error">{k('aboveCap')}</Tag>
        ) : null,
    },
  ];
  const topColumns: TableColumnsType<DashboardView['topOverCap'][number]> = [
    {
      title: k('code'),
      key: 'code',
      width: 150,
      // The visit's money page: the lines that went over the cap, not the request's dossier.
      render: (_, x) => <Link to={`/expenses/${x.requestId}`}>{x.code}</Link>,
    },
    { title: k('org'), key: 'org', dataIndex: 'orgName', ellipsis: true },
    { title: k('tier'), key: 'tier', render: (_, x) => t(`labels.tier.${x.tier}`) },
    {
      title: k('overCap'),
      key: 'over',
      align: 'right',
      render: (_, x) => <span className="fin-money fin-over">{money(x.overCapFen)}</span>,
    },
    { title: k('amount'), key: 'amount', align: 'right', render: (_, x) => money(x.amountFen) },
  ];

  const chart = (title: string, empty: boolean, body: ReactNode, id: string) => (
    <Card size="small" className="fin-card" title={title}>
      {empty ? (
        <Empty description={k('empty')} />
      ) : (
        <div className="fin-chart" role="figure" aria-label={title} data-testid={id}>
          <ResponsiveContainer width="100%" height={260}>
            {body as ReactElement}
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
  const visits = d?.visitsByMonth ?? [];
  const noVisits = !visits.some((m) => m.A + m.B + m.C + m.D > 0);
  const months = d?.spendByMonth ?? [];

  return (
    <>
      <div className="page-header">
        <h1>{t('expensesFinance.dashboard.title')}</h1>
      </div>
      <Card size="small" className="fin-card">
        <FinanceFilters query={query} onChange={setQuery} />
      </Card>
      <Typography.Paragraph type="secondary">{k('hint')}</Typography.Paragraph>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={12}>
          {chart(
            k('visitsByMonth'),
            noVisits,
            <BarChart data={visits}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" />
              <YAxis allowDecimals={false} width={40} />
              <Tooltip />
              <Legend formatter={(v: unknown) => t(`labels.tier.${String(v)}`)} />
              {TIERS.map((tier) => (
                <Bar
                  key={tier}
                  dataKey={tier}
                  stackId="v"
                  fill={TIER_COLORS[tier]}
                  cursor="pointer"
                  onClick={(_: unknown, i: number) => {
                    const m = visits[i];
                    if (m) void navigate(visitsHref(m.month, tier));
                  }}
                />
              ))}
            </BarChart>,
            'dash-visits',
          )}
        </Col>
        <Col xs={24} xl={12}>
          {chart(
            k('spendByMonth'),
            !hasSpend(months),
            <BarChart data={months}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" />
              <YAxis tickFormatter={yuanTick} width={70} />
              <Tooltip formatter={tooltipMoney} />
              <Legend formatter={spendLegend} />
              {(['budgetFen', 'actualFen'] as const).map((key) => (
                <Bar
                  key={key}
                  dataKey={key}
                  name={key}
                  fill={key === 'budgetFen' ? BUDGET : ACTUAL}
                  cursor="pointer"
                  onClick={(_: unknown, i: number) => {
                    const m = months[i];
                    if (m) void navigate(linesHref(ofMonth(query, m.month)));
                  }}
                />
              ))}
            </BarChart>,
            'dash-spend-month',
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" className="fin-card" title={k('spendByDepartment')}>
            <Table
              rowKey="departmentId"
              size="small"
              data-testid="dash-departments"
              columns={deptColumns}
              dataSource={byDept}
              pagination={false}
              locale={{ emptyText: <Empty description={k('empty')} /> }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" className="fin-card" title={k('spendByCategory')}>
            <Table
              rowKey="category"
              size="small"
              data-testid="dash-categories"
              columns={catColumns}
              dataSource={(d?.spendByCategory ?? []).filter(
                (x) => x.budgetFen > 0 || x.actualFen > 0,
              )}
              pagination={false}
              locale={{ emptyText: <Empty description={k('empty')} /> }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" className="fin-card" title={k('mealPerHead')}>
            <Table
              rowKey="tier"
              size="small"
              data-testid="dash-meals"
              columns={mealColumns}
              dataSource={d?.mealPerHead ?? []}
              pagination={false}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" className="fin-card" title={k('topOverCap')}>
            <Table
              rowKey="requestId"
              size="small"
              data-testid="dash-top"
              columns={topColumns}
              dataSource={d?.topOverCap ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description={k('noneOverCap')} /> }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
