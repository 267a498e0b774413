import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useFieldArray, type FieldArrayWithId } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useErrorText, useRequestForm, type FormValues } from './common';
import { DateTimeField } from '../../../components/DateTimeField';
import { EditableGrid, GridField, type GridColumn } from '../../../components/EditableGrid';

type Row = FieldArrayWithId<FormValues, 'itinerary', 'key'>;
type Col = 'date' | 'time' | 'activity' | 'place' | 'owner';
const COLS: readonly { col: Col; width?: number | string; required?: true }[] = [
  { col: 'date', width: 136, required: true },
  { col: 'time', width: 96 },
  { col: 'activity', required: true },
  { col: 'place', width: '22%' },
  { col: 'owner', width: '14%' },
];

/** 行程安排: date, time, activity, place and who is in charge. */
export function ItinerarySection() {
  const { t } = useTranslation();
  const form = useRequestForm();
  const errorText = useErrorText();
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'itinerary',
    keyName: 'key',
  });

  const add = () => {
    const items = form.getValues('itinerary');
    const date = items.at(-1)?.date || form.getValues('arrivalDate') || '';
    append(
      { date, time: '', activity: '', place: '', owner: '' },
      { focusName: `itinerary.${fields.length}.${date ? 'time' : 'date'}` },
    );
  };

  const cell = (index: number, col: Col) => (
    <GridField control={form.control} name={`itinerary.${index}.${col}`} errorText={errorText}>
      {(field, error) => {
        const label = t(`requestForm.itinerary.${col}`);
        const id = `itinerary.${index}.${col}`;
        return col === 'date' || col === 'time' ? (
          <DateTimeField
            mode={col}
            id={id}
            ref={field.ref}
            size="small"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            invalid={Boolean(error)}
            ariaLabel={label}
          />
        ) : (
          <Input
            {...field}
            id={id}
            size="small"
            status={error ? 'error' : undefined}
            aria-label={label}
            placeholder={
              col === 'activity' ? t('requestForm.itinerary.activityPlaceholder') : undefined
            }
            autoComplete="off"
            onKeyDown={(e) => {
              if (
                e.key === 'Enter' &&
                !e.ctrlKey &&
                !e.metaKey &&
                !e.nativeEvent.isComposing &&
                index === fields.length - 1
              ) {
                e.preventDefault();
                add();
              }
            }}
          />
        );
      }}
    </GridField>
  );

  const columns: GridColumn<Row>[] = COLS.map(({ col, width, required }) => ({
    key: col,
    title: t(`requestForm.itinerary.${col}`),
    required,
    width,
    render: (_, i) => cell(i, col),
  }));

  return (
    <EditableGrid<Row>
      rows={fields}
      rowKey="key"
      columns={columns}
      hideWhenEmpty
      rowAction={{
        icon: <DeleteOutlined />,
        danger: true,
        label: () => t('requestForm.itinerary.remove'),
        onClick: (_, i) => remove(i),
      }}
      footer={
        <Space>
          <Button size="small" icon={<PlusOutlined />} onClick={add}>
            {t('requestForm.itinerary.add')}
          </Button>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('requestForm.itinerary.empty')}</Typography.Text>
          )}
        </Space>
      }
    />
  );
}
