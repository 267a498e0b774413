import { format as formatDate } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import type { TFunction } from 'i18next';
import type { PolicyCheck } from '../../../../../shared/policy';
import type { FieldChange } from '../../../../../shared/requests/diff';
import type { Language } from '../../../../../shared/i18n/translate';
import { formatMoney, localParams } from '../../../format';

/** Empty values read as a dash everywhere on these screens. */
export const DASH = '—';

function parseDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * A company calendar day (`YYYY-MM-DD`) as people read it. The string is already the company's
 * date, so it is formatted as is, never shifted through the machine's time zone.
 */
export function formatDay(
  date: string,
  language: Language,
  options: { weekday?: boolean; year?: boolean } = {},
): string {
  const d = parseDay(date);
  if (!d) return date || DASH;
  const { weekday = false, year = true } = options;
  const zh = language !== 'en';
  const pattern = zh
    ? `${year ? 'yyyy年' : ''}M月d日${weekday ? '（EEE）' : ''}`
    : `${weekday ? 'EEE, ' : ''}MMM d${year ? ', yyyy' : ''}`;
  return formatDate(d, pattern, { locale: zh ? zhCN : enUS });
}

export function formatDayTime(
  date: string,
  time: string,
  language: Language,
  weekday = false,
): string {
  if (!date) return DASH;
  return time
    ? `${formatDay(date, language, { weekday })} ${time}`
    : formatDay(date, language, { weekday });
}

/** `2025年6月8日 – 6月9日`: the second date drops the year when it is the same. */
export function formatDayRange(from: string, to: string, language: Language): string {
  if (!from && !to) return DASH;
  if (!to || from === to) return formatDay(from, language);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDay(from, language)} – ${formatDay(to, language, { year: !sameYear })}`;
}

/** A policy check as a sentence of the reader's language (`checks.<code>`). */
export function checkMessage(t: TFunction, language: Language, check: PolicyCheck): string {
  return t(`checks.${check.code}`, localParams(t, language, check.params));
}

/** The label of a changed field: `needs.hotelNights` → 住宿晚数, `budget.meals` → 预算 · 餐费. */
export function changeLabel(t: TFunction, path: string): string {
  const [head, tail] = path.split('.', 2);
  if (head === 'budget' && tail) {
    return `${t('requestViews.field.budget')} · ${t(`labels.expense.${tail}`, { defaultValue: tail })}`;
  }
  return t(`requestViews.field.${path}`, { defaultValue: path });
}

const MEAL_VALUE = /^(\d{4}-\d{2}-\d{2}) (breakfast|lunch|dinner)(?: (\d+))?$/;

/** One side of a change, readable: yes/no, money, labels of codes, dates. */
export function changeValue(
  t: TFunction,
  language: Language,
  change: FieldChange,
  side: 'before' | 'after',
  department?: { id: number | null; name: string | null },
): string {
  const v = change[side];
  if (v === null || v === '') return DASH;
  if (typeof v === 'boolean') return t(v ? 'requestViews.change.yes' : 'requestViews.change.no');
  const p = change.path;
  if (p.startsWith('budget.') && typeof v === 'number') return formatMoney(v, language);
  if (p === 'orgCategory') return t(`labels.category.${v}`, { defaultValue: String(v) });
  if (p === 'tier') return t(`labels.tier.${String(v)}`, { defaultValue: String(v) });
  if (p === 'departmentId') {
    return department && department.id === v && department.name ? department.name : `#${v}`;
  }
  if ((p === 'arrivalDate' || p === 'departureDate') && typeof v === 'string') {
    return formatDay(v, language);
  }
  if (p === 'needs.meals' && typeof v === 'string') {
    const m = MEAL_VALUE.exec(v);
    if (m) {
      const meal = `${formatDay(m[1] ?? '', language, { year: false })} ${t(`labels.meal.${m[2]}`)}`;
      return m[3] !== undefined
        ? `${meal} · ${t('requestViews.needs.mealPerHead', { amount: formatMoney(Number(m[3]), language) })}`
        : meal;
    }
  }
  if (p === 'needs.mealPayer' && typeof v === 'string') {
    return t(
      v === 'visitor' ? 'requestForm.needs.mealPayerVisitor' : 'requestForm.needs.mealPayerCompany',
    );
  }
  if (p === 'needs.equipment' && typeof v === 'string') {
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((e) => t(`labels.equipment.${e}`, { defaultValue: e }))
      .join(language === 'en' ? ', ' : '、');
  }
  return String(v);
}

export const SEVERITY_COLOR: Record<string, string> = {
  block: 'red',
  approval: 'orange',
  warn: 'blue',
};

export const STEP_STATUS_COLOR: Record<string, string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  skipped: 'default',
  cancelled: 'default',
};

/** List separator of the language (、 in Chinese). */
export const listJoin = (items: string[], language: Language) =>
  items.join(language === 'en' ? ', ' : '、');
