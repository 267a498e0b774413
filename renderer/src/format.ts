import { format as formatDate } from 'date-fns';
import type { TFunction } from 'i18next';
import { enUS, zhCN } from 'date-fns/locale';
import { isCalendarDate, wallClock } from '../../shared/dates';
import { formatYuan, type Fen } from '../../shared/money';
import type { Language } from '../../shared/i18n/translate';

const dateLocale = (language: Language) => (language === 'en' ? enUS : zhCN);

/** An amount in the reader's language (shared/money.ts formats it). */
export function formatMoney(fen: Fen, language: Language): string {
  return formatYuan(fen, language);
}

/**
 * Formats an instant as the company's wall clock: the time zone comes from settings, not the
 * machine. date-fns formats the wall-clock reading with the user's locale.
 */
export function formatInstant(
  ms: number,
  timeZone: string,
  language: Language,
  pattern: 'datetime' | 'date' | 'time' = 'datetime',
): string {
  const w = wallClock(ms, timeZone);
  const local = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const patterns = {
    datetime: language === 'en' ? 'MMM d, yyyy HH:mm' : 'yyyy年M月d日 HH:mm',
    date: language === 'en' ? 'MMM d, yyyy' : 'yyyy年M月d日',
    time: 'HH:mm',
  };
  return formatDate(local, patterns[pattern], { locale: dateLocale(language) });
}

/** A company calendar day (`YYYY-MM-DD`) as day and month: 12月3日, 3 Dec. */
export function formatCalendarDate(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  const local = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return formatDate(local, language === 'en' ? 'd MMM' : 'M月d日', {
    locale: dateLocale(language),
  });
}

/**
 * Message params in the reader's language: amounts (`…Fen`) as money, expense categories by
 * their label, calendar days (`…Date`) as day and month. Main sends raw values so one message reads right in either language.
 */
export function localParams(
  t: TFunction,
  language: Language,
  params: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Fen') && typeof value === 'number') out[name] = formatMoney(value, language);
    else if (name.endsWith('Date') && typeof value === 'string' && isCalendarDate(value)) {
      out[name] = formatCalendarDate(value, language);
    } else if (name === 'category' && typeof value === 'string') {
      out[name] = t(`labels.expense.${value}`, { defaultValue: value });
    } else out[name] = value;
  }
  return out;
}
