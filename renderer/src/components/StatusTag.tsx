import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../shared/policy/policy';
import type { RequestStatus } from '../../../shared/requests/lifecycle';

/**
 * One colour per request status, the same on the dossier, in the inbox and in every list (antd
 * status colours: blue while it moves, green when through, orange returned, red rejected).
 */
export const STATUS_COLOR: Record<RequestStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approving: 'processing',
  approved: 'success',
  filed: 'cyan',
  in_progress: 'purple',
  completed: 'green',
  reconciling: 'gold',
  settled: 'lime',
  archived: 'default',
  returned: 'warning',
  rejected: 'error',
  cancelled: 'default',
};

/** One colour per reception tier. */
export const TIER_COLOR: Record<Tier, string> = {
  A: 'magenta',
  B: 'volcano',
  C: 'geekblue',
  D: 'default',
};

/** A request's status (`labels.status.*`); the dossier's status tag is found by its test id. */
export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="status-tag">
      {t(`labels.status.${status}`)}
    </Tag>
  );
}

/** A reception tier (`labels.tier.*`). */
export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return <Tag color={TIER_COLOR[tier]}>{t(`labels.tier.${tier}`)}</Tag>;
}
