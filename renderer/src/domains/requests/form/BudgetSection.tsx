import { UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BudgetLineEstimate } from '../../../../../shared/policy/evaluate';
import type { ExpenseCategory } from '../../../../../shared/requests/schema';
import {
  MoneyInput,
  useErrorText,
  useMoney,
  usePreview,
  useRequestForm,
  type FormValues,
} from './common';

type Line = FormValues['budget'][number];

/**
 * 预算: the estimate of each expense category (from the live preview) and the amount the host
 * plans. Only lines the host changed are stored in the body; above the estimate they need a reason.
 */
export function BudgetSection() {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const form = useRequestForm();
  const { preview } = usePreview();
  const [own, visitors, companions] = useWatch({
    control: form.control,
    name: ['budget', 'visitors', 'companions'],
  });
  const errors = form.formState.errors.budget;
  const generalError = errorText(
    errors && typeof (errors as { message?: unknown }).message === 'string'
      ? (errors as { message: string; type?: string })
      : undefined,
  );

  if (!preview) return <Skeleton active paragraph={{ rows: 6 }} />;

  const write = (next: Line[]) =>
    form.setValue('budget', next, {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted,
    });
  const index = (c: ExpenseCategory) => own.findIndex((l) => l.category === c);
  const setAmount = (c: ExpenseCategory, fen: number | null) => {
    const i = index(c);
    // Clearing the amount means "back to the estimate".
    if (fen === null) return write(own.filter((l) => l.category !== c));
    const next =
      i === -1
        ? [...own, { category: c, amountFen: fen, reason: '' }]
        : own.map((l, j) => (j === i ? { ...l, amountFen: fen } : l));
    write(next);
    // The budget inputs are not registered fields: validate the exact path so its error shows.
    void form.trigger(`budget.${i === -1 ? own.length : i}.amountFen`);
  };
  const setReason = (c: ExpenseCategory, reason: string) =>
    write(own.map((l) => (l.category === c ? { ...l, reason } : l)));

  const lines = preview.budget.lines;
  const planned = (l: BudgetLineEstimate) => {
    const mine = own[index(l.category)];
    return mine && Number.isInteger(mine.amountFen) && mine.amountFen >= 0
      ? mine.amountFen
      : l.estimateFen;
  };
  const total = lines.reduce((s, l) => s + planned(l), 0);

  const columns: TableColumnsType<BudgetLineEstimate> = [
    {
      title: t('requestForm.budget.category'),
      key: 'category',
      render: (_, l) => (
        <span>
          {t(`requestForm.expense.${l.category}`)}
          {index(l.category) !== -1 && (
            <Tag color="blue" className="rf-tag-tight" style={{ marginInlineStart: 6 }}>
              {t('requestForm.budget.changed')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('requestForm.budget.estimate'),
      key: 'estimate',
      align: 'right',
      width: 110,
      render: (_, l) => <span className="rf-money">{money(l.estimateFen)}</span>,
    },
    {
      title: t('requestForm.budget.amount'),
      key: 'amount',
      width: 150,
      render: (_, l) => {
        const i = index(l.category);
        const error = i === -1 ? undefined : errorText(errors?.[i]?.amountFen);
        return (
          <>
            <MoneyInput
              id={`budget.${l.category}.amountFen`}
              size="small"
              value={i === -1 ? l.estimateFen : own[i]?.amountFen}
              onChange={(fen) => setAmount(l.category, fen)}
              invalid={Boolean(error)}
              ariaLabel={`${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.amount')}`}
            />
            {error && <div className="rf-cell-error">{error}</div>}
          </>
        );
      },
    },
    {
      title: t('requestForm.budget.reason'),
      key: 'reason',
      width: '32%',
      render: (_, l) => {
        const i = index(l.category);
        if (i === -1) return null;
        const line = own[i];
        const above = planned(l) > l.estimateFen;
        const missing = above && (line?.reason ?? '').trim() === '';
        const error = errorText(errors?.[i]?.reason);
        return (
          <>
            <Input
              id={`budget.${l.category}.reason`}
              size="small"
              value={line?.reason ?? ''}
              onChange={(e) => setReason(l.category, e.target.value)}
              placeholder={t('requestForm.budget.reasonPlaceholder')}
              status={error ? 'error' : missing ? 'warning' : undefined}
              aria-label={`${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.reason')}`}
            />
            {(error || missing) && (
              <div className={error ? 'rf-cell-error' : 'rf-cell-warning'}>
                {error ?? t('requestForm.budget.reasonRequired')}
              </div>
            )}
          </>
        );
      },
    },
    {
      key: 'reset',
      width: 36,
      render: (_, l) =>
        index(l.category) === -1 ? null : (
          <Button
            type="text"
            size="small"
            icon={<UndoOutlined />}
            title={t('requestForm.budget.reset')}
            aria-label={`${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.reset')}`}
            onClick={() => write(own.filter((x) => x.category !== l.category))}
          />
        ),
    },
  ];

  return (
    <>
      {generalError && (
        <Alert type="error" showIcon title={generalError} style={{ marginBottom: 8 }} />
      )}
      <Table<BudgetLineEstimate>
        className="rf-grid rf-budget"
        rowKey="category"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('requestForm.budget.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span className="rf-money">
                {money(preview.budget.lines.reduce((s, l) => s + l.estimateFen, 0))}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong className="rf-money" data-testid="budget-total">
                {money(total)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
      <Typography.Text
        type="secondary"
        className="rf-hint"
        style={{ display: 'block', marginTop: 6 }}
      >
        {t('requestForm.budget.headcount', {
          visitors: visitors.length,
          companions: companions.length,
          count: visitors.length + companions.length,
        })}
      </Typography.Text>
      <Alert
        type="info"
        showIcon
        title={t('requestForm.budget.capNote')}
        style={{ marginTop: 8 }}
      />
    </>
  );
}
