import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/auth/roles';
import { OPERATION_NAMES } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';
import { CATALOGS, LANGUAGES, lookup } from '../../shared/i18n/translate';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [p] : [];
  });
}

/** A message written only in plural forms (`x_one`/`x_other`): i18next needs `count` for it. */
const counted = (key: string) =>
  LANGUAGES.some((l) => lookup(CATALOGS[l], key) !== undefined) &&
  LANGUAGES.every((l) => lookup(CATALOGS[l], key) === lookup(CATALOGS[l], `${key}_other`));

describe('renderer strings', () => {
  const files = sources(path.join(__dirname));
  const keys = new Set<string>();
  /** The options object of each t('a.b', …) call (up to its closing `})`), by key. */
  const calls: { key: string; file: string; options: string }[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    // t('a.b'), t("a.b"), labelKey: 'a.b', title: t('a.b', …)
    for (const m of text.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)) {
      keys.add(m[1]!);
      const rest = text.slice(m.index + m[0].length);
      const options = rest.startsWith(')') ? '' : rest.slice(0, rest.indexOf('})') + 2);
      calls.push({ key: m[1]!, file: path.relative(__dirname, file), options });
    }
    for (const m of text.matchAll(/labelKey:\s*['"]([\w.-]+)['"]/g)) keys.add(m[1]!);
  }

  it('finds the keys it checks (the scan itself works)', () => {
    expect(keys.size).toBeGreaterThan(50);
    expect(keys.has('nav.home')).toBe(true);
  });

  it.each(LANGUAGES)('every key the renderer uses exists in %s', (language) => {
    const missing = [...keys].filter((k) => lookup(CATALOGS[language], k) === undefined);
    expect(missing).toEqual([]);
  });

  it('every counted message is asked for with a count (else no plural form is found)', () => {
    const countedCalls = calls.filter((c) => counted(c.key));
    expect(countedCalls.length).toBeGreaterThan(10);
    const without = countedCalls.filter((c) => !/\bcount\b/.test(c.options));
    expect(without.map((c) => `${c.file}: ${c.key}`)).toEqual([]);
  });

  it.each(LANGUAGES)('every role and every write operation has a label in %s', (language) => {
    const dynamic = [
      ...ROLES.map((r) => `roles.${r}`),
      ...OPERATION_NAMES.filter((n) => OPERATIONS[n].write).map((n) => `ops.${n}`),
    ];
    expect(dynamic.filter((k) => lookup(CATALOGS[language], k) === undefined)).toEqual([]);
  });

  it.each(LANGUAGES)('every audit entity type written by main has a label in %s', (language) => {
    const types = new Set<string>();
    for (const file of sources(path.join(__dirname, '../../main'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/entityType:\s*'(\w+)'/g)) types.add(m[1]!);
    }
    expect(types.has('user')).toBe(true);
    const missing = [...types].filter(
      (k) => lookup(CATALOGS[language], `entities.${k}`) === undefined,
    );
    expect(missing).toEqual([]);
  });
});
