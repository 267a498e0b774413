import { UndoOutlined } from '@ant-design/icons';
import { Alert, Input, Skeleton, Table, Tag, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BudgetLineEstimate } from '../../../../../shared/policy';
import type { ExpenseCategory } from '../../../../../shared/policy';
import { EditableGrid, GridCell, type GridColumn } from '../../../components/EditableGrid';
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

  const columns: GridColumn<BudgetLineEstimate>[] = [
    {
      title: t('requestForm.budget.category'),
      key: 'category',
      render: (l) => (
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
      render: (l) => <span className="rf-money">{money(l.estimateFen)}</span>,
    },
    {
      title: t('requestForm.budget.amount'),
      key: 'amount',
      width: 150,
      render: (l) => {
        const i = index(l.category);
        const error = i === -1 ? undefined : errorText(errors?.[i]?.amountFen);
        return (
          <GridCell error={error}>
            <MoneyInput
              id={`budget.${l.category}.amountFen`}
              size="small"
              value={i === -1 ? l.estimateFen : own[i]?.amountFen}
              onChange={(fen) => setAmount(l.category, fen)}
              invalid={Boolean(error)}
              ariaLabel={`${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.amount')}`}
            />
          </GridCell>
        );
      },
    },
    {
      title: t('requestForm.budget.reason'),
      key: 'reason',
      width: '32%',
      render: (l) => {
        const i = index(l.category);
        if (i === -1) return null;
        const line = own[i];
        const above = planned(l) > l.estimateFen;
        const missing = above && (line?.reason ?? '').trim() === '';
        const error = errorText(errors?.[i]?.reason);
        return (
          <GridCell
            error={error}
            warning={missing ? t('requestForm.budget.reasonRequired') : undefined}
          >
            <Input
              id={`budget.${l.category}.reason`}
              size="small"
              value={line?.reason ?? ''}
              onChange={(e) => setReason(l.category, e.target.value)}
              placeholder={t('requestForm.budget.reasonPlaceholder')}
              status={error ? 'error' : missing ? 'warning' : undefined}
              aria-label={`${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.reason')}`}
            />
          </GridCell>
        );
      },
    },
  ];

  return (
    <>
      <EditableGrid<BudgetLineEstimate>
        rows={lines}
        rowKey="category"
        columns={columns}
        error={generalError}
        rowAction={{
          icon: <UndoOutlined />,
          label: (l) =>
            `${t(`requestForm.expense.${l.category}`)} ${t('requestForm.budget.reset')}`,
          title: () => t('requestForm.budget.reset'),
          hidden: (l) => index(l.category) === -1,
          onClick: (l) => write(own.filter((x) => x.category !== l.category)),
        }}
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
