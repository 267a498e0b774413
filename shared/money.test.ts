import { describe, expect, it } from 'vitest';
import { fenToYuan, fenToYuanText, formatYuan, isFen, yuanToFen } from './money';

describe('yuan ↔ fen', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.07', 7],
    ['.5', 50],
    ['1,234.56', 123456],
    ['150.00', 15000],
    ['19.99', 1999],
    ['-5', -500],
  ])('%s 元 is %d fen exactly', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  // What a numeric input (antd InputNumber) holds: a number, converted as its decimal digits.
  it.each([
    [150, 15000],
    [0.1, 10],
    [19.99, 1999],
    [1.005, 100.5],
    ['12.5', 1250],
  ] as const)('the number %s 元 is %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  // One rule for every amount box: a fraction of a fen is never rounded away behind the typist's
  // back (neither up nor down) but kept, so the schema reports it (validation.fenInteger).
  it.each(['12.345', 12.345, '150.555', 150.555])(
    'keeps a fraction of a fen so the schema can reject it: %s',
    (typed) => {
      const fen = yuanToFen(typed);
      expect(fen).not.toBeNull();
      expect(isFen(fen)).toBe(false);
      expect(fen).toBeCloseTo(Number(typed) * 100);
    },
  );

  it('treats empty as no amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('shows two decimals for whole fen', () => {
    expect(fenToYuanText(15000)).toBe('150.00');
    expect(fenToYuanText(7)).toBe('0.07');
    expect(fenToYuanText(-500)).toBe('-5.00');
    expect(fenToYuanText(null)).toBeNull();
  });

  it('shows fen as a number of 元', () => {
    expect(fenToYuan(1999)).toBe(19.99);
    expect(fenToYuan(null)).toBeNull();
  });

  it('round-trips every whole number of fen, as text and as a number', () => {
    for (let fen = 0; fen < 20_000; fen += 37) {
      expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
    }
  });
});

describe('amounts as people read them', () => {
  // "¥" in English too: "CN¥", English's own symbol for CNY, is clutter in text (issue 9).
  it.each([
    [123450, 'zh-CN', '¥1,234.50'],
    [13000, 'en', '¥130.00'],
    [-250, 'en', '-¥2.50'],
    [123456789, 'en', '¥1,234,567.89'],
    [0, 'zh-CN', '¥0.00'],
  ] as const)('%i fen in %s reads %s', (fen, locale, text) => {
    expect(formatYuan(fen, locale)).toBe(text);
  });
});
