import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { CATALOGS, lookup, type Language } from '../../../../../shared/i18n/translate';
import {
  changeLabel,
  changeValue,
  checkMessage,
  formatDay,
  formatDayRange,
  formatDayTime,
} from './format';

async function tFor(language: Language): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { translation: CATALOGS[language] } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('calendar days are shown as they are, never shifted through a time zone', () => {
  it.each([
    ['zh-CN', '2026-12-02', '2026年12月2日'],
    ['en', '2026-12-02', 'Dec 2, 2026'],
    ['en', '', '—'],
  ] as const)('%s %s → %s', (language, date, expected) => {
    expect(formatDay(date, language)).toBe(expected);
  });

  it('adds the weekday and the time', () => {
    expect(formatDayTime('2026-12-02', '09:30', 'zh-CN', true)).toBe('2026年12月2日（周三） 09:30');
    expect(formatDayTime('2026-12-02', '', 'en', true)).toBe('Wed, Dec 2, 2026');
  });

  it('drops the repeated year of a range', () => {
    expect(formatDayRange('2026-12-02', '2026-12-03', 'zh-CN')).toBe('2026年12月2日 – 12月3日');
    expect(formatDayRange('2026-12-31', '2027-01-01', 'en')).toBe('Dec 31, 2026 – Jan 1, 2027');
    expect(formatDayRange('2026-12-02', '2026-12-02', 'en')).toBe('Dec 2, 2026');
  });
});

describe('policy checks in words', () => {
  it('labels an expense category and passes plain numbers through', async () => {
    const t = await tFor('zh-CN');
    const text = checkMessage(t, 'zh-CN', {
      code: 'budget_over_estimate',
      severity: 'warn',
      params: { category: 'vehicles', estimateFen: 40000, amountFen: 60000 },
    });
    expect(text).toContain('用车');
    expect(text).not.toContain('{{');
  });

  it('shows fen as money unless the sentence itself names the unit', async () => {
    const t = await tFor('en');
    const text = checkMessage(t, 'en', {
      code: 'meal_over_cap',
      severity: 'approval',
      params: { capFen: 13000, worstFen: 15000, count: 1 },
    });
    // While the catalog's sentence says "cap {{capFen}} fen" the number stays fen; once it
    // drops the unit the amount shows as money.
    const unit = /\{\{\s*capFen\s*\}\}\s*fen/.test(
      lookup(CATALOGS.en, 'checks.meal_over_cap') ?? '',
    );
    expect(text).toContain(unit ? '13000 fen' : '¥130.00');
  });
});

describe('changes in words', () => {
  it('names fields and formats values', async () => {
    const t = await tFor('zh-CN');
    expect(changeLabel(t, 'needs.hotelNights')).toBe('住宿晚数');
    expect(changeLabel(t, 'budget.meals')).toBe('预算 · 餐费');
    const budget = { path: 'budget.meals', kind: 'changed', before: 0, after: 60000 } as const;
    expect(changeValue(t, 'zh-CN', budget, 'after')).toBe('¥600.00');
    const yes = { path: 'needs.dropoff', kind: 'changed', before: false, after: true } as const;
    expect(changeValue(t, 'zh-CN', yes, 'before')).toBe('否');
    const meal = {
      path: 'needs.meals',
      kind: 'added',
      before: null,
      after: '2026-12-02 dinner 15000',
    } as const;
    expect(changeValue(t, 'zh-CN', meal, 'after')).toBe('12月2日 晚餐 · 人均 ¥150.00');
    expect(changeValue(t, 'zh-CN', meal, 'before')).toBe('—');
  });
});
