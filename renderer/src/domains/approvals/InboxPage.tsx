import { CloseOutlined, DownOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isFilingStep, stepAge } from '../../../../shared/approvals';
import type { InboxItem } from '../../../../shared/approvals/views';
import { useAcceptDossier, useErrorToast, useOp } from '../../api/queries';
import { ChangeLines } from '../requests';
import { CheckList } from '../requests';
import { DecisionButtons } from './DecisionButtons';
import { TierTag } from '../../components/StatusTag';
import { useNow } from '../../components/useNow';
import { OnBehalfTag, RetroactiveTag } from '../requests';
import { useFmt, type Fmt } from '../requests';

/** 待我审批: the steps this user may decide now, each with its checks and what changed. */
export function InboxPage() {
  const fmt = useFmt();
  const { t } = fmt;
  // Someone else decided, a request was resubmitted or transferred to me: the event invalidates
  // the inbox (see EVENT_INVALIDATIONS) and it reads again.
  const query = useOp('approvals.inbox', {});
  useErrorToast(query.error);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  // ?kind=filing (the home page's 待备案): only the filing steps, until the reader shows all.
  const [params, setParams] = useSearchParams();
  const filingOnly = params.get('kind') === 'filing';
  const all = query.data ?? [];
  const items = filingOnly ? all.filter((i) => isFilingStep(i.step.kind)) : all;
  const inbox = { items, loading: query.isFetching };

  return (
    <>
      <div className="page-header">
        <Space size={12} align="baseline">
          <h1>{t('requestViews.inbox.title')}</h1>
          {inbox.items.length > 0 && (
            <span className="rv-muted">
              {t('requestViews.inbox.count', { count: inbox.items.length })}
            </span>
          )}
        </Space>
        {filingOnly && (
          <Tag
            closable
            color="processing"
            data-testid="filing-only"
            closeIcon={<CloseOutlined aria-label={t('decided.showAll')} />}
            onClose={(e) => {
              e.preventDefault();
              setParams({});
            }}
          >
            {t('decided.filingOnly')}
          </Tag>
        )}
        <Button icon={<ReloadOutlined />} onClick={reload} loading={inbox.loading}>
          {t('requestViews.inbox.refresh')}
        </Button>
      </div>
      <Spin spinning={inbox.loading && inbox.items.length > 0}>
        {inbox.items.length === 0 ? (
          inbox.loading ? (
            <div className="rv-loading">
              <Spin />
            </div>
          ) : (
            <div className="rv-inbox-empty">
              <Empty
                description={
                  <>
                    <div className="rv-empty-title">{t('requestViews.inbox.empty')}</div>
                    <div className="rv-muted">{t('requestViews.inbox.emptyHint')}</div>
                  </>
                }
              />
            </div>
          )
        ) : (
          <div className="rv-inbox" data-testid="inbox">
            {inbox.items.map((item) => (
              <InboxRow key={item.step.id} item={item} fmt={fmt} reload={reload} />
            ))}
          </div>
        )}
      </Spin>
    </>
  );
}

function InboxRow({ item, fmt, reload }: { item: InboxItem; fmt: Fmt; reload: () => void }) {
  const { t } = fmt;
  const navigate = useNavigate();
  const [showChanges, setShowChanges] = useState(false);
  const r = item.request;
  // A visit's money (an advance, its reconciliation) is judged on its money page: the lines,
  // receipts and checks are there, not on the request's dossier.
  const href = item.money ? `/expenses/${r.id}` : `/requests/${r.id}`;
  const open = () => void navigate(href);
  // A decision returns the request as it is now: it goes into the cache, the inbox reads again.
  const accept = useAcceptDossier();
  return (
    <div className="rv-inbox-row" data-testid="inbox-row" data-code={r.code}>
      <div className="rv-inbox-main">
        <div className="rv-inbox-title">
          <a
            className="rv-code"
            href={`#${href}`}
            onClick={(e) => {
              e.preventDefault();
              open();
            }}
          >
            {r.code}
          </a>
          <span className="rv-inbox-org">{r.orgName}</span>
          <TierTag tier={r.tier} />
          {r.retroactive && <RetroactiveTag />}
          <Tag color="processing">{fmt.stepKind(item.step.kind)}</Tag>
          {item.money && (
            <Tag color="gold" data-testid="money-tag">
              {t(
                item.money.kind === 'advance'
                  ? 'expensesAdvances.inboxTag'
                  : 'expensesReconcile.inboxTag',
                { amount: fmt.money(item.money.amountFen) },
              )}
            </Tag>
          )}
          {item.onBehalfOfName && <OnBehalfTag name={item.onBehalfOfName} />}
          {item.step.pendingSinceMs !== null && <WaitingTag sinceMs={item.step.pendingSinceMs} />}
        </div>
        <div className="rv-inbox-meta">
          <span>{fmt.range(r.arrivalDate, r.departureDate)}</span>
          <span>{t('requestViews.inbox.visitors', { count: r.visitorCount })}</span>
          <span className="rv-num">
            {t('requestViews.inbox.budget', { amount: fmt.money(r.budgetTotalFen) })}
          </span>
          <span>
            {r.departmentName
              ? t('requestViews.inbox.host', { name: r.hostName, department: r.departmentName })
              : r.hostName}
          </span>
        </div>
        {/* A money step carries no policy checks: "符合接待标准" would speak of the visit. */}
        {!item.money && <CheckList checks={item.checks} fmt={fmt} compact />}
        {item.changes.length > 0 && (
          <div className="rv-inbox-changes">
            <Button
              type="link"
              size="small"
              className="rv-changes-toggle"
              icon={showChanges ? <DownOutlined /> : <RightOutlined />}
              aria-expanded={showChanges}
              onClick={() => setShowChanges((v) => !v)}
            >
              {t('requestViews.change.inboxSummary', { count: item.changes.length })}
            </Button>
            {showChanges && (
              <ChangeLines
                changes={item.changes}
                fmt={fmt}
                department={{ id: r.departmentId, name: r.departmentName }}
              />
            )}
          </div>
        )}
      </div>
      <div className="rv-inbox-actions">
        <DecisionButtons
          target={{
            stepId: item.step.id,
            version: item.step.version,
            code: r.code,
            kind: item.step.kind,
          }}
          size="small"
          onDone={accept}
          onStale={reload}
        />
        <Button size="small" type="link" onClick={open}>
          {t('requestViews.actions.open')}
        </Button>
      </div>
    </div>
  );
}

/** How long the step has waited on its approvers ("已等待 2 天"), marked from two days on. */
export function WaitingTag({ sinceMs }: { sinceMs: number }) {
  const { t } = useTranslation();
  const age = stepAge(sinceMs, useNow());
  return (
    <Tag color={age.overdue ? 'warning' : 'default'} data-testid="waiting">
      {t(`waiting.${age.unit}`, { count: age.count })}
    </Tag>
  );
}
