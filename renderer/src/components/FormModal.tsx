import { App, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import { applyApiError } from './form';
import { useFirstFieldFocus } from './focusFirstField';

/** A form's submit as a button or a dialog uses it. */
export interface FormAction {
  /** Validates, sends, and handles the answer; never rejects. */
  submit: () => Promise<void>;
  /** True while it runs. */
  busy: boolean;
}

export interface FormSubmitOptions<R> {
  /** After an ok result, with its value (close the dialog, toast, reload). */
  onOk: (value: R) => void | Promise<void>;
  /** After the main process's per-field messages were put on their fields. */
  onFieldErrors?: () => void;
}

/**
 * The submit of a react-hook-form form through one contract call: the zod schema validates first;
 * an error result puts its per-field messages on the fields, or else shows its message as a toast.
 * `send` is the call (`(input) => call('users.create', input)` or a mutation's `mutateAsync`).
 */
export function useFormSubmit<T extends FieldValues, Out, R>(
  form: UseFormReturn<T, unknown, Out>,
  send: (values: Out) => Promise<Result<R>>,
  { onOk, onFieldErrors }: FormSubmitOptions<R>,
): FormAction {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = form.handleSubmit(async (values) => {
    const r = await send(values);
    if (r.ok) await onOk(r.value);
    else if (applyApiError(form as unknown as UseFormReturn<T, unknown, FieldValues>, r.error)) {
      onFieldErrors?.();
    } else void message.error(t(r.error.key, r.error.params));
  });
  return { submit: () => submit(), busy: form.formState.isSubmitting };
}

export interface FormModalProps {
  /** Defaults to open: most dialogs are rendered only while open. */
  open?: boolean;
  title: ReactNode;
  /** Defaults to 保存 / Save. */
  okText?: ReactNode;
  /** A red OK button (reset a password). */
  danger?: boolean;
  action: FormAction;
  onCancel: () => void;
  /** The fields (`Field` rows of components/form.tsx), laid out vertically. */
  children: ReactNode;
}

/** A dialog around a form: OK submits (`useFormSubmit`) and spins while the call runs. */
export function FormModal({
  open = true,
  title,
  okText,
  danger,
  action,
  onCancel,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  const [fieldsRef, focusFirstField] = useFirstFieldFocus();
  return (
    <Modal
      open={open}
      afterOpenChange={focusFirstField}
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      onOk={() => void action.submit()}
      confirmLoading={action.busy}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div ref={fieldsRef}>
        <Form layout="vertical" component="div">
          {children}
        </Form>
      </div>
    </Modal>
  );
}
