import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { anyPassword } from '../../../../shared/validation/fields';
import { call } from '../../api/client';
import { applyApiError, Field, useZodForm } from '../../components/form';
import { useSession } from '../../session/SessionContext';
import { AuthFrame } from './AuthFrame';

// The login name is checked by main; here only "something was typed".
const schema = z.object({
  login: z.string().trim().min(1, { message: 'validation.required' }),
  password: anyPassword,
});

export function LoginPage() {
  const { t } = useTranslation();
  const { adopt, phase } = useSession();
  // Why the last person here was signed out (an administrator ended the session), until the
  // next sign-in attempt.
  const notice = phase.kind === 'signedOut' ? (phase.notice ?? null) : null;
  const [noticeShown, setNoticeShown] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(schema, { login: '', password: '' });

  const onSubmit = form.handleSubmit(async (input) => {
    setError(null);
    setNoticeShown(false);
    const r = await call('auth.login', input);
    if (r.ok) {
      adopt(r.value);
      return;
    }
    if (!applyApiError(form, r.error)) setError(t(r.error.key, r.error.params));
    form.setValue('password', '');
  });

  return (
    <AuthFrame title={t('login.title')}>
      {notice && noticeShown && !error && (
        <Alert
          type="warning"
          title={t(notice)}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="login-notice"
        />
      )}
      {error && (
        <Alert
          type="error"
          title={error}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="login-error"
        />
      )}
      <Form layout="vertical" onFinish={() => void onSubmit()} component="form">
        <Field control={form.control} name="login" label={t('login.login')} required>
          {(f) => <Input {...f} id="login" autoFocus autoComplete="username" />}
        </Field>
        <Field control={form.control} name="password" label={t('login.password')} required>
          {(f) => <Input.Password {...f} id="password" autoComplete="current-password" />}
        </Field>
        <Button type="primary" htmlType="submit" block loading={form.formState.isSubmitting}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
