import { describe, expect, it } from 'vitest';
import { delimiterOf, parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  const cases: [string, string, string[][]][] = [
    [
      'plain rows, LF',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF, no final line break',
      'a,b\r\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'old Mac CR',
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a BOM left in the text',
      '\uFEFF登录名,姓名\r\nzhang,张三',
      [
        ['登录名', '姓名'],
        ['zhang', '张三'],
      ],
    ],
    ['quoted comma', '"销售部,华东",x', [['销售部,华东', 'x']]],
    ['doubled quotes', '"他说""好""",y', [['他说"好"', 'y']]],
    ['line break inside quotes', '"一行\r\n两行",z\n', [['一行\r\n两行', 'z']]],
    ['empty fields and an empty quoted field', ',"",\n', [['', '', '']]],
    ['a quote inside an unquoted field stays', 'ab"c,d', [['ab"c', 'd']]],
    ['an unclosed quote runs to the end', '"abc,d\ne', [['abc,d\ne']]],
    ['blank line between rows', 'a\n\nb', [['a'], [''], ['b']]],
    ['nothing', '', []],
    [
      'tab-separated when the first line has tabs and no comma',
      'a\tb\nc,1\td',
      [
        ['a', 'b'],
        ['c,1', 'd'],
      ],
    ],
  ];
  it.each(cases)('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('picks the delimiter from the first line only', () => {
    expect(delimiterOf('a\tb\nc,d')).toBe('\t');
    expect(delimiterOf('a,b\tc\nd')).toBe(',');
    expect(delimiterOf('abc')).toBe(',');
  });
});
