import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WalkInStatus } from '../../../../../shared/frontdesk/views';
import type { Language } from '../../../../../shared/i18n/translate';
import { formatInstant } from '../../../format';
import { useSignedIn } from '../../../session/SessionContext';

const COLORS: Record<WalkInStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'default',
};

/** 等待答复 / 已同意 / 已婉拒 as a tag. */
export function WalkInStatusTag({ status }: { status: WalkInStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="walk-in-status">
      {t(`frontdeskWalkIn.status.${status}`)}
    </Tag>
  );
}

/** The company's wall clock of an instant, in the reader's language. */
export function useInstant(): (ms: number, pattern?: 'datetime' | 'time') => string {
  const { i18n } = useTranslation();
  const session = useSignedIn();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (ms, pattern = 'datetime') =>
    formatInstant(ms, session.settings.timeZone, language, pattern);
}
