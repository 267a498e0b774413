import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isResidentIdFormat,
  isValidPhone,
  normalizePhone,
  residentIdCheckDigitOk,
} from './contact';

describe('normalizePhone + isValidPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['  199 1234 5678  ', '19912345678'],
    ['138\u30000013\u30008000', '13800138000'],
    ['（010）6552－9988', '01065529988'],
    ['(010) 6552-9988', '01065529988'],
    ['010-65529988', '01065529988'],
    ['0755 8888 1234', '075588881234'],
    ['+86 10 6552 9988', '01065529988'],
    ['+86 (0)10 6552 9988', '01065529988'],
    ['+1 415 555 0100', '+14155550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 (30) 901820', '+4930901820'],
    ['', ''],
    ['   ', ''],
  ])('%j is normalised to %j and accepted', (raw, normalised) => {
    expect(normalizePhone(raw)).toBe(normalised);
    expect(isValidPhone(normalizePhone(raw))).toBe(true);
  });

  it.each([
    'abc',
    '12345',
    '138-0013-800',
    '1380013800a',
    '12800138000',
    '+86 138',
    '+',
    '++86 138 0013 8000',
    '+0 415 555 0100',
    '+1 415 555 0100 1234 5678',
    '0123',
    'tel:13800138000',
    '138 0013 8000 ext 12',
  ])('%j is rejected', (raw) => {
    expect(isValidPhone(normalizePhone(raw))).toBe(false);
  });

  it('any Chinese mobile, however it is spaced or prefixed, normalises to its 11 digits', () => {
    const mobile = fc
      .tuple(
        fc.constantFrom(...'3456789'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const sep = fc.constantFrom('', ' ', '-', '.', '\u3000');
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', '+86', '+86 ', '0086', '86-'),
        fc.array(sep, { minLength: 11, maxLength: 11 }),
        (digits, prefix, seps) => {
          const spaced = prefix + [...digits].map((d, i) => d + (seps[i] ?? '')).join('');
          const n = normalizePhone(spaced);
          expect(n).toBe(digits);
          expect(isValidPhone(n)).toBe(true);
          // Normalising is idempotent.
          expect(normalizePhone(n)).toBe(n);
        },
      ),
    );
  });
});

describe('resident identity card numbers', () => {
  it.each([
    '11010519491231002X',
    '11010519491231002x',
    '310104198001011239',
    '44030519951231876X',
    '510107198706210015',
  ])('%s has the right check digit', (id) => {
    expect(isResidentIdFormat(id)).toBe(true);
    expect(residentIdCheckDigitOk(id)).toBe(true);
  });

  it.each(['110105194912310021', '110105194912310020', '310104198001011230', '440305199512318769'])(
    '%s is well-formed but its check digit is wrong',
    (id) => {
      expect(isResidentIdFormat(id)).toBe(true);
      expect(residentIdCheckDigitOk(id)).toBe(false);
    },
  );

  it.each([
    '',
    '11010519491231002',
    '1101051949123100212',
    '11010519491231002Y',
    'X10105194912310021',
    '11010519491231OO2X',
  ])('%j is not a resident ID number', (id) => {
    expect(isResidentIdFormat(id)).toBe(false);
    expect(residentIdCheckDigitOk(id)).toBe(false);
  });

  it('for any 17 digits exactly one of the 11 check characters is right', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }),
        (ds) => {
          const base = ds.join('');
          const ok = [...'0123456789X'].filter((c) => residentIdCheckDigitOk(base + c));
          expect(ok).toHaveLength(1);
        },
      ),
    );
  });

  it('changing any one of the first 17 digits breaks the check digit', () => {
    const id = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const d = Number(id[i]);
      const changed = id.slice(0, i) + String((d + 1) % 10) + id.slice(i + 1);
      expect(residentIdCheckDigitOk(changed)).toBe(false);
    }
  });
});
