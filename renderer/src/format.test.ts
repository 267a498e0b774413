import { describe, expect, it } from 'vitest';
import { formatInstant, formatMoney } from './format';

describe('formatMoney (integer fen → CNY in the user language)', () => {
  it.each([
    [0, 'zh-CN', '¥0.00'],
    [12345, 'zh-CN', '¥123.45'],
    [15000, 'en', 'CN¥150.00'],
    [-250, 'en', '-CN¥2.50'],
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
