import { Alert, Descriptions, Empty, Steps, Table, Tag, Timeline, Typography } from 'antd';
import type { BudgetLineEstimate } from '../../../../../shared/policy';
import type { ItineraryItem, Visitor } from '../../../../../shared/requests/schema';
import type { RequestDossier, RequestEventView } from '../../../../../shared/requests/views';
import { stepAge, type ApprovalStepView } from '../../../../../shared/approvals';
import { useNow } from '../../../components/useNow';
import {
  budgetLines,
  eventDetail,
  isDecided,
  needsRows,
  stepAssignee,
  stepReason,
  visitorId,
} from './content';
import { DASH } from './format';
import { StepStatusTag, stepStatusKey } from './Tags';
import type { Fmt } from './useFmt';

/** 概要: purpose, organisation, tier, dates, companions. */
export function SummarySection({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const { t } = fmt;
  const b = d.body;
  // Pairs fill a row of two; long texts take a whole row.
  const items = [
    { key: 'org', label: t('requestViews.field.orgName'), children: b.orgName || DASH },
    {
      key: 'category',
      label: t('requestViews.summary.orgCategory'),
      children: t(`labels.category.${b.orgCategory}`),
    },
    { key: 'tier', label: t('requestViews.summary.tier'), children: fmt.tier(b.tier) },
    {
      key: 'headcount',
      label: t('requestViews.summary.headcount'),
      children: t('requestViews.summary.headcountValue', {
        count: d.budget.headcount,
        visitors: b.visitors.length,
        companions: b.companions.length,
      }),
    },
    ...(b.tierOverrideReason
      ? [
          {
            key: 'override',
            label: t('requestViews.summary.tierOverrideReason'),
            span: 2,
            children: b.tierOverrideReason,
          },
        ]
      : []),
    {
      key: 'arrival',
      label: t('requestViews.summary.arrival'),
      children: fmt.dayTime(b.arrivalDate, b.arrivalTime, true),
    },
    {
      key: 'departure',
      label: t('requestViews.summary.departure'),
      children: fmt.dayTime(b.departureDate, b.departureTime, true),
    },
    {
      key: 'purpose',
      label: t('requestViews.summary.purpose'),
      span: 2,
      children: <span className="rv-pre">{b.purpose || DASH}</span>,
    },
    {
      key: 'companions',
      label: t('requestViews.summary.companions'),
      span: 2,
      children: b.companions.length
        ? fmt.list(b.companions.map((c) => c.name))
        : t('requestViews.summary.noCompanions'),
    },
    ...(b.retroactive
      ? [
          {
            key: 'retro',
            label: t('requestViews.field.retroactiveReason'),
            span: 2,
            children: (
              <Typography.Text type="danger">{b.retroactiveReason || DASH}</Typography.Text>
            ),
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={items}
      styles={{ label: { width: 130 } }}
    />
  );
}

export function VisitorsTable({ visitors, fmt }: { visitors: Visitor[]; fmt: Fmt }) {
  const { t } = fmt;
  return (
    <Table<Visitor & { key: number }>
      size="small"
      pagination={false}
      dataSource={visitors.map((v, key) => ({ ...v, key }))}
      locale={{ emptyText: t('requestViews.visitor.empty') }}
      columns={[
        {
          title: t('requestViews.visitor.index'),
          key: 'i',
          width: 56,
          render: (_, v) => v.key + 1,
        },
        { title: t('requestViews.visitor.name'), dataIndex: 'name', width: 120 },
        {
          title: t('requestViews.visitor.title'),
          dataIndex: 'title',
          render: (s: string) => s || DASH,
        },
        {
          title: t('requestViews.visitor.phone'),
          dataIndex: 'phone',
          width: 140,
          render: (s: string) => s || DASH,
        },
        { title: t('requestViews.visitor.id'), key: 'id', render: (_, v) => visitorId(v, fmt) },
        {
          title: t('requestViews.visitor.notes'),
          dataIndex: 'notes',
          render: (s: string) => s || DASH,
        },
      ]}
    />
  );
}

export function ItineraryTable({ items, fmt }: { items: ItineraryItem[]; fmt: Fmt }) {
  const { t } = fmt;
  const rows = [...items]
    .sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`))
    .map((it, key) => ({ ...it, key }));
  return (
    <Table<ItineraryItem & { key: number }>
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('requestViews.itinerary.empty') }}
      columns={[
        {
          title: t('requestViews.itinerary.date'),
          dataIndex: 'date',
          width: 150,
          render: (s: string) => fmt.day(s, { weekday: true, year: false }),
        },
        {
          title: t('requestViews.itinerary.time'),
          dataIndex: 'time',
          width: 70,
          render: (s: string) => s || DASH,
        },
        { title: t('requestViews.itinerary.activity'), dataIndex: 'activity' },
        {
          title: t('requestViews.itinerary.place'),
          dataIndex: 'place',
          render: (s: string) => s || DASH,
        },
        {
          title: t('requestViews.itinerary.owner'),
          dataIndex: 'owner',
          width: 110,
          render: (s: string) => s || DASH,
        },
      ]}
    />
  );
}

export function NeedsSection({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const none = fmt.t('requestViews.needs.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 130 } }}
      items={needsRows(d.body, d.budget.headcount, fmt).map((r) => ({
        key: r.key,
        label: r.label,
        children: <span className={r.value === none ? 'rv-muted' : 'rv-pre'}>{r.value}</span>,
      }))}
    />
  );
}

export function BudgetSection({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const { t } = fmt;
  const lines = budgetLines(d.budget);
  return (
    <>
      <Table<BudgetLineEstimate>
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: t('requestViews.budget.empty') }}
        columns={[
          {
            title: t('requestViews.budget.category'),
            dataIndex: 'category',
            width: 160,
            render: (c: string) => t(`labels.expense.${c}`),
          },
          {
            title: t('requestViews.budget.estimate'),
            dataIndex: 'estimateFen',
            align: 'right',
            width: 130,
            render: (f: number) => <span className="rv-num">{fmt.money(f)}</span>,
          },
          {
            title: t('requestViews.budget.planned'),
            dataIndex: 'amountFen',
            align: 'right',
            width: 130,
            render: (f: number, l) => (
              <span className={`rv-num${f > l.estimateFen ? ' rv-over' : ''}`}>{fmt.money(f)}</span>
            ),
          },
          {
            title: t('requestViews.budget.reason'),
            dataIndex: 'reason',
            render: (r: string, l) =>
              l.amountFen > l.estimateFen ? (
                <>
                  <Tag color="orange">{t('requestViews.budget.overEstimate')}</Tag>
                  {r || DASH}
                </>
              ) : (
                r || DASH
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row className="rv-total">
            <Table.Summary.Cell index={0}>{t('requestViews.budget.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span className="rv-num">
                {fmt.money(lines.reduce((s, l) => s + l.estimateFen, 0))}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span className="rv-num">{fmt.money(d.budget.totalFen)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
        )}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 12 }}
        title={fmt.sentences([
          t('requestViews.budget.note'),
          t('requestViews.budget.headcount', { count: d.budget.headcount }),
        ])}
      />
    </>
  );
}

const STEP_STATUS = {
  waiting: 'wait',
  pending: 'process',
  approved: 'finish',
  rejected: 'error',
  returned: 'error',
  skipped: 'wait',
  cancelled: 'wait',
} as const;

/** Every item carries its own status; `current` only must not mark a void or waiting step. */
const currentIndex = (steps: ApprovalStepView[]) => {
  const i = steps.findIndex((s) => s.status === 'pending');
  return i >= 0 ? i : steps.length;
};

function StepContent({ s, fmt }: { s: ApprovalStepView; fmt: Fmt }) {
  const { t } = fmt;
  const reason = stepReason(s, fmt);
  return (
    <div className="rv-step">
      {isDecided(s) && s.decidedByName ? (
        <div>
          <Typography.Text strong>{s.decidedByName}</Typography.Text>
          {s.onBehalfOfName && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('requestViews.approval.onBehalf', { name: s.onBehalfOfName })}
            </Tag>
          )}
          {s.decidedAtMs !== null && (
            <Typography.Text type="secondary"> · {fmt.instant(s.decidedAtMs)}</Typography.Text>
          )}
        </div>
      ) : (
        <div className="rv-muted">
          {t('requestViews.approval.assignee', { name: stepAssignee(s, fmt) })}
        </div>
      )}
      {s.comment && <div className="rv-quote">{s.comment}</div>}
      {reason && <div className="rv-muted rv-small">{reason}</div>}
    </div>
  );
}

/** The chain of one revision as vertical steps. */
function RevisionSteps({ steps, fmt }: { steps: ApprovalStepView[]; fmt: Fmt }) {
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={currentIndex(steps)}
      items={steps.map((s) => ({
        key: s.id,
        status: STEP_STATUS[s.status],
        title: (
          <span>
            {fmt.stepKind(s.kind)} <StepStatusTag status={s.status} kind={s.kind} />
          </span>
        ),
        content: <StepContent s={s} fmt={fmt} />,
      }))}
    />
  );
}

/** 审批流程: the current revision's chain first, earlier rounds (returned, resubmitted) below. */
export function ApprovalTrail({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const { t } = fmt;
  if (d.steps.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('requestViews.approval.notSubmitted')}
      />
    );
  }
  const revisions = [...new Set(d.steps.map((s) => s.revision))].sort((a, b) => b - a);
  const multiple = revisions.length > 1;
  return (
    <div className="rv-trail">
      {revisions.map((rev) => (
        <section key={rev} className={rev === d.revision ? '' : 'rv-old-revision'}>
          {multiple && (
            <h4 className="rv-subhead">
              {t('requestViews.approval.revision', { revision: rev })}
              {rev === d.revision && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('requestViews.approval.current')}
                </Tag>
              )}
            </h4>
          )}
          <RevisionSteps steps={d.steps.filter((s) => s.revision === rev)} fmt={fmt} />
        </section>
      ))}
    </div>
  );
}

/** The current chain at a glance, for the dossier's header. */
export function ChainStrip({ d, fmt }: { d: RequestDossier; fmt: Fmt }) {
  const now = useNow();
  const steps = d.steps.filter((s) => s.revision === d.revision);
  // Whom it waits on now, and for how long ("待审批 · 张伟 · 已等待 2 天").
  const waited = (s: (typeof steps)[number]) => {
    if (s.pendingSinceMs === null) return '';
    const age = stepAge(s.pendingSinceMs, now);
    return ` · ${fmt.t(`waiting.${age.unit}`, { count: age.count })}`;
  };
  if (steps.length === 0) return null;
  return (
    <Steps
      size="small"
      className="rv-chain"
      current={currentIndex(steps)}
      items={steps.map((s) => ({
        key: s.id,
        status: STEP_STATUS[s.status],
        title: fmt.stepKind(s.kind),
        content:
          isDecided(s) && s.decidedByName
            ? `${s.decidedByName}${s.onBehalfOfName ? ` (${fmt.t('requestViews.approval.onBehalf', { name: s.onBehalfOfName })})` : ''}`
            : s.status === 'pending'
              ? `${fmt.t('requestViews.stepStatus.pending')} · ${stepAssignee(s, fmt)}${waited(s)}`
              : fmt.t(stepStatusKey(s)),
      }))}
    />
  );
}

const EVENT_COLOR: Record<string, string> = {
  approved: 'green',
  filed: 'green',
  rejected: 'red',
  returned: 'orange',
  cancelled: 'gray',
  commented: 'gray',
  checked_in: 'purple',
  completed: 'green',
};

/** 操作记录: who did what when, newest first, with comments and on-behalf-of. */
export function EventsTimeline({ events, fmt }: { events: RequestEventView[]; fmt: Fmt }) {
  const { t } = fmt;
  if (events.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requestViews.events.empty')} />
    );
  }
  return (
    <Timeline
      className="rv-events"
      items={[...events].reverse().map((e) => {
        const detail = eventDetail(e, fmt);
        return {
          key: e.id,
          color: EVENT_COLOR[e.kind] ?? 'blue',
          content: (
            <div data-testid="event">
              <div>
                <Typography.Text strong>
                  {e.actorName ?? t('requestViews.events.system')}
                </Typography.Text>
                {e.onBehalfOfName && (
                  <Tag color="purple" style={{ marginInlineStart: 6 }}>
                    {t('requestViews.approval.onBehalf', { name: e.onBehalfOfName })}
                  </Tag>
                )}{' '}
                {t(`requestViews.event.${e.kind}`, { defaultValue: e.kind })}
                {detail && <span className="rv-muted"> · {detail}</span>}
                <span className="rv-time">{fmt.instant(e.atMs)}</span>
              </div>
              {e.comment && <div className="rv-quote">{e.comment}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
