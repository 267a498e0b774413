import { Alert, App, Button, Card, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../../shared/backups/contract';
import { call } from '../../api/client';
import { useSession } from '../../session/SessionContext';

/** Dates here in the machine's own zone: the company's time zone is in the damaged database. */
function localTime(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN');
}

/**
 * Shown instead of sign-in when the database failed its check at start (issue 13): nobody can be
 * signed in against a users table that cannot be trusted. It offers the newest backup that passes
 * verification; restoring it keeps the damaged file aside, then the app starts as usual.
 */
export function RecoveryScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('backups.recoveryStatus', {}).then((r) => {
      if (r.ok) setStatus(r.value);
      else setError(r.error.message);
    });
  }, []);

  const restore = async (id: string) => {
    setBusy(true);
    setError(null);
    const r = await call('backups.recover', { id });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    void message.success(t('backups.recovery.done'));
    await refresh();
  };

  const offer = status?.offer ?? null;
  return (
    <main className="login-screen" style={{ padding: 24 }}>
      <Card style={{ maxWidth: 640, margin: '48px auto' }}>
        <Result
          status="warning"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('backups.recovery.title')}</h1>}
          subTitle={t('backups.recovery.body')}
        />
        {status === null && !error ? <Spin /> : null}
        {error ? (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />
        ) : null}
        {status && offer ? (
          <>
            <Typography.Paragraph strong>
              {t('backups.recovery.offer', {
                time: localTime(offer.atMs, i18n.language),
                kind: t(`backups.kind.${offer.kind}`),
              })}
            </Typography.Paragraph>
            {status.refused > 0 ? (
              <Typography.Paragraph>
                {t('backups.recovery.refused', { count: status.refused })}
              </Typography.Paragraph>
            ) : null}
            <Typography.Paragraph type="secondary">
              {t('backups.recovery.keepAside')}
            </Typography.Paragraph>
            <Button type="primary" loading={busy} onClick={() => void restore(offer.id)}>
              {t('backups.recovery.restore')}
            </Button>
          </>
        ) : null}
        {status && !offer ? (
          <Alert type="error" showIcon message={t('backups.recovery.none')} />
        ) : null}
      </Card>
    </main>
  );
}
