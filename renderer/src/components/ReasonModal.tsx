import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from './useReturnFocus';
import { useFirstFieldFocus } from './focusFirstField';

export interface ReasonModalProps {
  title: ReactNode;
  okText: ReactNode;
  /** Defaults to 取消 / Cancel. */
  cancelText?: ReactNode;
  /** A red OK button (reject, cancel a request). */
  danger?: boolean;
  /** What the action does, above the field. */
  alert?: { type: 'warning' | 'error'; text: ReactNode };
  label: ReactNode;
  placeholder?: string;
  /** The textarea's id (the browser journeys type into `#decision-reason`, `#cancel-reason`). */
  inputId: string;
  maxLength: number;
  /** The call is running: the OK button spins. */
  busy: boolean;
  /** More fields above the reason (e.g. whom to reassign to). */
  children?: ReactNode;
  onCancel: () => void;
  /**
   * With the trimmed reason, never empty (an empty one is refused here with "reason required").
   * Resolves to a message to show under the field (the server's field error), if any; closing the
   * dialog is the caller's business.
   */
  onSubmit: (reason: string) => Promise<string | undefined>;
}

/** A dialog that asks for a required reason: return, reject, cancel. */
export function ReasonModal({
  title,
  okText,
  cancelText,
  danger,
  alert,
  label,
  placeholder,
  inputId,
  maxLength,
  busy,
  children,
  onCancel,
  onSubmit,
}: ReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  useReturnFocus();
  const [fieldsRef, focusFirstField] = useFirstFieldFocus();

  const submit = async () => {
    if (busy) return;
    const text = reason.trim();
    if (text === '') {
      setError(t('validation.reasonRequired'));
      return;
    }
    setError(await onSubmit(text));
  };

  return (
    <Modal
      open
      afterOpenChange={focusFirstField}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={cancelText ?? t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={480}
      destroyOnHidden
    >
      {alert && (
        <Alert type={alert.type} showIcon title={alert.text} style={{ marginBottom: 12 }} />
      )}
      <div ref={fieldsRef}>
        <Form layout="vertical" component="div">
          {children}
          <Form.Item
            label={label}
            required
            validateStatus={error ? 'error' : undefined}
            help={error}
          >
            <Input.TextArea
              id={inputId}
              autoFocus
              value={reason}
              maxLength={maxLength}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={placeholder}
              onChange={(e) => {
                setReason(e.target.value);
                if (error && e.target.value.trim() !== '') setError(undefined);
              }}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
