import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  PaperClipOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  EXCEPTION_KINDS,
  type ExceptionKind,
  type ExpenseCheck,
  type ExpenseLineView,
  type VisitMoneyView,
} from '../../../../../shared/expenses';
import type { Language } from '../../../../../shared/i18n/translate';
import { call } from '../../../api/client';
import { opKey, useOp } from '../../../api/queries';
import { ReasonModal } from '../../../components/ReasonModal';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import { formatCalendarDate, formatMoney } from '../../../format';
import { AdvancesCard } from '../advances/AdvancesCard';
import { ReconcilePanel } from '../reconcile/ReconcilePanel';
import { LineDrawer } from './LineDrawer';

const SEVERITY_COLOR = { block: 'error', warn: 'warning', info: 'default' } as const;

/** A check's words: its money params (…Fen) formatted in the reader's language. */
export function useCheckText() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (c: ExpenseCheck) =>
    t(
      `expenses.checks.${c.code}`,
      Object.fromEntries(
        Object.entries(c.params).map(([k, v]) => [
          k,
          k.endsWith('Fen') && typeof v === 'number' ? formatMoney(v, language) : v,
        ]),
      ),
    );
}

/**
 * 费用报帐 of one visit: its facts (the cap of its policy version, the arrivals), the advances,
 * the lines with their checks inline, receipts, the budget against the actuals, and the
 * reconciliation. The host records lines while they are his; everyone else reads.
 */
export function VisitMoneyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const requestId = Number(useParams().requestId);
  const money = useOp('expenses.visit', { requestId }, { enabled: Number.isInteger(requestId) });

  if (money.isPending) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (money.error || !money.data) {
    return (
      <Result
        status="404"
        title={t('expensesEntry.notFound')}
        extra={
          <Button type="primary" onClick={() => void money.refetch()}>
            {t('expensesEntry.reload')}
          </Button>
        }
      />
    );
  }
  const m = money.data;
  return (
    <div className="expenses-entry">
      <div className="page-header">
        <Space size={8} wrap align="center">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('expensesEntry.back')}
            onClick={() => void navigate(`/requests/${m.request.id}`)}
          />
          <h1>
            {t('expensesEntry.title')} · {m.request.code}
          </h1>
          <StatusTag status={m.request.status} />
          <TierTag tier={m.request.tier} />
        </Space>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Facts money={m} />
        <AdvancesCard money={m} />
        <Lines money={m} />
        <Budget money={m} />
        <ReconcilePanel money={m} />
      </Space>
    </div>
  );
}

