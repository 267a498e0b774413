import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { anyPassword } from '../../../../shared/validation/fields';
import { call } from '../../api/client';
import { Field, useZodForm } from '../../components/form';
import { useSession, useSignedIn } from '../../session/SessionContext';
import { AuthFrame } from './AuthFrame';

const schema = z.object({ password: anyPassword });

/** Shown after the idle time on the shared front-desk machine: nothing of the app shows behind it. */
export function LockScreen() {
  const { t } = useTranslation();
  const { adopt, signOut, refresh } = useSession();
  const session = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(schema, { password: '' });

  const onSubmit = form.handleSubmit(async (input) => {
    setError(null);
    const r = await call('auth.unlock', input);
    if (r.ok) {
      adopt(r.value);
      return;
    }
    form.setValue('password', '');
    if (r.error.code === 'ACCOUNT_LOCKED' || r.error.code === 'SESSION_EXPIRED') {
      await refresh();
    }
    setError(t(r.error.key, r.error.params));
  });

  return (
    <AuthFrame title={t('lock.title')}>
      <Space align="start" style={{ marginBottom: 12 }}>
        <LockOutlined style={{ fontSize: 24, color: '#0f766e' }} />
        <Typography.Paragraph>
          {t('lock.intro', { name: session.user.displayName })}
        </Typography.Paragraph>
      </Space>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={() => void onSubmit()} component="form">
        <Field control={form.control} name="password" label={t('login.password')} required>
          {(f) => <Input.Password {...f} id="password" autoFocus autoComplete="current-password" />}
        </Field>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={() => void signOut()}>{t('lock.switchUser')}</Button>
          <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
            {t('lock.unlock')}
          </Button>
        </Space>
      </Form>
    </AuthFrame>
  );
}
