import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useFieldArray, type FieldArrayWithId, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isValidPhone, normalizePhone } from '../../../../../shared/validation/contact';
import { ID_TYPES, MAX_VISITORS } from '../../../../../shared/requests/schema';
import { EditableGrid, GridField, type GridColumn } from '../../../components/EditableGrid';
import type { VisitorSuggestion } from '../../../../../shared/frontdesk';
import { useErrorText, useRequestForm, type FormValues } from './common';
import {
  blankVisitor,
  guessIdType,
  isBlankVisitor,
  parseVisitorsTsv,
  type VisitorRow,
} from './paste';
import { VisitorNameCell } from './VisitorNameCell';
import { useFirstFieldFocus } from '../../../components/focusFirstField';

type Col = 'name' | 'title' | 'phone' | 'idType' | 'idNumber' | 'notes';
/**
 * The grid's columns. Phone, ID type and ID number hold values of a known length and get just
 * their width (a 16-character international number, "Passport", an 18-character ID); name, title
 * and notes share the rest and wrap onto more lines instead of being cut off.
 */
const COLS: readonly [Col, number | undefined][] = [
  ['name', undefined],
  ['title', undefined],
  ['phone', 132],
  ['idType', 84],
  ['idNumber', 164],
  ['notes', undefined],
];
/** The columns typed as free text, which wrap. */
const WRAPPING: ReadonlySet<Col> = new Set(['name', 'title', 'notes']);
type Row = FieldArrayWithId<FormValues, 'visitors', 'key'>;

/** The error of an array field itself ("至少一名", "最多 200 人"), wherever RHF put it. */
export function arrayError(node: unknown): { message?: string; type?: string } | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { message?: unknown; type?: unknown; root?: unknown };
  if (typeof n.message === 'string') return n as { message: string; type?: string };
  if (typeof n.root === 'object' && n.root !== null) return arrayError(n.root);
  return undefined;
}

/** 来访人员: an editable grid, Excel paste, per-cell errors. */
export function VisitorsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useRequestForm();
  const errorText = useErrorText();
  const { fields, append, remove, replace } = useFieldArray({
    control: form.control,
    name: 'visitors',
    keyName: 'key',
  });
  const [pasteOpen, setPasteOpen] = useState(false);
  const rootError = errorText(arrayError(form.formState.errors.visitors));

  const addRows = (rows: VisitorRow[]) => {
    const kept = form.getValues('visitors').filter((v) => !isBlankVisitor(v));
    // Phones as clerks keep them ("+86 138-0013-8000") are shown the way they will be stored.
    const tidy = rows.map((r) => {
      const phone = normalizePhone(r.phone);
      return isValidPhone(phone) ? { ...r, phone } : r;
    });
    replace([...kept, ...tidy]);
    void message.success(t('requestForm.visitors.pasted', { count: rows.length }));
    // Show what is wrong in the pasted cells straight away.
    void form.trigger('visitors');
  };

  const focusCell = (row: number, col: Col) => {
    if (row >= fields.length) {
      append(blankVisitor(), { focusName: `visitors.${fields.length}.${col}` });
    } else form.setFocus(`visitors.${row}.${col}`);
  };

  const onKeyDown = (row: number, col: Col) => (e: KeyboardEvent) => {
    // Ctrl+Enter is the form's submit, not the next row.
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    focusCell(row + 1, row + 1 >= fields.length ? 'name' : col);
  };

  /** Ctrl+V of several cells anywhere in the grid appends them as rows. */
  const onPaste = (e: ClipboardEvent) => {
    // The paste dialog is portalled out of the grid but its events still bubble here: skip them.
    if (!e.currentTarget.contains(e.target as Node)) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text.includes('\t') && text.trim().split(/\r?\n/).length < 2) return;
    const { rows } = parseVisitorsTsv(text);
    if (rows.length === 0) return;
    e.preventDefault();
    addRows(rows);
  };

  /** A known visitor picked under the name: his title and phone, his organisation if none yet. */
  const pick = (index: number, s: VisitorSuggestion) => {
    const opts = { shouldDirty: true, shouldValidate: true } as const;
    form.setValue(`visitors.${index}.name`, s.name, opts);
    if (s.title !== '') form.setValue(`visitors.${index}.title`, s.title, opts);
    if (s.phone !== '') form.setValue(`visitors.${index}.phone`, s.phone, opts);
    if ((form.getValues('orgName') ?? '').trim() === '' && s.orgName !== '') {
      form.setValue('orgName', s.orgName, opts);
    }
  };

  const cell = (index: number, col: Col) => {
    const name = `visitors.${index}.${col}` as Path<FormValues>;
    return (
      <GridField control={form.control} name={name} errorText={errorText}>
        {(field, error) => {
          const label = `${t(`requestForm.visitors.${col}`)} · ${t('requestForm.visitors.rowLabel', { row: index + 1 })}`;
          return col === 'name' ? (
            <VisitorNameCell
              id={name}
              inputRef={field.ref}
              value={(field.value as string | undefined) ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              onKeyDown={onKeyDown(index, col)}
              status={error ? 'error' : undefined}
              label={label}
              onPick={(s) => pick(index, s)}
            />
          ) : col === 'idType' ? (
            <Select
              id={name}
              ref={field.ref}
              size="small"
              value={(field.value as string | null) ?? undefined}
              onChange={(v: string | undefined) => field.onChange(v ?? null)}
              onBlur={field.onBlur}
              allowClear
              style={{ width: '100%' }}
              status={error ? 'error' : undefined}
              aria-label={label}
              popupMatchSelectWidth={false}
              options={ID_TYPES.map((x) => ({
                value: x,
                label: t(`labels.idTypeShort.${x}`),
                title: t(`labels.idType.${x}`),
              }))}
            />
          ) : WRAPPING.has(col) ? (
            <Input.TextArea
              id={name}
              ref={field.ref}
              size="small"
              autoSize={{ minRows: 1, maxRows: 6 }}
              className="rf-cell-text"
              value={(field.value as string | undefined) ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              onKeyDown={onKeyDown(index, col)}
              status={error ? 'error' : undefined}
              placeholder={col === 'notes' ? t('requestForm.visitors.notesPlaceholder') : undefined}
              aria-label={label}
              autoComplete="off"
            />
          ) : (
            <Input
              id={name}
              ref={field.ref}
              size="small"
              value={(field.value as string | undefined) ?? ''}
              onChange={field.onChange}
              onBlur={() => {
                const v = String(field.value ?? '');
                if (col === 'phone') {
                  const normal = normalizePhone(v);
                  if (normal !== v && isValidPhone(normal)) field.onChange(normal);
                }
                if (col === 'idNumber') {
                  const tidy = v.replace(/\s/g, '').toUpperCase();
                  if (tidy !== v) field.onChange(tidy);
                  const typeName = `visitors.${index}.idType` as const;
                  if (tidy !== '' && form.getValues(typeName) === null) {
                    form.setValue(typeName, guessIdType(tidy), { shouldDirty: true });
                  }
                }
                field.onBlur();
              }}
              onKeyDown={onKeyDown(index, col)}
              status={error ? 'error' : undefined}
              aria-label={label}
              autoComplete="off"
              inputMode={col === 'phone' ? 'tel' : undefined}
            />
          );
        }}
      </GridField>
    );
  };

  const columns: GridColumn<Row>[] = COLS.map(([col, width]) => ({
    key: col,
    title: t(`requestForm.visitors.${col}`),
    required: col === 'name',
    width,
    render: (_, i) => cell(i, col),
  }));

  return (
    <div onPaste={onPaste} data-testid="visitors-grid">
      <EditableGrid<Row>
        className="rf-visitors-grid"
        rows={fields}
        rowKey="key"
        columns={columns}
        numbered
        fixedLayout
        scroll={{ afterRows: 12, height: 440 }}
        error={rootError}
        emptyText={t('requestForm.visitors.empty')}
        rowAction={{
          icon: <DeleteOutlined />,
          danger: true,
          label: (_, i) => t('requestForm.visitors.remove', { row: i + 1 }),
          onClick: (_, i) => remove(i),
        }}
        footer={
          <>
            <Space wrap>
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => focusCell(fields.length, 'name')}
              >
                {t('requestForm.visitors.add')}
              </Button>
              <Button size="small" icon={<SnippetsOutlined />} onClick={() => setPasteOpen(true)}>
                {t('requestForm.visitors.paste')}
              </Button>
              <Typography.Text type={fields.length > MAX_VISITORS ? 'danger' : 'secondary'}>
                {t('requestForm.visitors.count', { count: fields.length, max: MAX_VISITORS })}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary" className="rf-hint">
              {t('requestForm.visitors.keyboardHint')}
            </Typography.Text>
          </>
        }
      />
      <PasteModal
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onAppend={(rows) => {
          setPasteOpen(false);
          addRows(rows);
        }}
      />
    </div>
  );
}

