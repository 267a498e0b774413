import { Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportCell, ReportView } from '../../../../../shared/expenses';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../../../shared/policy';
import { useErrorToast, useOp } from '../../../api/queries';
import { formatMoney } from '../../../format';
import { ExportButton } from '../../exports';
import { FinanceFilters } from './FinanceFilters';
import { GROUP_BYS, linesHref, type GroupBy } from './period';
import { useFinanceQuery } from './useFinanceQuery';
import './finance.css';

type Row = ReportView['rows'][number];
type MatrixRow = ReportView['matrix'][number];

/** 费用统计: a period's spend by one dimension, department × category, the total; every figure
 * opens the lines behind it. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [query, setQuery] = useFinanceQuery();
  const report = useOp('expenses.report', { period: query.period, groupBy: query.groupBy });
  useErrorToast(report.error);
  const data = report.data;
  const money = (fen: number) => formatMoney(fen, language);
  const c = (key: string) => t(`expensesFinance.report.col.${key}`);

  const labelOf = (r: Row): string => {
    if (query.groupBy === 'department') return r.label || t('expensesFinance.noDepartment');
    if (query.groupBy === 'tier') return t(`labels.tier.${r.key}`);
    if (query.groupBy === 'category') return t(`labels.expense.${r.key}`);
    if (query.groupBy === 'status') return t(`expenses.reconciliationStatus.${r.key}`);
    return r.label;
  };
  const figure = (cell: ReportCell, href: string, what: string) =>
    cell.lines === 0 ? (
      <span className="fin-zero">—</span>
    ) : (
      <Link to={href} className="fin-money" aria-label={`${what}: ${money(cell.amountFen)}`}>
        {money(cell.amountFen)}
      </Link>
    );

  const rowColumns: TableColumnsType<Row> = [
    {
      title: t(`expensesFinance.report.by.${query.groupBy}`),
      key: 'label',
      render: (_, r) => labelOf(r),
    },
    { title: c('lines'), key: 'lines', width: 90, align: 'right', dataIndex: 'lines' },
    {
      title: c('amount'),
      key: 'amount',
      width: 160,
      align: 'right',
      render: (_, r) =>
        figure(r, linesHref(query, { groupBy: query.groupBy, key: r.key }), labelOf(r)),
    },
    {
      title: c('overCap'),
      key: 'overCap',
      width: 140,
      align: 'right',
      render: (_, r) =>
        r.overCapFen > 0 ? <span className="fin-money fin-over">{money(r.overCapFen)}</span> : '—',
    },
  ];

  const shown: ExpenseCategory[] = query.period.category
    ? [query.period.category]
    : EXPENSE_CATEGORIES.filter((cat) => (data?.matrix ?? []).some((m) => m.cells[cat].lines > 0));
  const deptName = (m: MatrixRow) => m.departmentName || t('expensesFinance.noDepartment');
  const sumOf = (m: MatrixRow): ReportCell =>
    EXPENSE_CATEGORIES.reduce(
      (s, cat) => ({
        amountFen: s.amountFen + m.cells[cat].amountFen,
        overCapFen: s.overCapFen + m.cells[cat].overCapFen,
        lines: s.lines + m.cells[cat].lines,
      }),
      { amountFen: 0, overCapFen: 0, lines: 0 },
    );
  const deptNarrow = (m: MatrixRow) => (m.departmentId > 0 ? { departmentId: m.departmentId } : {});
  const matrixColumns: TableColumnsType<MatrixRow> = [
    {
      title: c('department'),
      key: 'dept',
      fixed: 'left',
      width: 130,
      render: (_, m) => deptName(m),
    },
    ...shown.map((cat) => ({
      title: t(`labels.expense.${cat}`),
      key: cat,
      align: 'right' as const,
      render: (_: unknown, m: MatrixRow) =>
        figure(
          m.cells[cat],
          linesHref(query, { ...deptNarrow(m), category: cat }),
          `${deptName(m)} ${t(`labels.expense.${cat}`)}`,
        ),
    })),
    {
      title: c('total'),
      key: 'total',
      align: 'right',
      width: 150,
      render: (_, m) => figure(sumOf(m), linesHref(query, deptNarrow(m)), deptName(m)),
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('expensesFinance.report.title')}</h1>
        {/* The export of the period's expense sheet (the exports helper's button). */}
        <span className="fin-export-slot">
          <ExportButton filter={{ source: 'expenses', period: query.period }} />
        </span>
      </div>
      <Card size="small" className="fin-card">
        <FinanceFilters query={query} onChange={setQuery} />
      </Card>
      <Card
        size="small"
        className="fin-card"
        title={
          <Space>
            <span id="fin-groupby-label">{t('expensesFinance.report.groupBy')}</span>
            <Segmented<GroupBy>
              aria-labelledby="fin-groupby-label"
              data-testid="fin-groupby"
              value={query.groupBy}
              onChange={(groupBy) => setQuery({ ...query, groupBy })}
              options={GROUP_BYS.map((g) => ({
                value: g,
                label: t(`expensesFinance.report.by.${g}`),
              }))}
            />
          </Space>
        }
        extra={
          data && data.total.lines > 0 ? (
            <Typography.Text strong data-testid="fin-total">
              {t('expensesFinance.report.total')}{' '}
              {figure(data.total, linesHref(query), t('expensesFinance.report.total'))}
            </Typography.Text>
          ) : undefined
        }
      >
        <Table<Row>
          rowKey="key"
          size="small"
          data-testid="fin-report-rows"
          loading={report.isFetching && !data}
          columns={rowColumns}
          dataSource={data?.rows ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('expensesFinance.report.empty')} /> }}
          summary={() =>
            data && data.rows.length > 0 ? (
              <Table.Summary.Row className="fin-total-row">
                <Table.Summary.Cell index={0}>
                  {t('expensesFinance.report.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {data.total.lines}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {figure(data.total, linesHref(query), t('expensesFinance.report.total'))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {data.total.overCapFen > 0 ? (
                    <span className="fin-money fin-over">{money(data.total.overCapFen)}</span>
                  ) : (
                    '—'
                  )}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : undefined
          }
        />
      </Card>
      <Card size="small" className="fin-card" title={t('expensesFinance.report.matrix')}>
        <Table<MatrixRow>
          rowKey="departmentId"
          size="small"
          data-testid="fin-matrix"
          columns={matrixColumns}
          dataSource={data?.matrix ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('expensesFinance.report.empty')} /> }}
        />
      </Card>
    </>
  );
}
