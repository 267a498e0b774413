import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvanceStatus, AdvanceView } from '../../../../../shared/expenses';
import type { Language } from '../../../../../shared/i18n/translate';
import { formatMoney } from '../../../format';

/** Tag colours of an advance's statuses. */
export const STATUS_COLOR: Record<AdvanceStatus, string> = {
  approving: 'processing',
  approved: 'gold',
  issued: 'green',
  cleared: 'default',
  returned: 'warning',
  rejected: 'error',
  cancelled: 'default',
};

/** How the advances' screens word an advance. */
export function useAdvanceText() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const money = useCallback((fen: number) => formatMoney(fen, language), [language]);
  const amountLine = useCallback(
    (a: AdvanceView) =>
      `${t('expensesAdvances.seq', { advance: a.seq })} · ${money(a.amountFen)} · ${a.purpose}`,
    [t, money],
  );
  return { money, amountLine, language };
}
