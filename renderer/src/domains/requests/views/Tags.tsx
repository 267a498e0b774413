import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isFilingStep, isStepKind } from '../../../../../shared/approvals';
import type { Severity } from '../../../../../shared/policy';
import { SEVERITY_COLOR, STEP_STATUS_COLOR } from './format';

/** The admin office's approval is the filing (备案), and says so. */
export const stepStatusKey = (s: { kind: string; status: string }) =>
  `requestViews.stepStatus.${isStepKind(s.kind) && isFilingStep(s.kind) && s.status === 'approved' ? 'filed' : s.status}`;

export function StepStatusTag({ status, kind }: { status: string; kind?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STEP_STATUS_COLOR[status] ?? 'default'}>
      {t(stepStatusKey({ kind: kind ?? '', status }), { defaultValue: status })}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[severity]} className="rv-severity">
      {t(`labels.severity.${severity}`)}
    </Tag>
  );
}

/** “代 张三 审批”: the viewer decides as someone's delegate. */
export function OnBehalfTag({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="purple" data-testid="on-behalf">
      {t('requestViews.actions.onBehalf', { name })}
    </Tag>
  );
}

export function RetroactiveTag() {
  const { t } = useTranslation();
  return (
    // antd's solid red (#f5222d) under white 10 px text is 4.07:1, short of WCAG's 4.5:1; red-7 is
    // 5.6:1 and still reads as the same warning.
    <Tag color="#cf1322" variant="solid" data-testid="retroactive">
      {t('requestViews.header.retroactive')}
    </Tag>
  );
}
