import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { setupInput } from '../../../../shared/auth/contract';
import { call } from '../../api/client';
import { applyApiError, Field, useZodForm } from '../../components/form';
import { useSession } from '../../session/SessionContext';
import { AuthFrame } from './AuthFrame';

const schema = setupInput
  .extend({ passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    message: 'validation.passwordMismatch',
    path: ['passwordConfirm'],
  });

export function SetupPage() {
  const { t } = useTranslation();
  const { adopt } = useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(schema, {
    companyName: '',
    login: '',
    displayName: '',
    password: '',
    passwordConfirm: '',
  });

  const onSubmit = form.handleSubmit(async ({ passwordConfirm: _, ...input }) => {
    setError(null);
    const r = await call('setup.createAdmin', input);
    if (r.ok) adopt(r.value);
    else if (!applyApiError(form, r.error)) setError(t(r.error.key, r.error.params));
  });

  return (
    <AuthFrame title={t('setup.title')}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={() => void onSubmit()} component="form">
        <Field control={form.control} name="companyName" label={t('setup.companyName')} required>
          {(f) => <Input {...f} id="companyName" autoFocus />}
        </Field>
        <Field control={form.control} name="displayName" label={t('setup.displayName')} required>
          {(f) => <Input {...f} id="displayName" />}
        </Field>
        <Field control={form.control} name="login" label={t('setup.login')} required>
          {(f) => <Input {...f} id="login" autoComplete="username" />}
        </Field>
        <Field control={form.control} name="password" label={t('setup.password')} required>
          {(f) => <Input.Password {...f} id="password" autoComplete="new-password" />}
        </Field>
        <Field
          control={form.control}
          name="passwordConfirm"
          label={t('setup.passwordConfirm')}
          required
        >
          {(f) => <Input.Password {...f} id="passwordConfirm" autoComplete="new-password" />}
        </Field>
        <Button type="primary" htmlType="submit" block loading={form.formState.isSubmitting}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
