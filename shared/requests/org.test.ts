import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgKey } from './org';

describe('orgKey', () => {
  it.each([
    ['ＡＢＣ科技有限公司'],
    ['ABC 科技有限公司'],
    ['ABC科技（有限公司）'],
    ['ABC科技【有限公司】'],
    ['ABC科技[有限公司]'],
    [' abc科技 有限 公司 '],
    ['ABC\u3000科技\u00a0有限公司'],
    ['ABC科技有限责任公司'],
    ['ABC科技股份有限公司'],
    ['ABC科技股份公司'],
    ['ABC科技公司'],
    ['ABC科技'],
    ['ABC科技 Co., Ltd.'],
    ['ABC科技Co.,Ltd'],
  ])('%j is the same organisation as ABC科技有限公司', (name) => {
    expect(orgKey(name)).toBe(orgKey('ABC科技有限公司'));
    expect(orgKey(name)).toBe('abc科技');
  });

  it.each([
    ['Acme Co., Ltd.', 'acme'],
    ['ACME CO. LTD', 'acme'],
    ['acme ltd', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Company', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme (Shanghai) Co., Ltd.', 'acmeshanghai'],
    ['ABC（北京）科技有限公司', 'abc北京科技'],
    ['ABC〔北京〕科技有限公司', 'abc北京科技'],
    ['Straße GmbH', 'strassegmbh'],
    // Whole words only: these names end in letters that spell a legal form.
    ['Costco', 'costco'],
    ['Zinc', 'zinc'],
    ['Nabisco', 'nabisco'],
    // Not legal forms: a group is not its member company, a branch is not the head office.
    ['ABC集团有限公司', 'abc集团'],
    ['ABC（集团）有限公司', 'abc集团'],
    ['ABC科技有限公司北京分公司', 'abc科技有限公司北京分公司'],
    ['ABC总公司', 'abc总公司'],
    ['ABC子公司', 'abc子公司'],
    // Nothing but a legal form: kept, never the empty key.
    ['有限公司', '有限公司'],
    ['（有限公司）', '有限公司'],
    ['Co., Ltd.', 'co'],
    ['', ''],
    [' （ ）\u3000', ''],
  ])('%j → %j', (name, key) => {
    expect(orgKey(name)).toBe(key);
  });

  it.each([
    ['ABC科技', 'ABC'],
    ['ABC集团', 'ABC'],
    ['ABC北京分公司', 'ABC有限公司'],
    ['Costco', 'Cost Co.'],
    ['华东精密仪器有限公司', '华东精密仪器制造有限公司'],
  ])('%j and %j are different organisations', (a, b) => {
    expect(orgKey(a)).not.toBe(orgKey(b));
  });
});

// ------------------------------------------------------------------ properties

/** Pieces that stress the rules: legal forms, brackets of every kind, spacing, case, width. */
const PIECES = [
  'A',
  'b',
  'C',
  'x',
  'Z',
  '1',
  '7',
  'ß',
  'é',
  'Ä',
  '科',
  '技',
  '北京',
  '有限',
  '公司',
  '有限公司',
  '有限责任公司',
  '股份',
  '集团',
  '分',
  '总',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  '[',
  ']',
  '「',
  '」',
  ',',
  '.',
  '，',
  '-',
  '&',
  '·',
  'Co',
  'co.',
  'Ltd',
  'LTD.',
  'Inc',
  'L.L.C.',
  'Corp',
  'Limited',
  ' ',
  '\u3000',
  '\t',
  '\u00a0',
];
const WHITESPACE = [' ', '  ', '\u3000', '\t', '\u00a0', '\n'];
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 });
const typedName = pieces.map((p) => p.join(''));
const anyText = fc.oneof(typedName, fc.string({ unit: 'binary', maxLength: 30 }), fc.string());

/** A letter or digit (after NFKC) between which and the next a space separates words. */
const isWord = (c: string | undefined) =>
  c !== undefined && /[\p{Script=Latin}\p{Nd}\p{M}]/u.test(c.normalize('NFKC'));

function toFullWidth(s: string): string {
  return s.replace(/[!-~ ]/g, (c) =>
    c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

describe('orgKey properties', () => {
  it('is idempotent where one fold is not enough (found by fast-check: ẞ folds to ß, ß to ss)', () => {
    expect(orgKey('\u1E9E')).toBe('ss');
    expect(orgKey(orgKey('\u1E9E'))).toBe(orgKey('\u1E9E'));
    expect(orgKey('Straße')).toBe(orgKey('STRASSE'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const key = orgKey(s);
        expect(orgKey(key)).toBe(key);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds no spacing or punctuation, and is empty only for a name of nothing else', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const key = orgKey(s);
        expect(key).not.toMatch(/[\s\p{P}]/u);
        expect(key === '').toBe(/^[\s\p{Z}\p{P}\p{S}\p{Cc}\p{Cf}]*$/u.test(s.normalize('NFKC')));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores added spacing (except between two Latin letters or digits, where it ends a word)', () => {
    fc.assert(
      fc.property(
        pieces,
        fc.array(fc.option(fc.constantFrom(...WHITESPACE)), { minLength: 13, maxLength: 13 }),
        fc.constantFrom(...WHITESPACE),
        (parts, gaps, pad) => {
          let spaced = '';
          parts.forEach((p, i) => {
            const gap = gaps[i];
            if (i > 0 && gap && !(isWord(spaced.at(-1)) && isWord(p[0]))) spaced += gap;
            spaced += p;
          });
          expect(orgKey(pad + spaced + pad)).toBe(orgKey(parts.join('')));
          // More of the same spacing where there is some already.
          expect(orgKey(spaced.replace(/\s+/g, (w) => w + pad))).toBe(orgKey(spaced));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('ignores full-width forms', () => {
    fc.assert(
      fc.property(typedName, (s) => {
        expect(orgKey(toFullWidth(s))).toBe(orgKey(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores letter case', () => {
    fc.assert(
      fc.property(typedName, (s) => {
        expect(orgKey(s.toUpperCase())).toBe(orgKey(s));
        expect(orgKey(s.toLowerCase())).toBe(orgKey(s));
      }),
      { numRuns: 2000 },
    );
  });
});
