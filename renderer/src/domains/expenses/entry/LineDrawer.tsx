import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { expensesOperations } from '../../../../../shared/expenses/contract';
import {
  INVOICE_TYPES,
  PAID_BY,
  perHeadFen,
  type ExpenseLineView,
  type VisitMoneyView,
} from '../../../../../shared/expenses';
import { fenToYuanText, yuanToFen } from '../../../../../shared/money';
import { EXPENSE_CATEGORIES } from '../../../../../shared/policy';
import type { Language } from '../../../../../shared/i18n/translate';
import { call } from '../../../api/client';
import { Field, useZodForm } from '../../../components/form';
import { useFormSubmit } from '../../../components/FormModal';
import { DateTimeField } from '../../../components/DateTimeField';
import { formatMoney } from '../../../format';
import { AttachmentsPanel } from '../../attachments';

/** What `expenses.saveLine` takes; the form is that input, so main's field paths fit. */
export const saveLineInput = expensesOperations['expenses.saveLine'].input;
export type SaveLineForm = z.input<typeof saveLineInput>;

/** Two decimals at rest; while typing, exactly what is typed (nothing rounded behind one's back). */
function yuanText(v: string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (v === undefined || v === '') return '';
  const fen = yuanToFen(v);
  return fen !== null && Number.isInteger(fen) ? (fenToYuanText(fen) ?? v) : String(v);
}

/** An amount typed in yuan and kept in fen; fractions of a fen reach the schema as typed. */
function YuanInput(props: {
  id: string;
  value: number | null | undefined;
  onChange: (fen: number | null) => void;
  onBlur: () => void;
}) {
  return (
    <InputNumber<string>
      id={props.id}
      stringMode
      formatter={yuanText}
      controls={false}
      prefix="¥"
      style={{ width: '100%' }}
      value={fenToYuanText(props.value)}
      onChange={(v) => props.onChange(yuanToFen(v))}
      onBlur={props.onBlur}
      inputMode="decimal"
    />
  );
}

/**
 * 新增 / 编辑 one expense line in a drawer: typed in yuan, the people defaulting to the arrivals
 * and the companions; once saved, its receipts are uploaded here too.
 */
