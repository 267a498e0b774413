import { App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rulesInput, type BookingRules } from '../../../../../shared/bookings';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { Field, useZodForm } from '../../../components/form';
import { useFormSubmit } from '../../../components/FormModal';

/** 预订规则: the buffers kept free around confirmed bookings (admin office edits, others read). */
export function RulesCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const query = useOp('bookings.rules', {});
  useErrorToast(query.error);
  return (
    <Card
      size="small"
      className="bc-rules"
      title={<h2 className="bc-card-title">{t('bookingsCatalogue.rules.title')}</h2>}
      data-testid="booking-rules"
    >
      <Typography.Paragraph type="secondary">
        {t('bookingsCatalogue.rules.explain')}
      </Typography.Paragraph>
      {query.data ? (
        // Keyed on the values, so a save by someone else (an event) shows in the inputs.
        <RulesForm
          key={`${query.data.carBufferMinutes}/${query.data.roomBufferMinutes}`}
          rules={query.data}
          manage={manage}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}

function RulesForm({ rules, manage }: { rules: BookingRules; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const form = useZodForm(rulesInput, rules);
  const save = useFormSubmit(form, (input) => call('bookings.saveRules', input), {
    onOk: async () => {
      void message.success(t('common.saved'));
      await invalidate('bookings.rules', 'bookings.free');
    },
  });
  const minutes = (
    id: string,
    f: {
      value: number | null | undefined;
      onChange: (v: number | null) => void;
      onBlur: () => void;
    },
  ) => (
    <InputNumber<number>
      id={id}
      value={f.value ?? null}
      min={0}
      max={240}
      step={5}
      precision={0}
      disabled={!manage}
      suffix={t('bookingsCatalogue.rules.minutes')}
      style={{ width: 160 }}
      onChange={(v) => f.onChange(v ?? null)}
      onBlur={f.onBlur}
    />
  );
  return (
    <Form layout="vertical" component="div">
      <Row gutter={24} align="bottom" wrap>
        <Col>
          <Field
            control={form.control}
            name="carBufferMinutes"
            label={t('bookingsCatalogue.rules.carBuffer')}
          >
            {(f) => minutes('carBufferMinutes', f)}
          </Field>
        </Col>
        <Col>
          <Field
            control={form.control}
            name="roomBufferMinutes"
            label={t('bookingsCatalogue.rules.roomBuffer')}
          >
            {(f) => minutes('roomBufferMinutes', f)}
          </Field>
        </Col>
        {manage && (
          <Col>
            <div className="bc-rules-save">
              <Button
                type="primary"
                loading={save.busy}
                disabled={!form.formState.isDirty}
                onClick={() => void save.submit()}
              >
                {t('common.save')}
              </Button>
            </div>
          </Col>
        )}
      </Row>
    </Form>
  );
}
