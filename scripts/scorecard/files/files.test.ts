import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../crashtest/random';
import { useCheapPasswords } from '../cheap-passwords';
import { checkCsv, checkXlsx, formulaCases, formulaLike, unguardedFiles } from './formula';
import { hostileName, runHostileNames, unsafeDisplayName } from './names';

describe('D7 formula cases', () => {
  it('cover ASCII and full-width starts after spaces, tab and CR', () => {
    const cases = formulaCases();
    expect(cases.length).toBeGreaterThanOrEqual(64);
    for (const start of ['=', '+', '-', '@', '＝', '＋', '－', '＠']) {
      expect(cases.some((c) => c.startsWith(start))).toBe(true);
      expect(cases.some((c) => c.startsWith(` ${start}`))).toBe(true);
      expect(cases.some((c) => c.startsWith(`\t${start}`))).toBe(true);
      expect(cases.some((c) => c.startsWith(`\r${start}`))).toBe(true);
    }
    expect(cases.every(formulaLike)).toBe(true);
    expect(formulaLike("'=1+1")).toBe(false);
    expect(formulaLike('海底捞')).toBe(false);
  });

  it('catch an unguarded writer in CSV and XLSX', async () => {
    const cases = formulaCases();
    const bad = await unguardedFiles(cases);
    const csv = checkCsv(bad.csv, cases);
    expect(csv.found).toBe(cases.length);
    expect(csv.unguarded.length).toBe(cases.length);
    const xlsx = await checkXlsx(bad.xlsx, cases);
    expect(xlsx.found).toBe(cases.length);
    expect(xlsx.formulaCells).toBeGreaterThan(0);
  });
});

describe('D7 hostile names', () => {
  it('are built from every trick', () => {
    const rng = mulberry32(1);
    const names = Array.from({ length: 2_000 }, () => hostileName(rng));
    expect(names.some((n) => n.includes('../'))).toBe(true);
    expect(names.some((n) => n.includes('\u0000'))).toBe(true);
    expect(names.some((n) => /^(CON|PRN|AUX|NUL|COM\d|LPT\d)\./i.test(n))).toBe(true);
    expect(names.some((n) => n.includes('\u202e'))).toBe(true);
    expect(names.some((n) => n.includes('／') || n.includes('∕'))).toBe(true);
    expect(names.some((n) => n.length > 1_000)).toBe(true);
    expect(names.some((n) => /[. ]$/.test(n))).toBe(true);
  });

  it('unsafe display names are named', () => {
    expect(unsafeDisplayName('发票.pdf', '.pdf')).toBeNull();
    expect(unsafeDisplayName('_CON.pdf', '.pdf')).toBeNull();
    expect(unsafeDisplayName('a/b.pdf', '.pdf')).toBe('separator');
    expect(unsafeDisplayName('CON.pdf', '.pdf')).toBe('windows device name');
    expect(unsafeDisplayName('lpt1 .x.pdf', '.pdf')).toBe('windows device name');
    expect(unsafeDisplayName('.bashrc.pdf', '.pdf')).toBe('hidden');
    expect(unsafeDisplayName('x.pdf.', '.pdf')).toBe('trailing dot or space');
    expect(unsafeDisplayName('x\u202efdp.pdf', '.pdf')).toBe('control');
    expect(unsafeDisplayName('x.exe', '.pdf')).toBe('extension');
    expect(unsafeDisplayName(`${'a'.repeat(200)}.pdf`, '.pdf')).toBe('too long');
  });

  it('through the real upload: nothing outside, every answer typed; a careless writer is caught', async () => {
    useCheapPasswords();
    const real = await runHostileNames({ count: 80, seed: 3 });
    expect(real.names).toBe(80);
    expect(real.stored).toBeGreaterThan(0);
    expect(real.refused).toBeGreaterThan(0);
    expect(real.unhandled).toEqual([]);
    expect(real.unsafe).toEqual([]);
    expect(real.outside).toEqual([]);
    expect(real.written).toBeGreaterThan(0);

    const careless = await runHostileNames({
      count: 40,
      seed: 3,
      careless: (dir, name, data) => {
        const p = path.join(dir, name);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, data);
      },
    });
    expect(careless.outside.length).toBeGreaterThan(0);
  });
});
