import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalStepView } from '../../../../../shared/approvals';
import type {
  ExpenseCheck,
  ExpenseLineView,
  ReconciliationStatus,
  VisitCheckCode,
  VisitMoneyView,
} from '../../../../../shared/expenses';
import type { Result } from '../../../../../shared/result';
import { call } from '../../../api/client';
import { formatInstant } from '../../../format';
import { useCompanyTimeZone, useSession } from '../../../session/SessionContext';
import { useAcceptMoney, useClearingWords, useLanguage, useMessage, useMoney } from './common';
import './reconcile.css';
import { useFirstFieldFocus } from '../../../components/focusFirstField';

const STATUS_COLOR: Record<ReconciliationStatus, string> = {
  open: 'default',
  approving: 'processing',
  returned: 'warning',
  settled: 'success',
};

const SEVERITY: Record<ExpenseCheck['severity'], 'error' | 'warning' | 'info'> = {
  block: 'error',
  warn: 'warning',
  info: 'info',
};

/**
 * The reconciliation on a visit's money page: the visit's checks, the clearing in plain words,
 * submit (with a confirmation), the review steps, finance's "退回此笔" per line at its step,
 * archive, the sysadmin's reopen with a reason, and the printed 核销单.
 */
export function ReconcilePanel({ money }: { money: VisitMoneyView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const language = useLanguage();
  const timeZone = useCompanyTimeZone();
  const fmtMoney = useMoney();
  const msg = useMessage();
  const words = useClearingWords();
  const accept = useAcceptMoney();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState<ExpenseLineView | null>(null);
  const [reopening, setReopening] = useState(false);
  const p = (key: string, params?: Record<string, unknown>) =>
    msg(`expensesReconcile.panel.${key}`, params);

  const rec = money.reconciliation;
  const requestId = money.request.id;
  const instant = (ms: number) => formatInstant(ms, timeZone ?? 'Asia/Shanghai', language);
  const round = rec.steps.filter((s) => s.revision === rec.revision);
  const financeStep = round.find((s) => s.kind === 'finance' && s.status === 'pending') ?? null;
  const mayReturn = financeStep !== null && can('expenses.finance');
  const returnedLine = money.lines.find((l) => l.id === rec.returnedLineId) ?? null;
  const archived = money.request.status === 'archived';

  /** Runs a write; its answer (the money page) replaces the one on screen. */
  const run = async (write: () => Promise<Result<VisitMoneyView>>, done: string) => {
    setBusy(true);
    try {
      const r = await write();
      if (!r.ok) {
        void message.error(msg(r.error.key, r.error.params));
        return false;
      }
      accept(r.value);
      void message.success(p(done));
      return true;
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    run(
      () => call('expenses.submit', { requestId, version: rec.id ? rec.version : null }),
      'submitted',
    );
  const archive = () => run(() => call('expenses.archive', { requestId }), 'archived');

  return (
    <Card
      size="small"
      className="er-panel"
      data-testid="reconcile-panel"
      title={
        <Space wrap>
          <span>{p('title')}</span>
          <Tag color={STATUS_COLOR[rec.status]} data-testid="reconcile-status">
            {t(`expenses.reconciliationStatus.${rec.status}`)}
          </Tag>
          {rec.revision > 0 && (
            <Typography.Text type="secondary">
              {p('revision', { revision: rec.revision })}
            </Typography.Text>
          )}
          {archived && <Tag>{p('archived')}</Tag>}
        </Space>
      }
      extra={
        <Link to={`/expenses/${requestId}/print`} target="_blank" data-testid="reconcile-print">
          <PrinterOutlined /> {p('print')}
        </Link>
      }
    >
      <Space orientation="vertical" size="middle" className="er-stack">
        {rec.status === 'returned' && (rec.returnReason || returnedLine) && (
          <Alert
            type="warning"
            showIcon
            data-testid="reconcile-returned"
            title={p('returnedTitle')}
            description={
              <>
                {returnedLine && (
                  <div>
                    {p('returnedLine', {
                      vendor: returnedLine.vendor,
                      amountFen: returnedLine.amountFen,
                    })}
                  </div>
                )}
                {rec.returnReason && <div>{p('returnReason', { reason: rec.returnReason })}</div>}
              </>
            }
          />
        )}

        <section aria-label={p('checks')}>
          <Typography.Title level={5}>{p('checks')}</Typography.Title>
          <VisitChecks checks={money.checks} />
          {money.suppliesToReturn.length > 0 && (
            <div className="er-supplies">
              <Typography.Text strong>{p('suppliesToReturn')}</Typography.Text>
              <ul>
                {money.suppliesToReturn.map((s) => (
                  <li key={s.bookingId}>
                    {p('supplyBooking', { id: s.bookingId, label: s.label })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>

        <section aria-label={p('clearing')}>
          <Typography.Title level={5}>{p('clearing')}</Typography.Title>
          <Typography.Paragraph className="er-clearing" data-testid="reconcile-clearing">
            {words(rec.clearing)}
          </Typography.Paragraph>
          {rec.clearing.cardOwedFen > 0 && (
            <Typography.Paragraph type="secondary">
              {msg('expensesReconcile.clearing.cardOwed', {
                cardOwedFen: rec.clearing.cardOwedFen,
              })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">
            {p(rec.status === 'settled' ? 'clearingSettled' : 'clearingPending')}
          </Typography.Text>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            className="er-dates"
            items={[
              ...(rec.submittedAtMs !== null
                ? [
                    {
                      key: 'submitted',
                      label: p('submittedAt'),
                      children: instant(rec.submittedAtMs),
                    },
                  ]
                : []),
              ...(rec.settledAtMs !== null
                ? [{ key: 'settled', label: p('settledAt'), children: instant(rec.settledAtMs) }]
                : []),
            ]}
          />
        </section>

        <section aria-label={p('steps')}>
          <Typography.Title level={5}>{p('steps')}</Typography.Title>
          {round.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p('noSteps')} />
          ) : (
            <Steps
              size="small"
              orientation="vertical"
              data-testid="reconcile-steps"
              items={round.map((s) => stepItem(s, t, instant))}
            />
          )}
        </section>

        {mayReturn && (
          <section aria-label={p('financeLines')}>
            <Typography.Title level={5}>{p('financeLines')}</Typography.Title>
            <Typography.Paragraph type="secondary">{p('financeHint')}</Typography.Paragraph>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={money.lines}
              data-testid="reconcile-lines"
              columns={[
                { title: p('date'), dataIndex: 'spentOn', width: 110 },
                {
                  title: p('category'),
                  dataIndex: 'category',
                  render: (c: string) => t(`labels.expense.${c}`),
                },
                { title: p('vendor'), dataIndex: 'vendor' },
                {
                  title: p('amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (fen: number) => fmtMoney(fen),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, line: ExpenseLineView) => (
                    <Button size="small" danger onClick={() => setReturning(line)}>
                      {p('returnThis')}
                    </Button>
                  ),
                },
              ]}
            />
          </section>
        )}

        <Space wrap>
          {money.rights.submit && (rec.status === 'open' || rec.status === 'returned') && (
            <Popconfirm
              title={p('submitConfirm')}
              okText={p(rec.status === 'returned' ? 'resubmit' : 'submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => submit()}
            >
              <Button type="primary" loading={busy} data-testid="reconcile-submit">
                {p(rec.status === 'returned' ? 'resubmit' : 'submit')}
              </Button>
            </Popconfirm>
          )}
          {money.rights.archive && money.request.status === 'settled' && (
            <Popconfirm
              title={p('archiveConfirm')}
              okText={p('archive')}
              cancelText={t('common.cancel')}
              onConfirm={() => archive()}
            >
              <Button loading={busy} data-testid="reconcile-archive">
                {p('archive')}
              </Button>
            </Popconfirm>
          )}
          {money.rights.reopen && (money.request.status === 'settled' || archived) && (
            <Button danger onClick={() => setReopening(true)} data-testid="reconcile-reopen">
              {p('reopen')}
            </Button>
          )}
        </Space>
        {archived && <Typography.Text type="secondary">{p('archivedNote')}</Typography.Text>}
      </Space>

      <ReasonModal
        open={returning !== null}
        title={
          returning
            ? p('returnTitle', { vendor: returning.vendor, amountFen: returning.amountFen })
            : ''
        }
        label={p('returnReasonLabel')}
        placeholder={p('returnReasonPlaceholder')}
        okText={p('returnOk')}
        busy={busy}
        onCancel={() => setReturning(null)}
        onOk={async (reason) => {
          if (!returning || !financeStep) return;
          const ok = await run(
            () =>
              call('expenses.returnLine', {
                stepId: financeStep.id,
                version: financeStep.version,
                lineId: returning.id,
                reason,
              }),
            'returnedOk',
          );
          if (ok) setReturning(null);
        }}
      />
      <ReasonModal
        open={reopening}
        title={p('reopenTitle')}
        hint={p('reopenHint')}
        label={p('reopenReason')}
        okText={p('reopenOk')}
        busy={busy}
        onCancel={() => setReopening(false)}
        onOk={async (reason) => {
          const ok = await run(() => call('expenses.reopen', { requestId, reason }), 'reopened');
          if (ok) setReopening(false);
        }}
      />
    </Card>
  );
}

function stepItem(
  s: ApprovalStepView,
  t: (key: string, params?: Record<string, unknown>) => string,
  instant: (ms: number) => string,
) {
  const status =
    s.status === 'approved'
      ? 'finish'
      : s.status === 'pending'
        ? 'process'
        : s.status === 'returned' || s.status === 'rejected'
          ? 'error'
          : 'wait';
  const who = s.decidedByName ?? s.assigneeName;
  return {
    key: s.id,
    status: status as 'finish' | 'process' | 'error' | 'wait',
    title: t(`labels.stepKind.${s.kind}`),
    content: (
      <span data-testid="reconcile-step">
        {t(`requestViews.stepStatus.${s.status}`)}
        {who ? ` · ${who}` : ''}
        {s.decidedAtMs !== null ? ` · ${instant(s.decidedAtMs)}` : ''}
        {s.comment ? ` — ${s.comment}` : ''}
      </span>
    ),
  };
}

function VisitChecks({ checks }: { checks: ExpenseCheck<VisitCheckCode>[] }) {
  const msg = useMessage();
  const { t } = useTranslation();
  if (checks.length === 0) {
    return <Alert type="success" showIcon title={t('expensesReconcile.panel.noChecks')} />;
  }
  return (
    <Space orientation="vertical" className="er-stack" data-testid="reconcile-checks">
      {checks.map((c) => (
        <Alert
          key={c.code}
          type={SEVERITY[c.severity]}
          showIcon
          title={msg(`expenses.checks.${c.code}`, c.params)}
        />
      ))}
    </Space>
  );
}

/** A required reason, typed in a dialog (退回此笔, 重新打开). */
function ReasonModal(props: {
  open: boolean;
  title: string;
  hint?: string;
  label: string;
  placeholder?: string;
  okText: string;
  busy: boolean;
  onCancel: () => void;
  onOk: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const empty = reason.trim() === '';
  const [fieldsRef, focusFirstField] = useFirstFieldFocus();
  return (
    <Modal
      open={props.open}
      afterOpenChange={focusFirstField}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: empty, loading: props.busy }}
      onCancel={props.onCancel}
      onOk={() => void props.onOk(reason.trim())}
      afterClose={() => setReason('')}
      destroyOnHidden
    >
      {props.hint && <Alert type="warning" showIcon title={props.hint} className="er-hint" />}
      <div ref={fieldsRef}>
        <Form layout="vertical" component="div">
          <Form.Item label={props.label} htmlFor="er-reason" required>
            <Input.TextArea
              id="er-reason"
              autoFocus
              value={reason}
              maxLength={500}
              rows={3}
              placeholder={props.placeholder}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
