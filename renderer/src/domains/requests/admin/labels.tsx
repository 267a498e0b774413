import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../../shared/policy/policy';
import type { RequestStatus } from '../../../../../shared/requests/lifecycle';

/** One colour per status, so a column of tags reads at a glance. */
export const STATUS_COLOR: Record<RequestStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  approving: 'processing',
  approved: 'green',
  filed: 'cyan',
  returned: 'orange',
  rejected: 'red',
  cancelled: 'default',
};

export const TIER_COLOR: Record<Tier, string> = {
  A: 'magenta',
  B: 'gold',
  C: 'geekblue',
  D: 'default',
};

export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`labels.status.${status}`)}
    </Tag>
  );
}

export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return (
    <Tag color={TIER_COLOR[tier]} style={{ marginInlineEnd: 0 }}>
      {t(`labels.tier.${tier}`)}
    </Tag>
  );
}
