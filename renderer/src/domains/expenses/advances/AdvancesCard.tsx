import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADVANCE_REQUEST_STATUSES,
  LIVE_ADVANCE_STATUSES,
  nextAdvanceStatus,
  type AdvanceView,
  type VisitMoneyView,
} from '../../../../../shared/expenses';
import { fenToYuan, yuanToFen } from '../../../../../shared/money';
import type { ApiError } from '../../../../../shared/result';
import { useOpMutation } from '../../../api/queries';
import { formatInstant, localParams } from '../../../format';
import { useCompanyTimeZone, useSignedIn } from '../../../session/SessionContext';
import { IssueModal } from './IssueModal';
import { useFirstFieldFocus } from '../../../components/focusFirstField';
import { STATUS_COLOR, useAdvanceText } from './text';
import './advances.css';

/** The most the visit's live advances may still reach, as the server counts it (integer fen). */
function available(money: VisitMoneyView, exceptId: number | null) {
  const limitFen = Math.floor((money.advanceShareBp * money.budget.budgetFen) / 10000);
  const others = money.advances
    .filter((a) => a.id !== exceptId && LIVE_ADVANCE_STATUSES.includes(a.status))
    .reduce((sum, a) => sum + a.amountFen, 0);
  return { limitFen, availableFen: Math.max(0, limitFen - others) };
}

/** The policy share of the budget, the most the advances may reach and what is still free. */
function limitLine(
  t: TFunction,
  text: ReturnType<typeof useAdvanceText>,
  money: VisitMoneyView,
  limitFen: number,
  availableFen: number,
): string {
  return t('expensesAdvances.limit', {
    sharePct: money.advanceShareBp / 100,
    budgetFen: text.money(money.budget.budgetFen),
    limitFen: text.money(limitFen),
    availableFen: text.money(availableFen),
  });
}

/**
 * The visit's cash advances (借款) on its money page: each with its status and approval chain;
 * the host asks (within the policy share of the budget), changes a returned one, withdraws one
 * not yet handed out; finance issues an approved one.
 */
