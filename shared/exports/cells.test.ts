import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvField,
  csvLine,
  dateCell,
  dateTimeCell,
  isFormulaLike,
  periodLabel,
  safeCellText,
  safeFileName,
  xlsxCell,
} from './cells';

describe('safeCellText: a text a spreadsheet could take for a formula stays a text', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', `'+1`],
    ['-2', `'-2`],
    ['@x', `'@x`],
    ['\t-2', `'\t-2`],
    ['\tplain', `'\tplain`],
    ['\rplain', `'\rplain`],
    ['＝SUM(A1)', `'＝SUM(A1)`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠x', `'＠x`],
    [' +1', `' +1`],
    ['  =1+1', `'  =1+1`],
    ['\u3000＝1', `'\u3000＝1`],
    ['\n=1', `'\n=1`],
  ])('%j → %j', (input, expected) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(safeCellText(input)).toBe(expected);
  });

  it.each(['海底捞（张江店）', 'a=b', 'x+1', 'Anna Müller', '', '  ', '1-2', "'quoted", 'e-mail'])(
    '%j is left as it is',
    (input) => {
      expect(isFormulaLike(input)).toBe(false);
      expect(safeCellText(input)).toBe(input);
    },
  );
});

describe('csvLine: RFC 4180 quoting', () => {
  it.each([
    [['a', 'b'], 'a,b\r\n'],
    [['a,b', 'c'], '"a,b",c\r\n'],
    [['say "hi"'], '"say ""hi"""\r\n'],
    [['two\nlines', 'x'], '"two\nlines",x\r\n'],
    [['cr\r'], '"cr\r"\r\n'],
    [['', ''], ',\r\n'],
    [['中文', '¥'], '中文,¥\r\n'],
  ])('%j → %j', (cells, line) => {
    expect(csvLine(cells)).toBe(line);
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(' lead')).toBe(' lead');
  });
});

describe('cells by kind', () => {
  it('CSV: money as exact yuan from fen, texts guarded, empty for null', () => {
    expect(csvCell('money', 90_000)).toBe('900.00');
    expect(csvCell('money', 1)).toBe('0.01');
    expect(csvCell('money', 123_456_789)).toBe('1234567.89');
    expect(csvCell('money', 0)).toBe('0.00');
    expect(csvCell('text', '=1+1')).toBe(`'=1+1`);
    expect(csvCell('int', 6)).toBe('6');
    expect(csvCell('date', '2026-12-01')).toBe('2026-12-01');
    expect(csvCell('money', null)).toBe('');
  });

  it('XLSX: yuan numbers, real dates at UTC midnight, texts as strings', () => {
    expect(xlsxCell('money', 90_000)).toBe(900);
    expect(xlsxCell('money', 12_345)).toBe(123.45);
    expect(xlsxCell('text', '=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(xlsxCell('text', 12)).toBe('12');
    expect(xlsxCell('int', 6)).toBe(6);
    expect(xlsxCell('date', '2026-12-01')).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(xlsxCell('datetime', '2026-12-01 18:30')).toEqual(
      new Date(Date.UTC(2026, 11, 1, 18, 30)),
    );
    expect(xlsxCell('date', 'not a date')).toBe('not a date');
    expect(xlsxCell('money', null)).toBeNull();
  });

  it('dates parse only their own shape', () => {
    expect(dateCell('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(dateCell('2026-2-28')).toBeNull();
    expect(dateTimeCell('2026-12-01')).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['2026-12-01', '2026-12-31', '2026-12'],
    ['2026-02-01', '2026-02-28', '2026-02'],
    ['2028-02-01', '2028-02-29', '2028-02'],
    ['2026-01-01', '2026-12-31', '2026'],
    ['2026-12-01', '2026-12-15', '2026-12-01_2026-12-15'],
    ['2026-10-01', '2026-12-31', '2026-10-01_2026-12-31'],
    ['2026-12-05', '2026-12-05', '2026-12-05'],
  ])('%s … %s → %s', (from, to, label) => {
    expect(periodLabel(from, to)).toBe(label);
  });

  it('keeps separators and reserved characters out', () => {
    expect(safeFileName('../../x:y*?.xlsx')).toBe('.._.._x_y__.xlsx');
    expect(safeFileName('费用明细_2026-12.xlsx')).toBe('费用明细_2026-12.xlsx');
  });
});