function Facts({ money: m }: { money: VisitMoneyView }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const cap =
    m.mealCapFen !== null
      ? t('expensesEntry.facts.capValue', {
          cap: formatMoney(m.mealCapFen, language),
          version: m.policyVersion ?? '—',
        })
      : m.canteenMealFen !== null
        ? t('expensesEntry.facts.canteen', { cap: formatMoney(m.canteenMealFen, language) })
        : t('expensesEntry.facts.noCap');
  return (
    <Card size="small">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.request.orgName}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('expensesEntry.facts.visit')}>
          {formatCalendarDate(m.request.arrivalDate, language)}
          {m.request.departureDate !== m.request.arrivalDate &&
            ` – ${formatCalendarDate(m.request.departureDate, language)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('expensesEntry.facts.cap')}>{cap}</Descriptions.Item>
        <Descriptions.Item label={t('expensesEntry.facts.arrived')}>
          {m.arrivedVisitors === null
            ? t('expensesEntry.facts.notArrived')
            : t('expensesEntry.facts.arrivedValue', { count: m.arrivedVisitors })}
        </Descriptions.Item>
        <Descriptions.Item label={t('expensesEntry.facts.companions')}>
          {t('expensesEntry.facts.companionsValue', { count: m.companions })}
        </Descriptions.Item>
      </Descriptions>
      <Space size={32} wrap style={{ marginTop: 8 }}>
        <Statistic
          title={t('expensesEntry.totals.amount')}
          value={formatMoney(m.totals.amountFen, language)}
        />
        <Statistic
          title={t('expensesEntry.totals.company')}
          value={formatMoney(m.totals.companyFen, language)}
        />
        <Statistic
          title={t('expensesEntry.totals.borne')}
          value={formatMoney(m.totals.borneByHostFen, language)}
        />
        <Statistic
          title={t('expensesEntry.totals.overCap')}
          value={formatMoney(m.totals.overCapFen, language)}
        />
      </Space>
    </Card>
  );
}

function Lines({ money: m }: { money: VisitMoneyView }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const checkText = useCheckText();
  const [editing, setEditing] = useState<ExpenseLineView | 'new' | null>(null);
  const [granting, setGranting] = useState<ExpenseLineView | null>(null);
  const [kind, setKind] = useState<ExceptionKind>('over_cap');
  const [busy, setBusy] = useState(false);
  const key = opKey('expenses.visit', { requestId: m.request.id });
  const accept = (v: VisitMoneyView) => queryClient.setQueryData(key, v);
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  const money = (fen: number) => formatMoney(fen, language);

  const confirmDelete = (l: ExpenseLineView) =>
    modal.confirm({
      title: t('expensesEntry.lines.deleteTitle'),
      content: t('expensesEntry.lines.deleteBody', {
        date: l.spentOn,
        vendor: l.vendor,
        amount: money(l.amountFen),
      }),
      okText: t('expensesEntry.lines.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const r = await call('expenses.deleteLine', { id: l.id, version: l.version });
        if (r.ok) {
          accept(r.value);
          void message.success(t('expensesEntry.lines.deleted'));
        } else {
          void message.error(t(r.error.key, r.error.params));
          void reload();
        }
      },
    });

  const columns = [
    {
      title: t('expensesEntry.lines.date'),
      dataIndex: 'spentOn',
      width: 110,
    },
    {
      title: t('expensesEntry.lines.category'),
      key: 'category',
      render: (_: unknown, l: ExpenseLineView) => (
        <>
          <div>{t(`labels.expense.${l.category}`)}</div>
          <Typography.Text type="secondary">{l.vendor}</Typography.Text>
        </>
      ),
    },
    {
      title: t('expensesEntry.lines.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, l: ExpenseLineView) => (
        <>
          <div>{money(l.amountFen)}</div>
          <Typography.Text type="secondary">{t(`expenses.paidBy.${l.paidBy}`)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('expensesEntry.lines.people'),
      key: 'people',
      align: 'right' as const,
      render: (_: unknown, l: ExpenseLineView) =>
        t('expensesEntry.lines.peopleValue', { visitors: l.visitors, companions: l.companions }),
    },
    {
      title: t('expensesEntry.lines.perHead'),
      key: 'perHead',
      align: 'right' as const,
      render: (_: unknown, l: ExpenseLineView) => (
        <>
          {money(l.split.perHeadFen)}
          {l.split.capFen !== null && (
            <Typography.Text type="secondary"> / {money(l.split.capFen)}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('expensesEntry.lines.borne'),
      key: 'borne',
      align: 'right' as const,
      render: (_: unknown, l: ExpenseLineView) =>
        l.split.borneByHostFen > 0 ? (
          <Tooltip title={l.split.hostBears ? t(`expenses.hostBears.${l.split.hostBears}`) : ''}>
            <Typography.Text type="danger">{money(l.split.borneByHostFen)}</Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('expensesEntry.lines.invoice'),
      key: 'invoice',
      render: (_: unknown, l: ExpenseLineView) => (
        <>
          <div>{t(`expenses.invoiceType.${l.invoiceType}`)}</div>
          <Typography.Text type="secondary" copyable={l.invoiceNo !== ''}>
            {l.invoiceNo || l.noInvoiceReason}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('expensesEntry.lines.receipts'),
      key: 'receipts',
      align: 'right' as const,
      render: (_: unknown, l: ExpenseLineView) =>
        t('expensesEntry.lines.receiptsValue', { count: l.receipts }),
    },
    {
      title: t('expensesEntry.lines.actions'),
      key: 'actions',
      render: (_: unknown, l: ExpenseLineView) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={m.rights.recordLines ? <EditOutlined /> : <PaperClipOutlined />}
            onClick={() => setEditing(l)}
          >
            {t(
              m.rights.recordLines
                ? 'expensesEntry.lines.edit'
                : 'expensesEntry.lines.receiptsButton',
            )}
          </Button>
          {m.rights.recordLines && (
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => confirmDelete(l)}
            >
              {t('expensesEntry.lines.delete')}
            </Button>
          )}
          {m.rights.grantExceptions && l.split.borneByHostFen > 0 && (
            <Button
              type="link"
              size="small"
              icon={<SafetyCertificateOutlined />}
              onClick={() => {
                setKind(l.split.hostBears ?? 'over_cap');
                setGranting(l);
              }}
            >
              {t('expensesEntry.lines.grant')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('expensesEntry.lines.title')}
      extra={
        m.rights.recordLines && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('expensesEntry.lines.add')}
          </Button>
        )
      }
    >
      <Table<ExpenseLineView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 960 }}
        dataSource={m.lines}
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              description={
                <>
                  <div>{t('expensesEntry.lines.empty')}</div>
                  <Typography.Text type="secondary">
                    {t('expensesEntry.lines.emptyHint')}
                  </Typography.Text>
                </>
              }
            />
          ),
        }}
        expandable={{
          expandedRowRender: (l) => <LineNotes line={l} checkText={checkText} />,
          rowExpandable: (l) =>
            l.checks.length > 0 || l.exceptions.length > 0 || l.returnedReason !== '',
          showExpandColumn: false,
          expandedRowKeys: m.lines
            .filter((l) => l.checks.length > 0 || l.exceptions.length > 0 || l.returnedReason)
            .map((l) => l.id),
        }}
        summary={() =>
          m.lines.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('expensesEntry.lines.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{money(m.totals.amountFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={2} align="right">
                {t('expensesEntry.lines.company', { amount: money(m.totals.companyFen) })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <strong>{money(m.totals.borneByHostFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} colSpan={3} />
            </Table.Summary.Row>
          )
        }
      />
      {editing !== null && (
        <LineDrawer
          money={m}
          line={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) accept(saved);
            // Receipts uploaded in the drawer change the lines' counts and checks.
            else void reload();
          }}
        />
      )}
      {granting && (
        <ReasonModal
          title={t('expensesEntry.grant.title')}
          okText={t('expensesEntry.grant.ok')}
          label={t('expensesEntry.grant.reason')}
          inputId="grant-reason"
          maxLength={500}
          busy={busy}
          onCancel={() => setGranting(null)}
          onSubmit={async (reason) => {
            setBusy(true);
            const r = await call('expenses.grantException', {
              lineId: granting.id,
              version: granting.version,
              kind,
              reason,
            });
            setBusy(false);
            if (r.ok) {
              accept(r.value);
              setGranting(null);
              void message.success(t('expensesEntry.lines.granted'));
              return undefined;
            }
            const field = r.error.fieldErrors?.reason;
            if (field) return t(field.key, field.params);
            void message.error(t(r.error.key, r.error.params));
            setGranting(null);
            void reload();
            return undefined;
          }}
        >
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <label htmlFor="grant-kind">{t('expensesEntry.grant.kind')}</label>
            <Select
              id="grant-kind"
              value={kind}
              onChange={setKind}
              style={{ width: '100%' }}
              options={EXCEPTION_KINDS.map((k) => ({
                value: k,
                label: t(`expenses.exceptionKind.${k}`),
              }))}
            />
          </Space>
        </ReasonModal>
      )}
    </Card>
  );
}

/** A line's checks, exceptions and finance's return, under its row. */
function LineNotes({
  line: l,
  checkText,
}: {
  line: ExpenseLineView;
  checkText: (c: ExpenseCheck) => string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {l.returnedReason !== '' && (
        <Alert
          type="error"
          showIcon
          message={t('expensesEntry.lines.returned', { reason: l.returnedReason })}
        />
      )}
      {l.checks.map((c) => (
        <div key={c.code}>
          <Tag color={SEVERITY_COLOR[c.severity]}>{t(`expensesEntry.severity.${c.severity}`)}</Tag>
          {checkText(c)}
        </div>
      ))}
      {l.exceptions.map((e) => (
        <div key={e.kind}>
          <Tag color="green">{t(`expenses.exceptionKind.${e.kind}`)}</Tag>
          {t('expensesEntry.lines.exception', {
            kind: t(`expenses.exceptionKind.${e.kind}`),
            by: e.byName,
            reason: e.reason,
          })}
        </div>
      ))}
    </Space>
  );
}

function Budget({ money: m }: { money: VisitMoneyView }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const money = (fen: number) => formatMoney(fen, language);
  const rows = m.budget.rows.filter((r) => r.budgetFen > 0 || r.actualFen > 0);
  return (
    <Card size="small" title={t('expensesEntry.budget.title')}>
      <Table
        rowKey="category"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('expensesEntry.lines.empty')} /> }}
        columns={[
          {
            title: t('expensesEntry.budget.category'),
            dataIndex: 'category',
            render: (c: string) => t(`labels.expense.${c}`),
          },
          {
            title: t('expensesEntry.budget.budget'),
            dataIndex: 'budgetFen',
            align: 'right',
            render: money,
          },
          {
            title: t('expensesEntry.budget.actual'),
            dataIndex: 'actualFen',
            align: 'right',
            render: money,
          },
          {
            title: t('expensesEntry.budget.variance'),
            dataIndex: 'varianceFen',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v > 0 ? 'danger' : undefined}>{money(v)}</Typography.Text>
            ),
          },
          {
            title: t('expensesEntry.budget.percent'),
            dataIndex: 'varianceBp',
            align: 'right',
            render: (bp: number | null) =>
              bp === null ? '—' : `${bp > 0 ? '+' : ''}${(bp / 100).toFixed(1)}%`,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('expensesEntry.budget.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {money(m.budget.budgetFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {money(m.budget.actualFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {money(m.budget.actualFen - m.budget.budgetFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