export function AdvancesCard({ money }: { money: VisitMoneyView }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useSignedIn().user.id;
  const text = useAdvanceText();
  const tz = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const [asking, setAsking] = useState<{ advance: AdvanceView | null } | null>(null);
  const [issuing, setIssuing] = useState<AdvanceView | null>(null);
  const cancel = useOpMutation('expenses.cancelAdvance', {
    invalidates: ['expenses.visit', 'expenses.advances'],
  });
  const isHost = money.request.hostUserId === me;
  const { limitFen, availableFen } = available(money, null);

  const confirmCancel = (a: AdvanceView) => {
    modal.confirm({
      title: t('expensesAdvances.cancel'),
      content: t('expensesAdvances.cancelConfirm', {
        advance: a.seq,
        amountFen: text.money(a.amountFen),
      }),
      okText: t('expensesAdvances.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const res = await cancel.mutateAsync({ id: a.id, version: a.version });
        if (!res.ok) {
          modal.error({ title: t(res.error.key, localParams(t, text.language, res.error.params)) });
        }
      },
    });
  };

  return (
    <Card
      size="small"
      title={t('expensesAdvances.title')}
      data-testid="advances-card"
      extra={
        isHost &&
        money.rights.askAdvance && (
          <Button type="primary" onClick={() => setAsking({ advance: null })}>
            {t('expensesAdvances.ask')}
          </Button>
        )
      }
    >
      {/* What may still be asked for, only while the visit may have advances at all (a settled
          visit offering "尚可借 ¥240.00" reads as money still to take); to everyone who reads
          the page, since the head and finance decide on advances here. */}
      {ADVANCE_REQUEST_STATUSES.includes(money.request.status) &&
        money.reconciliation.status === 'open' && (
          <Typography.Paragraph type="secondary" className="adv-limit" data-testid="advance-limit">
            {limitLine(t, text, money, limitFen, availableFen)}
          </Typography.Paragraph>
        )}
      {money.advances.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expensesAdvances.empty')} />
      ) : (
        <ul className="adv-list">
          {money.advances.map((a) => (
            <li key={a.id} className="adv-item" data-testid="advance" data-status={a.status}>
              <div className="adv-head">
                <strong>{t('expensesAdvances.seq', { advance: a.seq })}</strong>
                <span className="adv-amount">{text.money(a.amountFen)}</span>
                <Tag color={STATUS_COLOR[a.status]}>{t(`expenses.advanceStatus.${a.status}`)}</Tag>
                <span className="adv-purpose">{a.purpose}</span>
              </div>
              <div className="adv-meta">
                {t('expensesAdvances.requestedBy', {
                  name: a.requestedByName,
                  at: formatInstant(a.requestedAtMs, tz, text.language),
                })}
                {a.issuedOn && a.issuedMethod && (
                  <>
                    {' · '}
                    {t('expensesAdvances.issuedBy', {
                      name: a.issuedByName ?? '—',
                      date: a.issuedOn,
                      method: t(`expenses.issueMethod.${a.issuedMethod}`),
                    })}
                  </>
                )}
              </div>
              <Chain advance={a} />
              <Space size={4} className="adv-actions">
                {isHost && a.status === 'returned' && money.rights.askAdvance && (
                  <Button size="small" onClick={() => setAsking({ advance: a })}>
                    {t('expensesAdvances.edit')}
                  </Button>
                )}
                {isHost && nextAdvanceStatus(a.status, 'cancel') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => confirmCancel(a)}
                    aria-label={`${t('expensesAdvances.cancel')} ${t('expensesAdvances.seq', { advance: a.seq })}`}
                  >
                    {t('expensesAdvances.cancel')}
                  </Button>
                )}
                {money.rights.issueAdvances && a.status === 'approved' && (
                  <Button size="small" type="primary" onClick={() => setIssuing(a)}>
                    {t('expensesAdvances.issue')}
                  </Button>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <AskModal money={money} advance={asking.advance} onClose={() => setAsking(null)} />
      )}
      {issuing && (
        <IssueModal advance={issuing} code={money.request.code} onClose={() => setIssuing(null)} />
      )}
    </Card>
  );
}

/** The current round's steps of an advance, in a line: 部门负责人审批 ✓ → 财务审核 …. */
function Chain({ advance }: { advance: AdvanceView }) {
  const { t } = useTranslation();
  const round = advance.steps.filter((s) => s.revision === advance.steps[0]?.revision);
  if (round.length === 0) return null;
  return (
    <div className="adv-chain">
      {t('expensesAdvances.chain')}
      {round.map((s, i) => (
        <span key={s.id}>
          {i > 0 && ' → '}
          {t(`labels.stepKind.${s.kind}`)}
          {s.decidedByName ? `（${s.decidedByName}）` : ''}{' '}
          <Tag bordered={false}>{t(`requestViews.stepStatus.${s.status}`)}</Tag>
          {s.comment && <span className="adv-comment">{s.comment}</span>}
        </span>
      ))}
    </div>
  );
}

/** Ask for an advance, or change a returned one and submit it again. */
function AskModal({
  money,
  advance,
  onClose,
}: {
  money: VisitMoneyView;
  advance: AdvanceView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useAdvanceText();
  const [amountFen, setAmountFen] = useState<number | null>(advance?.amountFen ?? null);
  const [purpose, setPurpose] = useState(advance?.purpose ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const save = useOpMutation('expenses.saveAdvance', {
    invalidates: ['expenses.visit', 'expenses.advances'],
  });
  const { limitFen, availableFen } = available(money, advance?.id ?? null);
  const fieldText = (name: string) => {
    const e = error?.fieldErrors?.[name];
    return e ? t(e.key, localParams(t, text.language, e.params)) : undefined;
  };

  const submit = async () => {
    const res = await save.mutateAsync({
      requestId: money.request.id,
      id: advance?.id ?? null,
      version: advance?.version ?? null,
      amountFen: amountFen ?? 0,
      purpose,
    });
    if (res.ok) onClose();
    else setError(res.error);
  };
  const amountError = fieldText('amountFen');
  const purposeError = fieldText('purpose');
  const general =
    error && !amountError && !purposeError
      ? t(error.key, localParams(t, text.language, error.params))
      : null;

  const [fieldsRef, focusFirstField] = useFirstFieldFocus();
  return (
    <Modal
      open
      afterOpenChange={focusFirstField}
      title={t(advance ? 'expensesAdvances.edit' : 'expensesAdvances.ask')}
      okText={t('expensesAdvances.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {limitLine(t, text, money, limitFen, availableFen)}
      </Typography.Paragraph>
      <div ref={fieldsRef}>
        <Form layout="vertical">
          <Form.Item
            label={t('expensesAdvances.amount')}
            htmlFor="advance-amount"
            required
            validateStatus={amountError ? 'error' : undefined}
            help={amountError}
          >
            <InputNumber<number>
              id="advance-amount"
              value={fenToYuan(amountFen)}
              min={0}
              max={10_000_000}
              step={100}
              prefix="¥"
              style={{ width: 200 }}
              status={amountError ? 'error' : undefined}
              onChange={(v) => setAmountFen(yuanToFen(v))}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            label={t('expensesAdvances.purpose')}
            htmlFor="advance-purpose"
            required
            validateStatus={purposeError ? 'error' : undefined}
            help={purposeError}
          >
            <Input.TextArea
              id="advance-purpose"
              value={purpose}
              maxLength={500}
              rows={3}
              placeholder={t('expensesAdvances.purposePlaceholder')}
              onChange={(e) => setPurpose(e.target.value)}
            />
          </Form.Item>
        </Form>
        {general && (
          <p role="alert" className="adv-error">
            {general}
          </p>
        )}
      </div>
    </Modal>
  );
}
