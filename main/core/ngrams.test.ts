import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ngramMatch, ngramTerms, searchChars } from './ngrams';

/** A real FTS5 table: which of `docs` (each a list of values) does `search` find? */
function found(docs: string[][], search: string): number[] {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE s USING fts5(terms, content='', contentless_delete=1, tokenize='ascii')`,
  );
  const insert = db.prepare('INSERT INTO s (rowid, terms) VALUES (?, ?)');
  docs.forEach((values, i) => insert.run(i + 1, ngramTerms(values)));
  const match = ngramMatch(search);
  if (match === null) return [];
  const rows = db.prepare('SELECT rowid FROM s WHERE s MATCH ? ORDER BY rowid').all(match);
  db.close();
  return (rows as { rowid: number }[]).map((r) => r.rowid);
}

describe('substring search on character bigrams', () => {
  const docs = [
    ['张晓明', '华东精密仪器有限公司'], // 1
    ['王小明', 'Northwind Traders GmbH'], // 2
    ['欧阳晓', '100%_达成 "引号" C:\\temp'], // 3
    ['Ｊｏｈｎ  Smith', '明'], // 4
  ];
  it.each([
    ['晓明', [1]], // a two-character given name (a trigram index cannot)
    ['明', [1, 2, 4]], // one character: at the end of a value, or alone
    ['张晓明', [1]],
    ['晓', [1, 3]],
    ['华东', [1]],
    ['精密仪器', [1]],
    ['northwind', [2]], // case does not matter
    ['TRADERS gmbh', [2]], // nor does case across a space
    ['john smith', [4]], // full-width letters and doubled spaces are normalised
    ['ｓｍｉｔｈ', [4]],
    ['%', [3]],
    ['100%_', [3]],
    ['"引号"', [3]],
    ['C:\\temp', [3]],
    ['明华', []], // never across two values
    ['晓明华东', []],
    ['不存在', []],
    ['son', []],
  ])('%s → %j', (search, ids) => {
    expect(found(docs, search)).toEqual(ids);
  });

  it('a search of only spaces looks for nothing', () => {
    expect(ngramMatch('   ')).toBeNull();
    expect(ngramMatch('')).toBeNull();
  });

  it('compares after NFKC, lower case and one space per run of white space', () => {
    expect(searchChars(' ＡＢ\t\n c ')).toEqual(['a', 'b', ' ', 'c']);
  });

  it('writes every gram as hex, so no character can break the query syntax', () => {
    expect(ngramTerms(['a"b'])).toMatch(/^[0-9a-f ]+$/);
    expect(ngramMatch('") OR *')).toMatch(/^"[0-9a-f ]+"$/);
  });
});
