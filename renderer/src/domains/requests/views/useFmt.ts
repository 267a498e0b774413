import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyCheck } from '../../../../../shared/policy';
import type { Language } from '../../../../../shared/i18n/translate';
import { formatInstant, formatMoney } from '../../../format';
import { useSignedIn } from '../../../session/SessionContext';
import { checkMessage, DASH, formatDay, formatDayRange, formatDayTime, listJoin } from './format';

/**
 * Everything these screens format, bound to the reader's language and the company's time zone
 * (never the machine's).
 */
export function useFmt() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const tz = session.settings.timeZone;
  return useMemo(
    () => ({
      t,
      language,
      tz,
      money: (fen: number) => formatMoney(fen, language),
      day: (date: string, options?: { weekday?: boolean; year?: boolean }) =>
        formatDay(date, language, options),
      dayTime: (date: string, time: string, weekday = false) =>
        formatDayTime(date, time, language, weekday),
      range: (from: string, to: string) => formatDayRange(from, to, language),
      instant: (ms: number, pattern?: 'datetime' | 'date' | 'time') =>
        formatInstant(ms, tz, language, pattern),
      check: (c: PolicyCheck) => checkMessage(t, language, c),
      status: (s: string) => t(`labels.status.${s}`, { defaultValue: s }),
      stepKind: (k: string) => t(`labels.stepKind.${k}`, { defaultValue: k }),
      tier: (tier: string) => t(`labels.tier.${tier}`, { defaultValue: tier }),
      list: (items: string[]) => listJoin(items, language),
      /** Clauses of one value: `；` in Chinese. */
      clauses: (items: string[]) => items.join(language === 'en' ? '; ' : '；'),
      /** Sentences one after the other (no space between Chinese sentences). */
      sentences: (items: string[]) => items.join(language === 'en' ? ' ' : ''),
      /** Arrival – departure; a one-day visit names its day once. */
      visit: (b: {
        arrivalDate: string;
        arrivalTime: string;
        departureDate: string;
        departureTime: string;
      }) =>
        b.arrivalDate !== '' && b.arrivalDate === b.departureDate
          ? `${formatDayTime(b.arrivalDate, b.arrivalTime, language, true)} – ${b.departureTime || DASH}`
          : `${formatDayTime(b.arrivalDate, b.arrivalTime, language, true)} – ${formatDayTime(b.departureDate, b.departureTime, language, true)}`,
      /** `编号：` / `No.: ` */
      label: (text: string) => (language === 'en' ? `${text}: ` : `${text}：`),
      /** `（…）` / ` (…)` */
      paren: (text: string) => (language === 'en' ? ` (${text})` : `（${text}）`),
    }),
    [t, language, tz],
  );
}

export type Fmt = ReturnType<typeof useFmt>;
