import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { anyPassword, password } from '../../../../shared/validation/fields';
import { call } from '../../api/client';
import { applyApiError, Field, useZodForm } from '../../components/form';
import { useSession } from '../../session/SessionContext';
import { AuthFrame } from './AuthFrame';

const schema = z
  .object({ currentPassword: anyPassword, newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'validation.passwordMismatch',
    path: ['confirmPassword'],
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'validation.passwordSame',
    path: ['newPassword'],
  });

/** Change own password; `forced` after an administrator reset it. */
export function AccountPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const form = useZodForm(schema, { currentPassword: '', newPassword: '', confirmPassword: '' });

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    const r = await call('auth.changePassword', { currentPassword, newPassword });
    if (r.ok) {
      void message.success(t('account.changed'));
      form.reset();
      if (forced) await refresh();
    } else if (!applyApiError(form, r.error)) {
      void message.error(t(r.error.key, r.error.params));
      if (r.error.code === 'ACCOUNT_LOCKED') await refresh();
    }
  });

  const body = (
    <Form
      layout="vertical"
      onFinish={() => void onSubmit()}
      component="form"
      style={{ maxWidth: 400 }}
    >
      {forced && (
        <Alert type="info" showIcon title={t('account.mustChange')} style={{ marginBottom: 12 }} />
      )}
      <Field
        control={form.control}
        name="currentPassword"
        label={t('account.currentPassword')}
        required
      >
        {(f) => <Input.Password {...f} id="currentPassword" autoComplete="current-password" />}
      </Field>
      <Field control={form.control} name="newPassword" label={t('account.newPassword')} required>
        {(f) => <Input.Password {...f} id="newPassword" autoComplete="new-password" />}
      </Field>
      <Field
        control={form.control}
        name="confirmPassword"
        label={t('account.confirmPassword')}
        required
      >
        {(f) => <Input.Password {...f} id="confirmPassword" autoComplete="new-password" />}
      </Field>
      <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
        {t('nav.changePassword')}
      </Button>
    </Form>
  );

  if (forced) return <AuthFrame title={t('nav.changePassword')}>{body}</AuthFrame>;
  return (
    <>
      <div className="page-header">
        <h1>{t('account.title')}</h1>
      </div>
      <Card title={t('nav.changePassword')}>{body}</Card>
    </>
  );
}
