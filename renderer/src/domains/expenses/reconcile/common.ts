import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  clearingMessage,
  type Clearing,
  type VisitMoneyView,
} from '../../../../../shared/expenses';
import type { Language } from '../../../../../shared/i18n/translate';
import { opKey } from '../../../api/queries';
import { formatMoney, localParams } from '../../../format';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** An amount in fen as the reader's language shows money. */
export function useMoney() {
  const language = useLanguage();
  return useCallback((fen: number) => formatMoney(fen, language), [language]);
}

/** A message with its params in the reader's language (amounts as money, days as days). */
export function useMessage() {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (key: string, params?: Record<string, unknown>) => t(key, localParams(t, language, params)),
    [t, language],
  );
}

/** The clearing in plain words: "借款 ¥2,000.00，公司支付 ¥1,530.00，应退回 ¥470.00". */
export function useClearingWords() {
  const message = useMessage();
  return useCallback(
    (c: Clearing) => {
      const words = clearingMessage(c);
      return message(`expensesReconcile.clearing.${words.key}`, words.params);
    },
    [message],
  );
}

/** Takes the money page a write answered with: the visit's page shows it at once. */
export function useAcceptMoney() {
  const queryClient = useQueryClient();
  return useCallback(
    (money: VisitMoneyView) => {
      queryClient.setQueryData(opKey('expenses.visit', { requestId: money.request.id }), money);
      for (const op of ['approvals.inbox', 'approvals.count', 'requests.get'] as const) {
        void queryClient.invalidateQueries({ queryKey: opKey(op) });
      }
    },
    [queryClient],
  );
}
