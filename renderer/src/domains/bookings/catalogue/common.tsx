import { App, InputNumber } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/i18n/translate';
import { fenToYuan, yuanToFen, type Fen } from '../../../../../shared/money';
import type { ApiError } from '../../../../../shared/result';
import { useInvalidate } from '../../../api/queries';
import { formatMoney, localParams } from '../../../format';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** An amount in fen as the reader's language shows it (¥450.00). */
export function useMoney(): (fen: Fen) => string {
  const language = useLanguage();
  return useCallback((fen: Fen) => formatMoney(fen, language), [language]);
}

/** A field error (i18n key in `message`, params as JSON in `type`) in the reader's language. */
export function useErrorText(): (
  error: { message?: string; type?: string } | undefined,
) => string | undefined {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (error) => {
      if (!error?.message) return undefined;
      let params: Record<string, unknown> = {};
      if (error.type?.startsWith('{')) {
        try {
          params = JSON.parse(error.type) as Record<string, unknown>;
        } catch {
          params = {};
        }
      }
      return t(error.message, localParams(t, language, params));
    },
    [t, language],
  );
}

/**
 * A refusal shown as a toast. A stale version ("someone has just changed it") or a record gone
 * also refreshes the catalogue, so the next try starts from what is there now.
 */
export function useRefusal(): (error: ApiError) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return useCallback(
    (error: ApiError) => {
      void message.error(t(error.key, error.params));
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        void invalidate('bookings.resources').then(
          () => void message.info(t('bookingsCatalogue.refreshed')),
        );
      }
    },
    [t, message, invalidate],
  );
}

/** An amount typed in yuan, kept in fen (exact: no floating-point cents). */
export function MoneyInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  ariaLabel,
  size,
  width = '100%',
}: {
  id?: string;
  value: Fen | null | undefined;
  onChange: (fen: Fen | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  ariaLabel?: string;
  size?: 'small' | 'middle';
  width?: number | string;
}) {
  return (
    <InputNumber<number>
      id={id}
      size={size}
      value={fenToYuan(value)}
      min={0}
      max={1_000_000}
      step={10}
      prefix="¥"
      status={invalid ? 'error' : undefined}
      aria-label={ariaLabel}
      style={{ width }}
      onChange={(v) => onChange(yuanToFen(v))}
      onBlur={onBlur}
    />
  );
}
