/**
 * Issue 7 (11): the shared text validators refuse invisible control text (C0 except tab and
 * newline in multi-line fields, DEL, C1, bidi embeddings/overrides/isolates, lone surrogates)
 * and count lengths in code points, as SQLite's length() does.
 */
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import {
  codePointLength,
  multilineText,
  requiredMultilineText,
  requiredText,
  text,
} from './fields';
import { fieldErrorsFromZod } from './zod-errors';

const keyOf = (schema: z.ZodType, v: string) => {
  const r = schema.safeParse(v);
  return r.success ? null : fieldErrorsFromZod(r.error)._?.key;
};

const REFUSED_EVERYWHERE: [string, string][] = [
  ['NUL', '\u0000Sales'],
  ['BEL', 'a\u0007b'],
  ['vertical tab', 'a\u000Bb'],
  ['form feed', 'a\u000Cb'],
  ['escape', 'a\u001B[31mb'],
  ['unit separator', 'a\u001Fb'],
  ['DEL', 'a\u007Fb'],
  ['C1 NEL', 'a\u0085b'],
  ['C1 CSI', 'a\u009Bb'],
  ['LRE', 'a\u202Ab'],
  ['RLE', 'a\u202Bb'],
  ['PDF', 'a\u202Cb'],
  ['LRO', 'a\u202Db'],
  ['RLO', 'invoice\u202Efdp.exe'],
  ['LRI', 'a\u2066b'],
  ['RLI', 'a\u2067b'],
  ['FSI', 'a\u2068b'],
  ['PDI', 'a\u2069b'],
  ['lone high surrogate', 'a\uD83D'],
  ['lone low surrogate', '\uDE00a'],
  ['reversed pair', 'a\uDE00\uD83Db'],
];

describe('clean text', () => {
  it.each(REFUSED_EVERYWHERE)('single- and multi-line fields refuse %s', (_, value) => {
    for (const schema of [
      text(50),
      requiredText(50),
      multilineText(50),
      requiredMultilineText(50),
    ]) {
      expect(keyOf(schema, value)).toBe('validation.invisibleChars');
    }
  });

  it('single-line fields refuse tab, newline and carriage return; multi-line ones keep tab and newline', () => {
    for (const value of ['a\tb', 'a\nb', 'a\rb', 'a\r\nb']) {
      expect(keyOf(requiredText(50), value)).toBe('validation.invisibleChars');
    }
    expect(multilineText(50).parse(' first\r\n\tsecond\rthird ')).toBe('first\n\tsecond\nthird');
  });

  it('accepts ordinary text in any script, emoji sequences and marks that are not overrides', () => {
    for (const value of [
      '销售部',
      'Anna Müller',
      'שלום',
      'مرحبا\u200F',
      '👩‍💻 team',
      'a\u200Db',
      'e\u0301',
    ]) {
      expect(requiredText(50).parse(value)).toBe(value);
    }
  });

  it('counts code points: 50 emoji or CJK Extension B characters fit a limit of 50, 51 do not', () => {
    for (const ch of ['😀', '𠀀', '部', 'a']) {
      expect(requiredText(50).parse(ch.repeat(50))).toBe(ch.repeat(50));
      const r = requiredText(50).safeParse(ch.repeat(51));
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(fieldErrorsFromZod(r.error)._).toEqual({
          key: 'validation.tooLong',
          params: { max: 50 },
        });
      }
    }
    expect(multilineText(3).safeParse('😀\n😀').success).toBe(true);
    expect(codePointLength('😀𠀀a')).toBe(3);
    expect(codePointLength('\uD800')).toBe(1);
  });

  it('still trims and requires', () => {
    expect(keyOf(requiredText(5), '   ')).toBe('validation.required');
    expect(keyOf(requiredMultilineText(5), ' \n\t ')).toBe('validation.required');
    expect(text(5).parse('  ab  ')).toBe('ab');
  });

  it('has a message in both languages', () => {
    expect(translate('zh-CN', 'validation.invisibleChars')).toMatch(/控制字符/);
    expect(translate('en', 'validation.invisibleChars')).toMatch(/invisible/);
  });
});
