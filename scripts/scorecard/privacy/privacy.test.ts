import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isResidentIdFormat, residentIdCheckDigitOk } from '../../../shared/validation/contact';
import { MaskCheck } from './mask';
import { person } from './people';
import { bigramTerms, ftsTerms, needles, scanFiles } from './scan';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-d8-unit-'));
  dirs.push(d);
  return d;
}

describe('D8 people', () => {
  it('are unique, their phones mobiles and their IDs valid; the two pools share no character', () => {
    const purged = Array.from({ length: 400 }, (_, i) => person('purged', i));
    const kept = Array.from({ length: 200 }, (_, i) => person('kept', i));
    for (const pool of [purged, kept]) {
      expect(new Set(pool.map((p) => p.name)).size).toBe(pool.length);
      expect(new Set(pool.map((p) => p.phone)).size).toBe(pool.length);
    }
    for (const p of [...purged, ...kept]) {
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      if (p.idNumber)
        expect(isResidentIdFormat(p.idNumber) && residentIdCheckDigitOk(p.idNumber)).toBe(true);
    }
    const chars = (ps: typeof purged) =>
      new Set(ps.flatMap((p) => [...p.name].filter((c) => c.charCodeAt(0) > 0x7f)));
    const shared = [...chars(purged)].filter((c) => chars(kept).has(c));
    expect(shared).toEqual([]);
  });
});

describe('D8 byte scan', () => {
  it('finds a name in UTF-8, UTF-16 (both orders), JSON escapes and search bigrams', () => {
    const dir = tempDir();
    const name = '欧阳翊瑾';
    const forms = {
      utf8: Buffer.from(`x${name}x`, 'utf8'),
      le: Buffer.from(name, 'utf16le'),
      be: Buffer.from(name, 'utf16le').swap16(),
      json: Buffer.from(
        JSON.stringify(name).replace(
          /[\u0080-\uffff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16)}`,
        ),
      ),
      bigram: Buffer.from(bigramTerms(name)[1]!),
      none: Buffer.from('欧阳 翊瑾 nothing here', 'utf8'),
    };
    const files = Object.entries(forms).map(([k, b]) => {
      const f = path.join(dir, k);
      fs.writeFileSync(f, Buffer.concat([Buffer.alloc(100, 0x20), b, Buffer.alloc(50)]));
      return f;
    });
    const r = scanFiles([...files, path.join(dir, 'missing')], needles(name, { bigrams: true }));
    expect(r.files).toBe(6);
    const found = new Set(r.hits.map((h) => path.basename(h.file)));
    expect([...found].sort()).toEqual(['be', 'bigram', 'json', 'le', 'utf8']);
    // At the very end of a file too.
    const tail = path.join(dir, 'tail');
    fs.writeFileSync(tail, Buffer.from(`abc${name}`, 'utf8'));
    expect(scanFiles([tail], needles(name)).hits).toHaveLength(1);
  });

  it('reads an FTS5 index vocabulary from a copy', () => {
    const file = path.join(tempDir(), 'x.db');
    const db = new BetterSqlite3(file);
    db.exec(
      "CREATE VIRTUAL TABLE s USING fts5(terms, content='', contentless_delete=1, tokenize='ascii')",
    );
    db.prepare('INSERT INTO s (rowid, terms) VALUES (1, ?)').run(bigramTerms('上官珩璟').join(' '));
    db.close();
    const terms = ftsTerms(file, ['s']).get('s')!;
    for (const t of bigramTerms('上官珩璟')) expect(terms.has(t)).toBe(true);
  });
});

describe('D8 masking check', () => {
  const check = () => new MaskCheck({ phones: ['18610000000'], ids: ['310104196001010019'] });

  it('passes the app’s masks and flags whole phones and IDs, however written', () => {
    const c = check();
    for (const ok of [
      '186****0000',
      '310***********0019',
      '0019',
      '访客 1',
      '2026-12-01',
      '1796000000000',
    ]) {
      c.value('ok', ok);
    }
    c.answer('n', { at: 1_796_000_000_000, n: 18_610_000_001 });
    expect(c.findings).toEqual([{ where: 'n.n', value: '18610000001' }]);
    const bad = check();
    for (const v of [
      '13912345678',
      '+86 139 1234 5678',
      '186-1000-0000',
      '11010519491231002X',
      'ID 310104196001010019.',
    ]) {
      bad.value('bad', v);
    }
    expect(bad.findings).toHaveLength(5);
  });

  it('lets a whole phone pass only where phones are shown on purpose, never an ID', () => {
    const c = check();
    c.answer('autofill', [{ phone: '18610000000', id: '310104196001010019' }], { phones: false });
    expect(c.findings.map((f) => f.value)).toEqual(['310104196001010019']);
  });
});
