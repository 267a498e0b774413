import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDossier } from '../../../../../shared/requests/views';
import { call } from '../../../api/client';
import { ReasonModal } from '../../../components/ReasonModal';

/** 取消接待: asks for the reason (required) and says that it cannot be undone. */
export function CancelModal({
  dossier,
  onClose,
  onDone,
  onStale,
}: {
  dossier: RequestDossier;
  onClose: () => void;
  onDone: (d: RequestDossier) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const submit = async (text: string): Promise<string | undefined> => {
    setBusy(true);
    const r = await call('requests.cancel', {
      id: dossier.id,
      version: dossier.version,
      reason: text,
    });
    setBusy(false);
    if (r.ok) {
      void message.success(t('requestViews.cancel.done'));
      onDone(r.value);
      onClose();
      return undefined;
    }
    const field = r.error.fieldErrors?.reason;
    if (field) return t(field.key, field.params);
    void message.error(t(r.error.key, r.error.params));
    if (r.error.code === 'CONFLICT') {
      onStale();
      onClose();
    }
    return undefined;
  };

  return (
    <ReasonModal
      title={t('requestViews.cancel.title', { code: dossier.code })}
      okText={t('requestViews.cancel.ok')}
      cancelText={t('requestViews.cancel.back')}
      danger
      alert={{ type: 'warning', text: t('requestViews.cancel.warning') }}
      label={t('requestViews.cancel.reason')}
      placeholder={t('requestViews.cancel.placeholder')}
      inputId="cancel-reason"
      maxLength={500}
      busy={busy}
      onCancel={onClose}
      onSubmit={submit}
    />
  );
}
