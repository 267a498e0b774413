import { CheckOutlined, RollbackOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFilingStep } from '../../../../shared/approvals';
import type { ChainStepKind } from '../../../../shared/policy';
import type { RequestDossier } from '../../../../shared/requests';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ReasonModal } from '../../components/ReasonModal';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useSignedIn } from '../../session/SessionContext';

type Action = 'approve' | 'return' | 'reject' | 'transfer';
type Candidate = { id: number; displayName: string };

export interface DecisionTarget {
  stepId: number;
  version: number;
  code: string;
  /** The admin office's step files (备案) rather than approves. */
  kind: ChainStepKind;
}

interface Props {
  target: DecisionTarget;
  /** Show 转交 (the dossier does; the inbox keeps its rows short). */
  withTransfer?: boolean;
  size?: 'small' | 'middle';
  /** After a decision or transfer went through, with the request as it is now. */
  onDone: (dossier: RequestDossier) => void;
  /** After the step turned out to be decided or moved already: reload what is shown. */
  onStale: () => void;
}

/** Errors after which the step on screen is out of date; other errors leave the dialog open. */
const STALE = new Set<ApiError['code']>(['CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * 通过 / 退回 / 驳回 (/ 转交) of one approval step. Approving takes two clicks (button, then OK
 * in the confirmation, with an optional comment); returning and rejecting ask for a reason. While
 * a call runs every button of the step is disabled, so a double click decides once.
 */
export function DecisionButtons({
  target,
  withTransfer = false,
  size = 'middle',
  onDone,
  onStale,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Action | null>(null);
  const [approveComment, setApproveComment] = useState('');
  const [reasonFor, setReasonFor] = useState<'return' | 'reject' | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const session = useSignedIn();
  const approveKey = isFilingStep(target.kind)
    ? 'requestViews.actions.file'
    : 'requestViews.actions.approve';

  const openTransfer = () => {
    setTransferring(true);
    setCandidates(null);
    void call('approvals.candidates', { stepId: target.stepId }).then((r) =>
      setCandidates(r.ok ? r.value.filter((u) => u.id !== session.user.id) : []),
    );
  };

  /** Runs one call; true when the dialog that started it may close. */
  const run = async (
    action: Action,
    invoke: () => ReturnType<typeof call<'approvals.decide'>>,
    success: (d: RequestDossier) => string,
  ): Promise<{ closed: boolean; error?: ApiError }> => {
    if (busy) return { closed: false };
    setBusy(action);
    try {
      const r = await invoke();
      if (r.ok) {
        void message.success(success(r.value));
        onDone(r.value);
        return { closed: true };
      }
      void message.error(t(r.error.key, r.error.params));
      if (STALE.has(r.error.code)) {
        onStale();
        return { closed: true };
      }
      return { closed: false, error: r.error };
    } finally {
      setBusy(null);
    }
  };

  const decide = (action: 'approve' | 'return' | 'reject', comment: string) =>
    run(
      action,
      () =>
        call('approvals.decide', {
          stepId: target.stepId,
          version: target.version,
          action,
          comment,
        }),
      () =>
        t(
          {
            approve: 'requestViews.decide.approved',
            return: 'requestViews.decide.returned',
            reject: 'requestViews.decide.rejected',
          }[action],
          { code: target.code },
        ),
    );

  const disabled = busy !== null;
  return (
    <Space size={6} wrap data-testid={`decide-${target.stepId}`}>
      <Popconfirm
        title={t('requestViews.decide.approveConfirm', { code: target.code })}
        description={
          <Input.TextArea
            aria-label={t('requestViews.decide.commentOptional')}
            placeholder={t('requestViews.decide.commentOptional')}
            value={approveComment}
            onChange={(e) => setApproveComment(e.target.value)}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            style={{ width: 280, marginTop: 4 }}
          />
        }
        icon={<CheckOutlined style={{ color: '#16a34a' }} />}
        okText={t(approveKey)}
        cancelText={t('common.cancel')}
        // Enter on 通过 opens this; the next Enter must confirm, not close it again: the focus
        // moves to OK as it opens (the comment is a Shift+Tab away).
        okButtonProps={{ id: `approve-ok-${target.stepId}` }}
        onOpenChange={(open) => {
          if (open) {
            requestAnimationFrame(() =>
              document.getElementById(`approve-ok-${target.stepId}`)?.focus(),
            );
          }
        }}
        disabled={disabled}
        onConfirm={async () => {
          const r = await decide('approve', approveComment.trim());
          if (r.closed) setApproveComment('');
        }}
      >
        <Button
          type="primary"
          size={size}
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          disabled={disabled && busy !== 'approve'}
        >
          {t(approveKey)}
        </Button>
      </Popconfirm>
      <Button
        size={size}
        icon={<RollbackOutlined />}
        disabled={disabled}
        onClick={() => setReasonFor('return')}
      >
        {t('requestViews.actions.return')}
      </Button>
      <Button
        size={size}
        danger
        icon={<StopOutlined />}
        disabled={disabled}
        onClick={() => setReasonFor('reject')}
      >
        {t('requestViews.actions.reject')}
      </Button>
      {withTransfer && (
        <Button size={size} icon={<SwapOutlined />} disabled={disabled} onClick={openTransfer}>
          {t('requestViews.actions.transfer')}
        </Button>
      )}
      {reasonFor && (
        <ReasonModal
          title={t(`requestViews.decide.${reasonFor}Title`, { code: target.code })}
          okText={t(`requestViews.actions.${reasonFor}`)}
          danger={reasonFor === 'reject'}
          alert={{
            type: reasonFor === 'reject' ? 'error' : 'warning',
            text: t(`requestViews.decide.${reasonFor}Hint`),
          }}
          label={t('requestViews.decide.reason')}
          placeholder={t(`requestViews.decide.${reasonFor}Placeholder`)}
          inputId="decision-reason"
          maxLength={1000}
          busy={busy === reasonFor}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            const r = await decide(reasonFor, reason);
            if (r.closed) setReasonFor(null);
            return fieldMessage(r.error, 'comment', t);
          }}
        />
      )}
      {transferring && (
        <TransferModal
          target={target}
          candidates={candidates}
          busy={busy === 'transfer'}
          onCancel={() => setTransferring(false)}
          onSubmit={async (toUserId, name, comment) => {
            const r = await run(
              'transfer',
              () =>
                call('approvals.transfer', {
                  stepId: target.stepId,
                  version: target.version,
                  toUserId,
                  comment,
                }),
              () => t('requestViews.transfer.done', { name }),
            );
            if (r.closed) setTransferring(false);
            return r.error;
          }}
        />
      )}
    </Space>
  );
}

