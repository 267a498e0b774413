import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECONCILIATION_STATUSES } from '../../../../../shared/expenses';
import { EXPENSE_CATEGORIES, TIERS } from '../../../../../shared/policy';
import { useOp } from '../../../api/queries';
import { DateRangeField } from '../../../components/DateTimeField';
import { PERIOD_KINDS, periodOf, shiftPeriod, type FinanceQuery, type PeriodKind } from './period';

/**
 * The period (month, quarter, year or custom dates, with 上一期/下一期) and the filters of the
 * finance screens: department, tier, host, category, status, over the cap only.
 */
export function FinanceFilters({
  query,
  onChange,
  statusFilter = true,
}: {
  query: FinanceQuery;
  onChange: (q: FinanceQuery) => void;
  statusFilter?: boolean;
}) {
  const { t } = useTranslation();
  const departments = useOp('departments.list', {});
  const people = useOp('users.directory', {});
  const { period, kind } = query;
  const set = (patch: Partial<FinanceQuery['period']>) =>
    onChange({ ...query, period: { ...period, ...patch } });
  const setKind = (k: PeriodKind) =>
    onChange({
      ...query,
      kind: k,
      period: { ...period, ...(k === 'custom' ? {} : periodOf(k, period.from)) },
    });
  const step = (s: -1 | 1) =>
    onChange({ ...query, period: { ...period, ...shiftPeriod(kind, period.from, s) } });
  const periodText =
    kind === 'month'
      ? period.from.slice(0, 7)
      : kind === 'quarter'
        ? t('expensesFinance.period.quarterOf', {
            year: period.from.slice(0, 4),
            q: Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1,
          })
        : kind === 'year'
          ? period.from.slice(0, 4)
          : '';
  const f = (key: string) => t(`expensesFinance.filter.${key}`);
  return (
    <div className="fin-filters" role="search" aria-label={t('expensesFinance.filter.label')}>
      <Space wrap size="middle">
        <Segmented<PeriodKind>
          aria-label={t('expensesFinance.period.label')}
          value={kind}
          onChange={setKind}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`expensesFinance.period.${k}`) }))}
        />
        {kind === 'custom' ? (
          <DateRangeField
            id="fin-period"
            from={period.from}
            to={period.to}
            style={{ width: 260 }}
            onChange={(from, to) => {
              if (from && to) set({ from, to });
            }}
          />
        ) : (
          <Space size={4}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('expensesFinance.period.previous')}
              onClick={() => step(-1)}
            />
            <span className="fin-period-text" data-testid="fin-period">
              {periodText}
            </span>
            <Button
              icon={<RightOutlined />}
              aria-label={t('expensesFinance.period.next')}
              onClick={() => step(1)}
            />
          </Space>
        )}
        <Select
          allowClear
          aria-label={f('department')}
          placeholder={f('department')}
          style={{ minWidth: 140 }}
          value={period.departmentId ?? undefined}
          onChange={(v?: number) => set({ departmentId: v ?? null })}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          allowClear
          aria-label={f('tier')}
          placeholder={f('tier')}
          style={{ minWidth: 100 }}
          value={period.tier ?? undefined}
          onChange={(v?: (typeof TIERS)[number]) => set({ tier: v ?? null })}
          options={TIERS.map((x) => ({ value: x, label: t(`labels.tier.${x}`) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={f('host')}
          placeholder={f('host')}
          style={{ minWidth: 140 }}
          value={period.hostUserId ?? undefined}
          onChange={(v?: number) => set({ hostUserId: v ?? null })}
          options={(people.data ?? [])
            .filter((u) => u.roles.includes('host'))
            .map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <Select
          allowClear
          aria-label={f('category')}
          placeholder={f('category')}
          style={{ minWidth: 120 }}
          value={period.category ?? undefined}
          onChange={(v?: (typeof EXPENSE_CATEGORIES)[number]) => set({ category: v ?? null })}
          options={EXPENSE_CATEGORIES.map((x) => ({ value: x, label: t(`labels.expense.${x}`) }))}
        />
        {statusFilter && (
          <Select
            allowClear
            aria-label={f('status')}
            placeholder={f('status')}
            style={{ minWidth: 120 }}
            value={period.status ?? undefined}
            onChange={(v?: (typeof RECONCILIATION_STATUSES)[number]) => set({ status: v ?? null })}
            options={RECONCILIATION_STATUSES.map((x) => ({
              value: x,
              label: t(`expenses.reconciliationStatus.${x}`),
            }))}
          />
        )}
        <Checkbox
          checked={period.overCapOnly === true}
          onChange={(e) => set({ overCapOnly: e.target.checked })}
        >
          {f('overCapOnly')}
        </Checkbox>
      </Space>
    </div>
  );
}
