import { App, Button, Card, Form, Input, InputNumber, Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsInput } from '../../../../shared/settings/contract';
import { call } from '../../api/client';
import { Field, useZodForm } from '../../components/form';
import { useFormSubmit } from '../../components/FormModal';
import { useSession } from '../../session/SessionContext';

const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'UTC',
];

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [loaded, setLoaded] = useState(false);
  const form = useZodForm(settingsInput, {
    companyName: '',
    timeZone: 'Asia/Shanghai',
    idleLockMinutes: 10,
    reimbursementDays: 7,
  });
  const zones = useMemo(() => {
    const all =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set([...COMMON_ZONES, ...all])].map((z) => ({ value: z, label: z }));
  }, []);

  useEffect(() => {
    void call('settings.get', {}).then((r) => {
      if (r.ok)
        form.reset({
          companyName: r.value.companyName,
          timeZone: r.value.timeZone,
          idleLockMinutes: r.value.idleLockMinutes,
          reimbursementDays: r.value.reimbursementDays,
        });
      setLoaded(true);
    });
  }, [form]);

  const save = useFormSubmit(form, (input) => call('settings.update', input), {
    onOk: async () => {
      void message.success(t('common.saved'));
      await refresh();
    },
  });

  return (
    <>
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <Card>
        {!loaded ? (
          <Spin />
        ) : (
          <Form
            layout="vertical"
            onFinish={() => void save.submit()}
            component="form"
            style={{ maxWidth: 480 }}
          >
            <Field control={form.control} name="companyName" label={t('settings.companyName')}>
              {(f) => <Input {...f} id="companyName" />}
            </Field>
            <Field
              control={form.control}
              name="timeZone"
              label={t('settings.timeZone')}
              help={t('settings.timeZoneHint')}
              required
            >
              {(f) => <Select {...f} id="timeZone" showSearch options={zones} />}
            </Field>
            <Field
              control={form.control}
              name="idleLockMinutes"
              label={t('settings.idleLockMinutes')}
              help={t('settings.idleHint')}
              required
            >
              {(f) => (
                <InputNumber
                  {...f}
                  id="idleLockMinutes"
                  // No min/max here: antd would silently turn 0 into 1 on blur and save it; the
                  // schema's range check shows the message instead.
                  precision={0}
                  style={{ width: 160 }}
                />
              )}
            </Field>
            <Field
              control={form.control}
              name="reimbursementDays"
              label={t('settings.reimbursementDays')}
              help={t('settings.reimbursementHint')}
              required
            >
              {(f) => (
                <InputNumber {...f} id="reimbursementDays" precision={0} style={{ width: 160 }} />
              )}
            </Field>
            <Button type="primary" htmlType="submit" loading={save.busy}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