export function LineDrawer({
  money,
  line,
  onClose,
}: {
  money: VisitMoneyView;
  /** The line to edit; null: a new one. */
  line: ExpenseLineView | null;
  onClose: (saved: VisitMoneyView | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const editable = money.rights.recordLines;
  const arrived = money.arrivedVisitors ?? money.request.visitorCount;
  const form = useZodForm(saveLineInput, {
    requestId: money.request.id,
    id: line?.id ?? null,
    version: line?.version ?? null,
    line: {
      category: line?.category ?? 'meals',
      spentOn: line?.spentOn ?? money.request.arrivalDate,
      vendor: line?.vendor ?? '',
      amountFen: line?.amountFen ?? (null as unknown as number),
      invoiceType: line?.invoiceType ?? 'electronic',
      invoiceNo: line?.invoiceNo ?? '',
      noInvoiceReason: line?.noInvoiceReason ?? '',
      paidBy: line?.paidBy ?? 'advance',
      bookingId: line?.bookingId ?? null,
      visitors: line?.visitors ?? arrived,
      companions: line?.companions ?? money.companions,
      attendeesReason: line?.attendeesReason ?? '',
      note: line?.note ?? '',
    },
  });
  const [invoiceType, visitors, companions, amountFen] = useWatch({
    control: form.control,
    name: ['line.invoiceType', 'line.visitors', 'line.companions', 'line.amountFen'],
  });
  const save = useFormSubmit(form, (input) => call('expenses.saveLine', input), {
    onOk: (v) => {
      void message.success(t('expensesEntry.lines.saved'));
      onClose(v);
    },
  });
  const f = (key: string) => t(`expensesEntry.form.${key}`);
  const people = Number(visitors) + Number(companions);
  const preview =
    Number.isInteger(amountFen) && amountFen > 0 && people > 0
      ? t('expensesEntry.form.preview', {
          perHead: formatMoney(perHeadFen(amountFen, people), language),
        })
      : null;
  const attendeesDiffer = money.arrivedVisitors !== null && visitors !== money.arrivedVisitors;

  return (
    <Drawer
      open
      size={560}
      title={f(line ? 'editTitle' : 'addTitle')}
      onClose={() => onClose(null)}
      destroyOnHidden
      extra={
        editable && (
          <Space>
            <Button onClick={() => onClose(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.busy} onClick={() => void save.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form
        layout="vertical"
        component="div"
        disabled={!editable}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save.submit();
        }}
      >
        <Space.Compact block style={{ gap: 12 }}>
          <div style={{ flex: 1 }}>
            <Field control={form.control} name="line.category" label={f('category')} required>
              {(fld) => (
                <Select
                  {...fld}
                  id="line.category"
                  aria-label={f('category')}
                  options={EXPENSE_CATEGORIES.map((c) => ({
                    value: c,
                    label: t(`labels.expense.${c}`),
                  }))}
                />
              )}
            </Field>
          </div>
          <div style={{ width: 180 }}>
            <Field control={form.control} name="line.spentOn" label={f('spentOn')} required>
              {(fld) => (
                <DateTimeField
                  mode="date"
                  id="line.spentOn"
                  value={fld.value}
                  onChange={fld.onChange}
                  onBlur={fld.onBlur}
                  ariaLabel={f('spentOn')}
                  style={{ width: '100%' }}
                />
              )}
            </Field>
          </div>
        </Space.Compact>
        <Field control={form.control} name="line.vendor" label={f('vendor')}>
          {(fld) => <Input {...fld} id="line.vendor" autoComplete="off" autoFocus />}
        </Field>
        <Field
          control={form.control}
          name="line.amountFen"
          label={f('amount')}
          required
          help={preview ?? undefined}
        >
          {(fld) => (
            <YuanInput
              id="line.amountFen"
              value={fld.value}
              onChange={fld.onChange}
              onBlur={fld.onBlur}
            />
          )}
        </Field>
        <Field control={form.control} name="line.paidBy" label={f('paidBy')} required>
          {(fld) => (
            <Select
              {...fld}
              id="line.paidBy"
              aria-label={f('paidBy')}
              options={PAID_BY.map((p) => ({ value: p, label: t(`expenses.paidBy.${p}`) }))}
            />
          )}
        </Field>
        <Field control={form.control} name="line.invoiceType" label={f('invoiceType')} required>
          {(fld) => (
            <Select
              {...fld}
              id="line.invoiceType"
              aria-label={f('invoiceType')}
              options={INVOICE_TYPES.map((p) => ({
                value: p,
                label: t(`expenses.invoiceType.${p}`),
              }))}
            />
          )}
        </Field>
        {invoiceType === 'none' ? (
          <Field
            control={form.control}
            name="line.noInvoiceReason"
            label={f('noInvoiceReason')}
            required
          >
            {(fld) => <Input.TextArea {...fld} id="line.noInvoiceReason" autoSize />}
          </Field>
        ) : (
          <Field
            control={form.control}
            name="line.invoiceNo"
            label={f('invoiceNo')}
            required
            help={f('invoiceNoHelp')}
          >
            {(fld) => <Input {...fld} id="line.invoiceNo" autoComplete="off" />}
          </Field>
        )}
        <Space.Compact block style={{ gap: 12 }}>
          <div style={{ flex: 1 }}>
            <Field control={form.control} name="line.visitors" label={f('visitors')} required>
              {(fld) => (
                <InputNumber
                  {...fld}
                  id="line.visitors"
                  min={0}
                  style={{ width: '100%' }}
                  onChange={(v) => fld.onChange(v ?? 0)}
                />
              )}
            </Field>
          </div>
          <div style={{ flex: 1 }}>
            <Field control={form.control} name="line.companions" label={f('companions')} required>
              {(fld) => (
                <InputNumber
                  {...fld}
                  id="line.companions"
                  min={0}
                  style={{ width: '100%' }}
                  onChange={(v) => fld.onChange(v ?? 0)}
                />
              )}
            </Field>
          </div>
        </Space.Compact>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t(
            money.arrivedVisitors === null
              ? 'expensesEntry.form.peopleHelpPlanned'
              : 'expensesEntry.form.peopleHelp',
            { arrived, companions: money.companions },
          )}
        </Typography.Paragraph>
        {attendeesDiffer && (
          <Field
            control={form.control}
            name="line.attendeesReason"
            label={f('attendeesReason')}
            required
          >
            {(fld) => <Input.TextArea {...fld} id="line.attendeesReason" autoSize />}
          </Field>
        )}
        {money.payableBookings.length > 0 && (
          <Field control={form.control} name="line.bookingId" label={f('booking')}>
            {(fld) => (
              <Select
                {...fld}
                id="line.bookingId"
                aria-label={f('booking')}
                options={[
                  { value: null, label: f('bookingNone') },
                  ...money.payableBookings.map((b) => ({
                    value: b.id,
                    label: `${t(`bookings.kind.${b.kind}`, { defaultValue: b.kind })} · ${b.label} · ${formatMoney(b.amountFen, language)}`,
                  })),
                ]}
              />
            )}
          </Field>
        )}
        <Field control={form.control} name="line.note" label={f('note')}>
          {(fld) => <Input.TextArea {...fld} id="line.note" autoSize={{ minRows: 1 }} />}
        </Field>
      </Form>
      <Typography.Title level={5}>{f('receipts')}</Typography.Title>
      {line ? (
        <AttachmentsPanel ownerType="expense_line" ownerId={line.id} />
      ) : (
        <Typography.Paragraph type="secondary">{f('receiptsAfterSave')}</Typography.Paragraph>
      )}
    </Drawer>
  );
}
