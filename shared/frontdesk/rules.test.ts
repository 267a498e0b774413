import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, phoneTail, retentionCutoff } from './rules';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+861****5678'],
    ['+442071234567890', '+442****7890'],
    ['01065123456', '010****3456'],
    ['12345678', '123****5678'],
    ['1234567', '*****67'],
    ['110', '*10'],
    ['12', '*12'],
    ['', ''],
  ])('%s → %s', (phone, shown) => {
    expect(maskPhone(phone)).toBe(shown);
  });

  it('never shows a number of eight digits or more whole', () => {
    for (const p of ['13812345678', '+8613812345678', '12345678']) {
      expect(maskPhone(p)).not.toContain(p.replace(/^\+/, ''));
    }
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['110105194912310', '110********2310'],
    ['E12345678', 'E12**5678'],
    ['G1234567', '****4567'],
    ['12345', '*2345'],
    ['1234', '****'],
    ['X', '*'],
    ['', ''],
  ])('%s → %s', (idNumber, shown) => {
    expect(maskIdNumber(idNumber)).toBe(shown);
    expect(maskIdNumber(idNumber)).toHaveLength(idNumber.length);
  });
});

describe('phoneTail', () => {
  it.each([
    ['13912345678', '5678'],
    ['+86 139 1234 5678', '5678'],
    ['12', '12'],
    ['', ''],
  ])('%s → %s', (phone, tail) => {
    expect(phoneTail(phone)).toBe(tail);
  });
});

describe('retentionCutoff', () => {
  it.each([
    ['2027-06-15', 180, '2026-12-17'],
    ['2027-05-30', 180, '2026-12-01'],
    ['2024-03-01', 30, '2024-01-31'],
    ['2025-03-01', 30, '2025-01-30'],
    ['2026-01-01', 3650, '2016-01-04'],
  ])('%s kept %i days → visits ending before %s are anonymised', (today, days, cutoff) => {
    expect(retentionCutoff(today, days)).toBe(cutoff);
  });
});
