import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Controller, useFieldArray, type FieldArrayWithId } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useErrorText, useRequestForm, type FormValues } from './common';
import { DateInput, TimeInput } from './pickers';

type Row = FieldArrayWithId<FormValues, 'itinerary', 'key'>;
type Col = 'date' | 'time' | 'activity' | 'place' | 'owner';

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
    <Controller
      control={form.control}
      name={`itinerary.${index}.${col}`}
      render={({ field, fieldState }) => {
        const error = errorText(fieldState.error);
        const label = t(`requestForm.itinerary.${col}`);
        const id = `itinerary.${index}.${col}`;
        const input =
          col === 'date' ? (
            <DateInput
              id={id}
              ref={field.ref}
              size="small"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              invalid={Boolean(error)}
              ariaLabel={label}
            />
          ) : col === 'time' ? (
            <TimeInput
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
                  !e.nativeEvent.isComposing &&
                  index === fields.length - 1
                ) {
                  e.preventDefault();
                  add();
                }
              }}
            />
          );
        return (
          <>
            {input}
            {error && <div className="rf-cell-error">{error}</div>}
          </>
        );
      }}
    />
  );

  const columns: TableColumnsType<Row> = [
    {
      title: <span className="rf-required">{t('requestForm.itinerary.date')}</span>,
      key: 'date',
      width: 136,
      render: (_, __, i) => cell(i, 'date'),
    },
    {
      title: t('requestForm.itinerary.time'),
      key: 'time',
      width: 96,
      render: (_, __, i) => cell(i, 'time'),
    },
    {
      title: <span className="rf-required">{t('requestForm.itinerary.activity')}</span>,
      key: 'activity',
      render: (_, __, i) => cell(i, 'activity'),
    },
    {
      title: t('requestForm.itinerary.place'),
      key: 'place',
      width: '22%',
      render: (_, __, i) => cell(i, 'place'),
    },
    {
      title: t('requestForm.itinerary.owner'),
      key: 'owner',
      width: '14%',
      render: (_, __, i) => cell(i, 'owner'),
    },
    {
      key: 'remove',
      width: 32,
      render: (_, __, i) => (
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('requestForm.itinerary.remove')}
          title={t('requestForm.itinerary.remove')}
          onClick={() => remove(i)}
        />
      ),
    },
  ];

  return (
    <>
      {fields.length > 0 && (
        <Table<Row>
          className="rf-grid"
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={fields}
          pagination={false}
        />
      )}
      <div className="rf-grid-footer">
        <Space>
          <Button size="small" icon={<PlusOutlined />} onClick={add}>
            {t('requestForm.itinerary.add')}
          </Button>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('requestForm.itinerary.empty')}</Typography.Text>
          )}
        </Space>
      </div>
    </>
  );
}
