import { describe, expect, it } from 'vitest';
import { fenToYuanText, yuanTextToFen } from './money';

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
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it('keeps a fraction of a fen so the schema can reject it', () => {
    const fen = yuanTextToFen('12.345');
    expect(fen).not.toBeNull();
    expect(Number.isInteger(fen)).toBe(false);
    expect(fen).toBeCloseTo(1234.5);
  });

  it('treats empty as no amount', () => {
    expect(yuanTextToFen('')).toBeNull();
    expect(yuanTextToFen(null)).toBeNull();
    expect(yuanTextToFen('abc')).toBeNull();
  });

  it('shows two decimals for whole fen', () => {
    expect(fenToYuanText(15000)).toBe('150.00');
    expect(fenToYuanText(7)).toBe('0.07');
    expect(fenToYuanText(-500)).toBe('-5.00');
    expect(fenToYuanText(null)).toBeNull();
  });

  it('round-trips every whole number of fen', () => {
    for (let fen = 0; fen < 20_000; fen += 37) {
      expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
    }
  });
});
