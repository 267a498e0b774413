import { format as formatDate } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { wallClock } from '../../shared/dates';
import type { Fen } from '../../shared/money';
import type { Language } from '../../shared/i18n/translate';

const dateLocale = (language: Language) => (language === 'en' ? enUS : zhCN);

export function formatMoney(fen: Fen, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
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
