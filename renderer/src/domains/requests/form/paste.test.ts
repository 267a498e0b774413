import { describe, expect, it } from 'vitest';
import { visitorSchema } from '../../../../../shared/requests/schema';
import { guessIdType, parseVisitorsTsv, splitTsv } from './paste';

describe('pasting visitors from a spreadsheet', () => {
  it('reads positional rows without an ID type column', () => {
    const { rows, headerSkipped } = parseVisitorsTsv(
      '李明\t总经理\t138 0013 8000\t110101199003074514\t素食\n' +
        'John Smith\tCTO\t+1 415 555 0100\tE12345678\t\n',
    );
    expect(headerSkipped).toBe(false);
    expect(rows).toEqual([
      {
        name: '李明',
        title: '总经理',
        phone: '138 0013 8000',
        idType: 'resident_id',
        idNumber: '110101199003074514',
        notes: '素食',
      },
      {
        name: 'John Smith',
        title: 'CTO',
        phone: '+1 415 555 0100',
        idType: 'passport',
        idNumber: 'E12345678',
        notes: '',
      },
    ]);
  });

  it('reads the six-column layout with an ID type', () => {
    const { rows } = parseVisitorsTsv('王五\t处长\t010-6552-9988\t护照\tG1234567\t清真\n');
    expect(rows[0]).toMatchObject({ idType: 'passport', idNumber: 'G1234567', notes: '清真' });
  });

  it('skips a header row and uses it to place the columns', () => {
    const { rows, headerSkipped } = parseVisitorsTsv(
      '姓名\t手机\t职务\t备注\n赵六\t13900001111\t经理\t\n',
    );
    expect(headerSkipped).toBe(true);
    expect(rows).toEqual([
      { name: '赵六', title: '经理', phone: '13900001111', idType: null, idNumber: '', notes: '' },
    ]);
  });

  it('handles quoted cells, CRLF and blank lines as Excel writes them', () => {
    expect(splitTsv('"a\tb"\t"say ""hi"""\r\n\r\nc\td\r\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['c', 'd'],
    ]);
  });

  it('leaves checking to the schema: what is valid passes, normalised', () => {
    const { rows } = parseVisitorsTsv('李明\t总经理\t+86 138-0013-8000\t\t\n');
    const parsed = visitorSchema.parse(rows[0]);
    expect(parsed.phone).toBe('13800138000');
  });

  it('guesses the ID type from the number', () => {
    expect(guessIdType('11010119900307451X')).toBe('resident_id');
    expect(guessIdType('E12345678')).toBe('passport');
    expect(guessIdType('H0123456(7)')).toBe('other');
    expect(guessIdType('')).toBeNull();
  });
});
