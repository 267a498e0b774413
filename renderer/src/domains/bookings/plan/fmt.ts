import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/i18n/translate';
import { formatCalendarDate, formatInstant, formatMoney, localParams } from '../../../format';
import { useSignedIn } from '../../../session/SessionContext';

/**
 * What the booking screens format, in the reader's language and the company's time zone (never
 * the machine's).
 */
export function useBookingFmt() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const tz = session.settings.timeZone;
  return useMemo(() => {
    const instant = (ms: number, pattern?: 'datetime' | 'date' | 'time') =>
      formatInstant(ms, tz, language, pattern);
    return {
      t,
      language,
      tz,
      money: (fen: number) => formatMoney(fen, language),
      instant,
      day: (date: string) => formatCalendarDate(date, language),
      /** A stretch of time; the end's day is left out when it is the start's. */
      span: (startMs: number, endMs: number) => {
        if (endMs <= startMs) return instant(startMs);
        const sameDay = instant(startMs, 'date') === instant(endMs, 'date');
        return `${instant(startMs)} – ${sameDay ? instant(endMs, 'time') : instant(endMs)}`;
      },
      /** A message of main (a refusal) in the reader's language. */
      message: (m: { key: string; params?: Record<string, unknown> }) =>
        t(m.key, localParams(t, language, m.params)),
      /** `编号：` / `No.: ` */
      label: (text: string) => (language === 'en' ? `${text}: ` : `${text}：`),
      /** Sentences one after the other (no space between Chinese ones). */
      sentences: (items: string[]) => items.join(language === 'en' ? ' ' : ''),
      /** `（…）` / ` (…)` */
      paren: (text: string) => (language === 'en' ? ` (${text})` : `（${text}）`),
      list: (items: string[]) => items.join(language === 'en' ? ', ' : '、'),
      /** Parts of one line: ` · ` between them. */
      parts: (items: (string | null | false | undefined)[]) =>
        items.filter((s): s is string => typeof s === 'string' && s !== '').join(' · '),
    };
  }, [t, language, tz]);
}

export type BookingFmt = ReturnType<typeof useBookingFmt>;
