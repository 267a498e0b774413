import {
  AccountBookOutlined,
  ArrowLeftOutlined,
  CloseCircleOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  MessageOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Input,
  Result,
  Space,
  Spin,
  Tabs,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { RequestStatus } from '../../../../shared/requests/lifecycle';
import type { RequestDossier } from '../../../../shared/requests/views';
import { call } from '../../api/client';
import { ChangeTable } from './views/ChangeList';
import { CheckList } from './views/CheckList';
import { CancelModal } from './views/CancelModal';
import { verdictStep } from './views/content';
import { DecisionButtons, RemindButton } from '../approvals';
import { AttachmentsPanel, AttachmentsTabLabel } from '../attachments';
import { RequestBookingsTab } from '../bookings';
import { VisitTasks } from '../tasks';
import {
  ApprovalTrail,
  BudgetSection,
  ChainStrip,
  EventsTimeline,
  ItineraryTable,
  NeedsSection,
  SummarySection,
  VisitorsTable,
} from './views/Sections';
import { StatusTag, TierTag } from '../../components/StatusTag';
import { useSession } from '../../session/SessionContext';
import { useOpMutation } from '../../api/queries';
import { OnBehalfTag, RetroactiveTag } from './views/Tags';
import { useDossier } from './views/useDossier';
import { useFmt, type Fmt } from './views/useFmt';
import './views/views.css';

/** Statuses in which a visit's money (费用报帐) is there to read: approved onwards. */
const MONEY_READ: readonly RequestStatus[] = [
  'approved',
  'filed',
  'in_progress',
  'completed',
  'reconciling',
  'settled',
  'archived',
];

/** 接待档案: one request with everything about it, and what this viewer may do with it. */
export function DossierPage() {
  const { id } = useParams();
  const fmt = useFmt();
  const navigate = useNavigate();
  const { result, reload, replace } = useDossier(id);

  if (!result) {
    return (
      <div className="rv-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (!result.ok) {
    const notFound = result.error.code === 'NOT_FOUND' || result.error.code === 'INVALID_INPUT';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={fmt.t(notFound ? 'requestViews.notFound.title' : 'requestViews.loadFailed')}
        subTitle={fmt.t(
          notFound ? 'errors.requestNotFound' : result.error.key,
          result.error.params,
        )}
        extra={
          notFound ? (
            <Button type="primary" onClick={() => void navigate('/')}>
              {fmt.t('requestViews.notFound.back')}
            </Button>
          ) : (
            <Button type="primary" onClick={reload}>
              {fmt.t('common.retry')}
            </Button>
          )
        }
      />
    );
  }
  return <Dossier d={result.value} fmt={fmt} reload={reload} replace={replace} />;
}

function Dossier({
  d,
  fmt,
  reload,
  replace,
}: {
  d: RequestDossier;
  fmt: Fmt;
  reload: () => void;
  replace: (d: RequestDossier) => void;
}) {
  const { t } = fmt;
  const navigate = useNavigate();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const deleteDraft = useOpMutation('requests.deleteDraft', { invalidates: ['requests.list'] });
  const confirmDelete = () => {
    modal.confirm({
      title: t('requestViews.delete.title', { code: d.code }),
      content: t('requestViews.delete.content'),
      okText: t('requestViews.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await deleteDraft.mutateAsync({ id: d.id, version: d.version });
        if (!result.ok) {
          void message.error(t(result.error.key, result.error.params));
          return;
        }
        void message.success(t('requestViews.delete.done', { code: d.code }));
        void navigate('/requests/mine');
      },
    });
  };
  const [tab, setTab] = useState('summary');
  const [cancelling, setCancelling] = useState(false);
  const [comment, setComment] = useState('');
  const [posting, setPosting] = useState(false);
  const commentBox = useRef<TextAreaRef>(null);
  const myStep = d.myStep ? d.steps.find((s) => s.id === d.myStep?.stepId) : undefined;
  const verdict = verdictStep(d);

  const openComment = () => {
    setTab('events');
    window.setTimeout(() => commentBox.current?.focus(), 50);
  };

  const postComment = async () => {
    const text = comment.trim();
    if (!text || posting) return;
    setPosting(true);
    const r = await call('approvals.comment', { requestId: d.id, comment: text });
    setPosting(false);
    if (r.ok) {
      replace(r.value);
      setComment('');
      void message.success(t('requestViews.comment.done'));
    } else void message.error(t(r.error.key, r.error.params));
  };

  const blocks = d.checks.filter((c) => c.severity !== 'warn').length;
  const tabs = [
    {
      key: 'summary',
      label: t('requestViews.tabs.summary'),
      children: <SummarySection d={d} fmt={fmt} />,
    },
    {
      key: 'visitors',
      label: `${t('requestViews.tabs.visitors')} (${d.body.visitors.length})`,
      children: <VisitorsTable visitors={d.body.visitors} fmt={fmt} />,
    },
    {
      key: 'itinerary',
      label: t('requestViews.tabs.itinerary'),
      children: <ItineraryTable items={d.body.itinerary} fmt={fmt} />,
    },
    {
      key: 'needs',
      label: t('requestViews.tabs.needs'),
      children: <NeedsSection d={d} fmt={fmt} />,
    },
    {
      key: 'bookings',
      label: t('bookingsPlan.tab.title'),
      // The visit's arrangements in one place: its itinerary with the bookings made for it, and
      // the procedure tasks that go with them (one tab: a twelfth would overflow the tab bar).
      children: (
        <>
          <RequestBookingsTab requestId={d.id} itinerary={d.body.itinerary} />
          <h2 className="rv-tasks-title">{t('tasks.tab')}</h2>
          <VisitTasks key={d.id} requestId={d.id} />
        </>
      ),
    },
    {
      key: 'checks',
      label: (
        <span>
          {t('requestViews.tabs.checks')}{' '}
          {d.checks.length > 0 && (
            <Badge
              count={d.checks.length}
              size="small"
              color={blocks > 0 ? '#fa8c16' : '#1677ff'}
            />
          )}
        </span>
      ),
      children: <CheckList checks={d.checks} fmt={fmt} />,
    },
    {
      key: 'budget',
      label: t('requestViews.tabs.budget'),
      children: <BudgetSection d={d} fmt={fmt} />,
    },
    {
      key: 'approval',
      label: t('requestViews.tabs.approval'),
      children: <ApprovalTrail d={d} fmt={fmt} />,
    },
    {
      key: 'attachments',
      label: <AttachmentsTabLabel ownerType="request" ownerId={d.id} />,
      children: <AttachmentsPanel key={d.id} ownerType="request" ownerId={d.id} />,
    },
    ...(d.changes.length > 0
      ? [
          {
            key: 'changes',
            label: (
              <span>
                {t('requestViews.tabs.changes')}{' '}
                <Badge count={d.changes.length} size="small" color="#1677ff" />
              </span>
            ),
            children: (
              <>
                <p className="rv-muted rv-lead">
                  {t('requestViews.change.sinceRevision', {
                    revision: d.changesSinceRevision ?? d.revision - 1,
                    current: d.revision,
                    count: d.changes.length,
                  })}
                </p>
                <ChangeTable
                  changes={d.changes}
                  fmt={fmt}
                  department={{ id: d.departmentId, name: d.departmentName }}
                />
              </>
            ),
          },
        ]
      : []),
    {
      key: 'events',
      label: t('requestViews.tabs.events'),
      children: (
        <>
          <div className="rv-comment-box">
            <Input.TextArea
              ref={commentBox}
              id="dossier-comment"
              aria-label={t('requestViews.actions.comment')}
              value={comment}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('requestViews.comment.placeholder')}
              onChange={(e) => setComment(e.target.value)}
            />
            <Button
              type="primary"
              loading={posting}
              disabled={comment.trim() === ''}
              onClick={() => void postComment()}
            >
              {t('requestViews.comment.submit')}
            </Button>
          </div>
          <EventsTimeline events={d.events} fmt={fmt} />
        </>
      ),
    },
  ];

  return (
    <div className="rv-dossier">
      <div className="page-header">
        <Space size={8} wrap align="center">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('requestViews.header.back')}
            onClick={() => void navigate(-1)}
          />
          <h1 data-testid="dossier-code">{d.code}</h1>
          <StatusTag status={d.status} />
          <TierTag tier={d.tier} />
          {d.retroactive && <RetroactiveTag />}
        </Space>
        <Space size={8} wrap>
          {d.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/requests/${d.id}/edit`)}>
              {t('requestViews.actions.edit')}
            </Button>
          )}
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/requests/${d.id}/print`)}
          >
            {t('requestViews.actions.print')}
          </Button>
          {MONEY_READ.includes(d.status) && (
            <Button
              icon={<AccountBookOutlined />}
              onClick={() => void navigate(`/expenses/${d.id}`)}
            >
              {t('expensesEntry.link')}
            </Button>
          )}
          {can('requests.create') && (
            <Button
              icon={<CopyOutlined />}
              onClick={() => void navigate(`/requests/new?from=${d.id}`)}
            >
              {t('requestViews.actions.copy')}
            </Button>
          )}
          <Button icon={<MessageOutlined />} onClick={openComment}>
            {t('requestViews.actions.comment')}
          </Button>
          {/* A draft never submitted is deleted; anything submitted stays on record, cancelled. */}
          {d.canDelete ? (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {t('requestViews.actions.delete')}
            </Button>
          ) : (
            d.canCancel && (
              <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(true)}>
                {t('requestViews.actions.cancel')}
              </Button>
            )
          )}
        </Space>
      </div>

      <Card size="small" className="rv-head-card">
        <div className="rv-org">{d.orgName || '—'}</div>
        <Descriptions
          size="small"
          column={4}
          items={[
            { key: 'host', label: t('requestViews.header.host'), children: d.hostName },
            {
              key: 'dept',
              label: t('requestViews.header.department'),
              children: d.departmentName ?? t('requestViews.header.noDepartment'),
            },
            {
              key: 'visit',
              label: t('requestViews.header.visit'),
              span: 2,
              children: fmt.visit(d.body),
            },
            {
              key: 'visitors',
              label: t('requestViews.header.visitorCount'),
              children: t('requestViews.header.visitorCountValue', { count: d.visitorCount }),
            },
            {
              key: 'budget',
              label: t('requestViews.header.budgetTotal'),
              children: <span className="rv-num">{fmt.money(d.budget.totalFen)}</span>,
            },
            {
              key: 'policy',
              label: t('requestViews.header.policyVersion'),
              children:
                d.policyVersion !== null
                  ? t('requestViews.header.policyVersionValue', { version: d.policyVersion })
                  : t('requestViews.header.policyNotYet'),
            },
            {
              key: 'updated',
              label: t('requestViews.header.updatedAt'),
              children: fmt.instant(d.updatedAtMs),
            },
          ]}
        />
        {d.retroactive && (
          <Alert
            type="warning"
            showIcon
            className="rv-retro"
            title={t('requestViews.header.retroactiveNotice')}
            description={
              d.body.retroactiveReason
                ? t('requestViews.header.retroactiveReason', { reason: d.body.retroactiveReason })
                : undefined
            }
          />
        )}
        <ChainStrip d={d} fmt={fmt} />
        {d.remind && (
          <div className="rv-remind">
            <RemindButton remind={d.remind} onDone={replace} />
          </div>
        )}
      </Card>

      {verdict && (
        <Alert
          type={d.status === 'rejected' ? 'error' : 'warning'}
          showIcon
          className="rv-verdict"
          data-testid="verdict"
          title={t(`verdict.${d.status === 'rejected' ? 'rejected' : 'returned'}`, {
            name: verdict.decidedByName ?? '—',
            step: fmt.stepKind(verdict.kind),
            time: verdict.decidedAtMs === null ? '—' : fmt.instant(verdict.decidedAtMs),
          })}
          description={
            <>
              <div className="rv-pre">{verdict.comment || t('verdict.noReason')}</div>
              {d.status === 'returned' && d.canEdit && (
                <div className="rv-muted">{t('verdict.returnedHint')}</div>
              )}
            </>
          }
        />
      )}

      {d.myStep && (
        <Alert
          type="info"
          showIcon
          className="rv-my-step"
          data-testid="my-step"
          title={
            <Space size={6} wrap>
              {t('requestViews.actions.myTurn', { step: fmt.stepKind(myStep?.kind ?? '') })}
              {d.myStep.onBehalfOfName && <OnBehalfTag name={d.myStep.onBehalfOfName} />}
            </Space>
          }
          description={
            d.myStep.onBehalfOfName
              ? t('requestViews.actions.myTurnOnBehalf', { name: d.myStep.onBehalfOfName })
              : undefined
          }
          action={
            <DecisionButtons
              target={{
                stepId: d.myStep.stepId,
                version: d.myStep.version,
                code: d.code,
                kind: d.steps.find((s) => s.id === d.myStep?.stepId)?.kind ?? 'dept_head',
              }}
              withTransfer
              onDone={replace}
              onStale={reload}
            />
          }
        />
      )}

      <Card size="small" className="rv-tabs-card">
        <Tabs activeKey={tab} onChange={setTab} items={tabs} />
      </Card>

      {cancelling && (
        <CancelModal
          dossier={d}
          onClose={() => setCancelling(false)}
          onDone={replace}
          onStale={reload}
        />
      )}
    </div>
  );
}
