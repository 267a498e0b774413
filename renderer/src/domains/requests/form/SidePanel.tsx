import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { Card, Descriptions, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PolicyCheck, Severity } from '../../../../../shared/policy';
import type { FieldIssue } from '../../../../../shared/requests/schema';
import {
  useCheckText,
  useDirectory,
  useLanguage,
  useMoney,
  usePreview,
  useRequestForm,
  type RequestFormApi,
} from './common';
import { flattenErrors, type Issue } from './fieldNav';
import { IssueLinks } from './IssueLinks';

/** How many of the fields still to fill in the panel names; the rest are counted. */
const NAMED_ISSUES = 6;

/**
 * What still stops a submit, as the panel lists it: the live check of the form (format and
 * completeness) and whatever the form marks red now (a refused submit, the main process's
 * answer), once per field, in the order of the form. `null` while the form is blank and nothing
 * is marked.
 */
export function useFieldIssues(form: RequestFormApi, live: FieldIssue[] | null): Issue[] | null {
  const marked = flattenErrors(form.formState.errors);
  if (live === null && marked.length === 0) return null;
  const out: Issue[] = (live ?? []).map((i) => ({
    path: i.path,
    error: { message: i.key, type: JSON.stringify(i.params ?? {}) },
  }));
  for (const m of marked) if (!out.some((o) => o.path === m.path)) out.push(m);
  return out;
}

