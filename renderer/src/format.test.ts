import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { translate } from '../../shared/i18n/translate';
import type { MessageParams } from '../../shared/result';
import { formatCalendarDate, formatInstant, formatMoney, localParams } from './format';

describe('formatMoney (integer fen → CNY in the user language)', () => {
  it.each([
    [0, 'zh-CN', '¥0.00'],
    [12345, 'zh-CN', '¥123.45'],
    [15000, 'en', '¥150.00'],
    [-250, 'en', '-¥2.50'],
    [123456789, 'zh-CN', '¥1,234,567.89'],
  ] as const)('%i fen in %s is %s', (fen, lang, expected) => {
    expect(formatMoney(fen, lang)).toBe(expected);
  });
});

describe('formatInstant (company time zone, not the machine)', () => {
  // 2026-11-27 16:30 UTC is already 28 Nov 00:30 in Shanghai, still 27 Nov in New York.
  const ms = Date.UTC(2026, 10, 27, 16, 30);
  it('uses the company zone for the calendar day', () => {
    expect(formatInstant(ms, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月28日 00:30');
    expect(formatInstant(ms, 'America/New_York', 'en')).toBe('Nov 27, 2026 11:30');
  });
  it('formats date and time patterns with the locale', () => {
    expect(formatInstant(ms, 'Asia/Shanghai', 'en', 'date')).toBe('Nov 28, 2026');
    expect(formatInstant(ms, 'Asia/Shanghai', 'zh-CN', 'time')).toBe('00:30');
  });
});

describe('localParams: calendar days in messages', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  it('shows the lead time’s earliest arrival date as day and month', () => {
    const params = { tier: 'A', days: 2, lead: 1, earliestDate: '2026-12-03' };
    expect(
      translate('zh-CN', 'checks.lead_time', localParams(t, 'zh-CN', params) as MessageParams),
    ).toContain('到访日期最早为 12月3日');
    expect(
      translate('en', 'checks.lead_time', localParams(t, 'en', params) as MessageParams),
    ).toContain('the earliest arrival date is 3 Dec');
  });
  it('leaves other strings alone', () => {
    expect(localParams(t, 'en', { toDate: 'soon', name: '2026-12-03' })).toEqual({
      toDate: 'soon',
      name: '2026-12-03',
    });
    expect(formatCalendarDate('2027-01-01', 'zh-CN')).toBe('1月1日');
  });
});
