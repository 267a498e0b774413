import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInCapitals } from './money-words';

describe('人民币大写', () => {
  it.each([
    // Nothing, and under one 元: no 元, no leading 零.
    [0, '零元整'],
    [1, '壹分'],
    [5, '伍分'],
    [10, '壹角整'],
    [55, '伍角伍分'],
    // Whole 元: 整; 拾 always with its digit.
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1100, '壹拾壹元整'],
    [12000, '壹佰贰拾元整'],
    [120000, '壹仟贰佰元整'],
    // The examples.
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100505, '壹仟零伍元零伍分'],
    [100000000, '壹佰万元整'],
    // The examples of 《正确填写票据和结算凭证的基本规定》 四 (with 整 after 角, see the module).
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    // 《会计基础工作规范》's example: 角 then 整.
    [10150, '壹佰零壹元伍角整'],
    // 万 boundaries: a gap after the 万 group is read once, a 0 closing the 万 group is not.
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [1001000, '壹万零壹拾元整'],
    [10001000, '壹拾万零壹拾元整'],
    [10100000, '壹拾万壹仟元整'],
    [100100000, '壹佰万壹仟元整'],
    [100000001, '壹佰万元零壹分'],
    [100000010, '壹佰万元壹角整'],
    [999999999, '玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // 亿 boundaries: an all-zero 万 group is one 零.
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10000700000, '壹亿零柒仟元整'],
    [10700000000, '壹亿零柒佰万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100100000000, '壹拾亿零壹佰万元整'],
    [101000000000, '壹拾亿壹仟万元整'],
    // 万亿: the 亿 count is itself a number with 万.
    [100000000000000, '壹万亿元整'],
    [100010000000000, '壹万零壹亿元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
    // A refund.
    [-120000, '负壹仟贰佰元整'],
    [-0, '零元整'],
  ])('%d fen is %s', (fen, words) => {
    expect(amountInCapitals(fen)).toBe(words);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses %s, which is not a whole number of fen',
    (fen) => {
      expect(() => amountInCapitals(fen)).toThrow(RangeError);
    },
  );

  const anyFen = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  // Small amounts, where the 零 cases are dense, as often as large ones.
  const amounts = fc.oneof(fc.integer({ min: 0, max: 100_000_000 }), anyFen);

  it('writes only the capital numerals, never two 零 in a row, and ends in 整 or 分', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const words = amountInCapitals(fen);
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(words).not.toContain('零零');
        expect(words).toMatch(/[整分]$/);
        // 零 never starts the amount, nor stands before a unit or the end (nothing at all aside).
        if (fen !== 0) {
          expect(words).not.toMatch(/^零/);
          expect(words).not.toMatch(/零[拾佰仟万亿元角分整]/);
        }
        // 分 never has 整 after it; 整 only after 元 or 角.
        expect(words).not.toContain('分整');
        if (words.endsWith('整')) expect(words).toMatch(/[元角]整$/);
        // 元 exactly when there is at least one whole 元 (or nothing at all: 零元整).
        expect(words.includes('元')).toBe(fen >= 100 || fen === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back as the same number of fen (no two amounts share their words)', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        expect(readCapitals(amountInCapitals(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts 负 in front of a negative amount and nothing else changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(amountInCapitals(-fen)).toBe(`负${amountInCapitals(fen)}`);
      }),
    );
  });
});

/**
 * Reads capitals back into fen, as a cashier would: a digit is multiplied by the place after it;
 * 万 closes the section below 亿, 亿 everything before it; 零 is only a spacer.
 */
function readCapitals(words: string): number {
  const DIGIT = '零壹贰叁肆伍陆柒捌玖';
  const PLACE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  const [whole = '', fraction = ''] = words.includes('元') ? words.split('元') : ['', words];
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of whole) {
    if (DIGIT.includes(ch)) digit = DIGIT.indexOf(ch);
    else if (ch in PLACE) {
      section += digit * (PLACE[ch] ?? 0);
      digit = 0;
    } else if (ch === '万') {
      section = (section + digit) * 1e4;
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
    } else throw new Error(`unexpected ${ch} in ${words}`);
  }
  const yuan = total + section + digit;
  const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(fraction)?.[1];
  const cents = /([壹贰叁肆伍陆柒捌玖])分/.exec(fraction)?.[1];
  return yuan * 100 + (jiao ? DIGIT.indexOf(jiao) * 10 : 0) + (cents ? DIGIT.indexOf(cents) : 0);
}