function fieldMessage(error: ApiError | undefined, field: string, t: TFunction) {
  const m = error?.fieldErrors?.[field];
  return m ? t(m.key, m.params) : undefined;
}

function TransferModal({
  target,
  candidates,
  busy,
  onCancel,
  onSubmit,
}: {
  target: DecisionTarget;
  /** null while loading. */
  candidates: Candidate[] | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (toUserId: number, name: string, comment: string) => Promise<ApiError | undefined>;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<number | undefined>();
  useReturnFocus();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const person = candidates?.find((c) => c.id === to);
    if (!person) {
      setError(t('validation.required'));
      return;
    }
    const e = await onSubmit(person.id, person.displayName, comment.trim());
    setError(fieldMessage(e, 'toUserId', t));
  };
  return (
    <Modal
      open
      title={t('requestViews.transfer.title', { code: target.code })}
      okText={t('requestViews.actions.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: candidates !== null && candidates.length === 0 }}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={480}
      destroyOnHidden
    >
      <p className="rv-muted">{t('requestViews.transfer.hint')}</p>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('requestViews.transfer.to')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Select
            id="transfer-to"
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates === null}
            value={to}
            placeholder={t('requestViews.transfer.toPlaceholder')}
            notFoundContent={
              candidates === null ? undefined : t('requestViews.transfer.noCandidates')
            }
            options={(candidates ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
            onChange={(v: number) => {
              setTo(v);
              setError(undefined);
            }}
          />
        </Form.Item>
        <Form.Item label={t('requestViews.transfer.comment')}>
          <Input.TextArea
            id="transfer-comment"
            value={comment}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
