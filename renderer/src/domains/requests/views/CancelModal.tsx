import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDossier } from '../../../../../shared/requests/views';
import { call } from '../../../api/client';

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
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const text = reason.trim();
    if (text === '') {
      setError(t('validation.reasonRequired'));
      return;
    }
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
      return;
    }
    const field = r.error.fieldErrors?.reason;
    if (field) {
      setError(t(field.key, field.params));
      return;
    }
    void message.error(t(r.error.key, r.error.params));
    if (r.error.code === 'CONFLICT') {
      onStale();
      onClose();
    }
  };

  return (
    <Modal
      open
      title={t('requestViews.cancel.title', { code: dossier.code })}
      okText={t('requestViews.cancel.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('requestViews.cancel.back')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      width={480}
    >
      <Alert
        type="warning"
        showIcon
        title={t('requestViews.cancel.warning')}
        style={{ marginBottom: 12 }}
      />
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('requestViews.cancel.reason')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea
            id="cancel-reason"
            autoFocus
            value={reason}
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('requestViews.cancel.placeholder')}
            onChange={(e) => {
              setReason(e.target.value);
              if (error && e.target.value.trim() !== '') setError(undefined);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
