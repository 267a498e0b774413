import { Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyDate } from '../../../../../shared/dates';
import { ISSUE_METHODS, type AdvanceView, type IssueMethod } from '../../../../../shared/expenses';
import type { ApiError } from '../../../../../shared/result';
import { useOpMutation } from '../../../api/queries';
import { DateTimeField, useCompanyZone } from '../../../components/DateTimeField';
import { localParams } from '../../../format';
import { useAdvanceText } from './text';

/** Finance hands an approved advance out: on which day (today by default) and how. */
export function IssueModal({
  advance,
  code,
  onClose,
}: {
  advance: AdvanceView;
  code: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const text = useAdvanceText();
  const zone = useCompanyZone();
  const [issuedOn, setIssuedOn] = useState(() => companyDate(Date.now(), zone));
  const [method, setMethod] = useState<IssueMethod>('bank_transfer');
  const [error, setError] = useState<ApiError | null>(null);
  const issue = useOpMutation('expenses.issueAdvance', {
    invalidates: ['expenses.advances', 'expenses.visit'],
  });
  const fieldError = error?.fieldErrors?.issuedOn;

  const submit = async () => {
    const res = await issue.mutateAsync({
      id: advance.id,
      version: advance.version,
      issuedOn,
      method,
    });
    if (res.ok) onClose();
    else setError(res.error);
  };

  return (
    <Modal
      open
      title={t('expensesAdvances.issueTitle', { code, advance: advance.seq })}
      okText={t('expensesAdvances.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{text.amountLine(advance)}</p>
      <Form layout="vertical">
        <Form.Item
          label={t('expensesAdvances.issuedOn')}
          htmlFor="advance-issued-on"
          validateStatus={fieldError ? 'error' : undefined}
          help={
            fieldError ? t(fieldError.key, localParams(t, language, fieldError.params)) : undefined
          }
        >
          <DateTimeField
            mode="date"
            id="advance-issued-on"
            value={issuedOn}
            onChange={setIssuedOn}
            invalid={Boolean(fieldError)}
          />
        </Form.Item>
        <Form.Item label={t('expensesAdvances.method')}>
          <Radio.Group
            aria-label={t('expensesAdvances.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value as IssueMethod)}
            options={ISSUE_METHODS.map((m) => ({
              value: m,
              label: t(`expenses.issueMethod.${m}`),
            }))}
          />
        </Form.Item>
      </Form>
      {error && !fieldError && (
        <p role="alert" className="adv-error">
          {t(error.key, localParams(t, language, error.params))}
        </p>
      )}
    </Modal>
  );
}