/**
 * Stays mounted and is only hidden, so that on closing the dialog gives the focus back to the
 * button that opened it (unmounted at once, it left the focus nowhere).
 */
function PasteModal({
  open,
  onClose,
  onAppend,
}: {
  open: boolean;
  onClose: () => void;
  onAppend: (rows: VisitorRow[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseVisitorsTsv(text), [text]);
  const n = parsed.rows.length;
  const [fieldsRef, focusFirstField] = useFirstFieldFocus();
  return (
    <Modal
      open={open}
      afterOpenChange={focusFirstField}
      afterClose={() => setText('')}
      width={720}
      title={t('requestForm.visitors.pasteTitle')}
      okText={t('requestForm.visitors.pasteAppend', { count: n })}
      okButtonProps={{ disabled: n === 0 }}
      cancelText={t('common.cancel')}
      onOk={() => onAppend(parsed.rows)}
      onCancel={onClose}
    >
      <div ref={fieldsRef}>
        <Typography.Paragraph type="secondary">
          {t('requestForm.visitors.pasteHelp')}
        </Typography.Paragraph>
        <Input.TextArea
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('requestForm.visitors.pastePlaceholder')}
          autoSize={{ minRows: 6, maxRows: 14 }}
          className="rf-paste-area"
          aria-label={t('requestForm.visitors.pasteTitle')}
        />
        <div style={{ marginTop: 8 }}>
          {text.trim() === '' ? null : n === 0 ? (
            <Typography.Text type="warning">
              {t('requestForm.visitors.pasteNothing')}
            </Typography.Text>
          ) : (
            <Typography.Text>
              {t('requestForm.visitors.pasteFound', { count: n })}
              {parsed.headerSkipped && ` · ${t('requestForm.visitors.pasteHeaderSkipped')}`}
              {' · '}
              {parsed.rows
                .slice(0, 3)
                .map((r) => r.name || '?')
                .join('、')}
              {n > 3 ? ' …' : ''}
            </Typography.Text>
          )}
        </div>
      </div>
    </Modal>
  );
}