/** The first item of the checks while fields are missing or malformed: each one a link to it. */
function IncompleteItem({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  const form = useRequestForm();
  const s = SEVERITY.block;
  return (
    <li className="rf-check-item rf-check-block" data-code="incomplete">
      <span className="rf-check-icon" style={{ color: s.color }} aria-hidden>
        {s.icon}
      </span>
      <div>
        <div className="rf-check-head">
          <Typography.Text strong>{t('requestForm.panel.incompleteTitle')}</Typography.Text>
          <Tag color={s.tag} className="rf-tag-tight">
            {t('requestForm.severity.block')}
          </Tag>
        </div>
        <IssueLinks
          issues={issues}
          shown={NAMED_ISSUES}
          form={form}
          more={t('requestForm.panel.incompleteMore', { count: issues.length - NAMED_ISSUES })}
          className="rf-check-text rf-incomplete-list"
          testId="panel-incomplete"
        />
      </div>
    </li>
  );
}

const SEVERITY: Record<Severity, { color: string; tag: string; icon: ReactNode; rank: number }> = {
  block: { color: '#cf1322', tag: 'red', icon: <CloseCircleFilled />, rank: 0 },
  approval: { color: '#d46b08', tag: 'orange', icon: <ExclamationCircleFilled />, rank: 1 },
  warn: { color: '#1677ff', tag: 'blue', icon: <InfoCircleFilled />, rank: 2 },
};

function CheckItem({ check }: { check: PolicyCheck }) {
  const { t } = useTranslation();
  const text = useCheckText()(check);
  const s = SEVERITY[check.severity];
  return (
    <li className={`rf-check-item rf-check-${check.severity}`} data-code={check.code}>
      <span className="rf-check-icon" style={{ color: s.color }} aria-hidden>
        {s.icon}
      </span>
      <div>
        <div className="rf-check-head">
          <Typography.Text strong>{text.title}</Typography.Text>
          <Tag color={s.tag} className="rf-tag-tight">
            {t(`requestForm.severity.${check.severity}`)}
          </Tag>
        </div>
        <div className="rf-check-text">{text.text}</div>
      </div>
    </li>
  );
}

/**
 * The sticky panel beside the form: the chosen tier's standard, the live budget total, every
 * policy check and the approval route, all recomputed while the host types.
 */
export function SidePanel() {
  const { t } = useTranslation();
  const money = useMoney();
  const language = useLanguage();
  const form = useRequestForm();
  const { policy } = useDirectory();
  const { preview, pending, failed, issues: live } = usePreview();
  const fieldIssues = useFieldIssues(form, live);
  const incomplete = fieldIssues?.length ?? 0;
  const tier = useWatch({ control: form.control, name: 'tier' });
  const tp = policy?.policy.tiers[tier];

  const checks = [...(preview?.checks ?? [])].sort(
    (a, b) => SEVERITY[a.severity].rank - SEVERITY[b.severity].rank,
  );
  const counts = (s: Severity) => checks.filter((c) => c.severity === s).length;
  const reasonTitle = (reason: string) =>
    reason === 'base' ? null : t(`requestForm.checkTitles.${reason}`);

  return (
    <Card
      size="small"
      className="rf-panel"
      title={t('requestForm.panel.title')}
      extra={
        pending ? (
          <Typography.Text type="secondary" className="rf-hint">
            <LoadingOutlined /> {t('requestForm.panel.updating')}
          </Typography.Text>
        ) : preview ? (
          <Typography.Text type="secondary" className="rf-hint">
            {t('requestForm.panel.policyVersion', { version: preview.policyVersion })}
          </Typography.Text>
        ) : null
      }
      data-testid="request-panel"
    >
      <section className="rf-panel-section">
        <div className="rf-panel-heading">{t('requestForm.panel.tierTitle', { tier })}</div>
        {tp ? (
          <Descriptions
            size="small"
            column={1}
            colon={false}
            className={`rf-policy rf-lang-${language}`}
            items={[
              {
                key: 'cap',
                label: t('requestForm.panel.mealCap'),
                children:
                  tp.mealCapFen !== null ? (
                    <strong>
                      {t('requestForm.panel.perMeal', { amount: money(tp.mealCapFen) })}
                    </strong>
                  ) : (
                    t('requestForm.panel.canteen', { amount: money(tp.canteenMealFen ?? 0) })
                  ),
              },
              ...(tp.mealStandardFen
                ? [
                    {
                      key: 'standard',
                      label: t('requestForm.panel.mealStandard'),
                      children: `${money(tp.mealStandardFen.min)} – ${money(tp.mealStandardFen.max)}`,
                    },
                  ]
                : []),
              {
                key: 'accompany',
                label: t('requestForm.panel.accompany'),
                children: tp.accompany
                  .map((a) => t(`labels.accompany.${a}`))
                  .join(t('requestForm.listSeparator')),
              },
              {
                key: 'lead',
                label: t('requestForm.panel.lead'),
                children:
                  tp.minLeadDays > 0
                    ? t('requestForm.panel.leadDays', { days: tp.minLeadDays })
                    : t('requestForm.panel.leadNone'),
              },
              {
                key: 'vehicle',
                label: t('requestForm.panel.vehicle'),
                children: t(`requestForm.vehicle.${tp.vehicle}`),
              },
            ]}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} title={false} />
        )}
      </section>

      <section className="rf-panel-section rf-panel-budget">
        <div className="rf-panel-heading">{t('requestForm.panel.budget')}</div>
        {preview ? (
          <>
            <div className="rf-panel-total" data-testid="panel-budget-total">
              {money(preview.budget.totalFen)}
            </div>
            <Typography.Text type="secondary" className="rf-hint">
              {t('requestForm.panel.budgetHeadcount', { count: preview.budget.headcount })}
            </Typography.Text>
          </>
        ) : (
          <Skeleton.Input active size="small" />
        )}
      </section>

      <section className="rf-panel-section">
        <div className="rf-panel-heading">{t('requestForm.panel.checks')}</div>
        {(checks.length > 0 || incomplete > 0) && (
          <Space size={4} wrap className="rf-check-counts">
            {incomplete > 0 && (
              <Tag color="red" className="rf-tag-tight">
                {t('requestForm.panel.summaryIncomplete', { count: incomplete })}
              </Tag>
            )}
            {counts('block') > 0 && (
              <Tag color="red" className="rf-tag-tight">
                {t('requestForm.panel.summaryBlock', { count: counts('block') })}
              </Tag>
            )}
            {counts('approval') > 0 && (
              <Tag color="orange" className="rf-tag-tight">
                {t('requestForm.panel.summaryApproval', { count: counts('approval') })}
              </Tag>
            )}
            {counts('warn') > 0 && (
              <Tag color="blue" className="rf-tag-tight">
                {t('requestForm.panel.summaryWarn', { count: counts('warn') })}
              </Tag>
            )}
          </Space>
        )}
        {failed && <Typography.Text type="warning">{failed}</Typography.Text>}
        {incomplete > 0 && fieldIssues && (
          <ul className="rf-checks-list">
            <IncompleteItem issues={fieldIssues} />
          </ul>
        )}
        {checks.length > 0 ? (
          <ul className="rf-checks-list" data-testid="panel-checks">
            {checks.map((c, i) => (
              <CheckItem key={`${c.code}-${i}`} check={c} />
            ))}
          </ul>
        ) : !preview || fieldIssues === null ? (
          // Nothing typed yet: "no issues" would be a promise the empty form cannot keep.
          <Typography.Text type="secondary">{t('requestForm.panel.checksWaiting')}</Typography.Text>
        ) : incomplete === 0 ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('requestForm.panel.noChecks')}
          </Typography.Text>
        ) : null}
      </section>

      <section className="rf-panel-section">
        <div className="rf-panel-heading">{t('requestForm.panel.chain')}</div>
        {preview ? (
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            className="rf-chain"
            items={preview.chain
              .filter((step) => !step.skipped)
              .map((step) => ({
                title: t(`labels.stepKind.${step.kind}`),
                description: reasonTitle(step.reason)
                  ? t('requestForm.chain.addedBecause', { reason: reasonTitle(step.reason) })
                  : undefined,
                status: 'wait' as const,
              }))}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        )}
        <Typography.Text type="secondary" className="rf-hint">
          {t('requestForm.panel.chainNote')}
        </Typography.Text>
      </section>
    </Card>
  );
}
