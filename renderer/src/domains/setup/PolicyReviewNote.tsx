import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useInvalidate, useOp } from '../../api/queries';
import { useSession } from '../../session/SessionContext';

/**
 * On the policy page while the setup checklist waits for it: the default standard is shown for
 * review, and 确认无需修改 records that it stays as it is (saving a change counts too).
 */
export function PolicyReviewNote() {
  const { can } = useSession();
  return can('settings.manage') && can('policy.manage') ? <Note /> : null;
}

function Note() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const query = useOp('setup.checklist', {});
  const [busy, setBusy] = useState(false);
  const line = query.data?.lines.find((l) => l.key === 'policy');
  if (!line || line.done) return null;
  const confirm = async () => {
    setBusy(true);
    const r = await call('setup.reviewPolicy', {});
    setBusy(false);
    if (r.ok) {
      void message.success(t('setup.review.done'));
      void invalidate('setup.checklist');
    } else void message.error(t(r.error.key, r.error.params));
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="policy-review"
      style={{ marginBottom: 16 }}
      title={t('setup.review.title')}
      description={t('setup.review.intro')}
      action={
        <Button icon={<CheckOutlined />} loading={busy} onClick={() => void confirm()}>
          {t('setup.review.confirm')}
        </Button>
      }
    />
  );
}
