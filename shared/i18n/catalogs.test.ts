import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles';
import { EVENT_NAMES, OPERATION_NAMES } from '../contract/names';
import { OPERATIONS } from '../contract/operations';
import { ERROR_CODES } from '../result';
import { mergeCatalogs } from './merge';
import {
  CATALOGS,
  LANGUAGES,
  baseKey,
  catalogKeys,
  lookup,
  translate,
  type Language,
} from './translate';

const zh = CATALOGS['zh-CN'];
const en = CATALOGS.en;

const params = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();

/** A counted message's plural forms in one language: `x` → [`one`, `other`]. */
function pluralForms(language: Language): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const key of catalogKeys(CATALOGS[language])) {
    const base = baseKey(key);
    if (base !== key) forms.set(base, [...(forms.get(base) ?? []), key.slice(base.length + 1)]);
  }
  return forms;
}

describe('i18n catalogs', () => {
  it('zh-CN and en have exactly the same messages', () => {
    const messages = (c: typeof zh) => [...new Set(catalogKeys(c).map(baseKey))].sort();
    expect(messages(en)).toEqual(messages(zh));
    // Messages without a count are the very same keys in both languages.
    const plain = (c: typeof zh) => catalogKeys(c).filter((k) => baseKey(k) === k);
    expect(plain(en).sort()).toEqual(plain(zh).sort());
  });

  it.each(LANGUAGES)('every counted message has exactly the plural forms of %s', (language) => {
    // Chinese has one form (`_other`), English two (`_one`, `_other`): what i18next asks for.
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const wanted = [...categories].sort();
    const forms = pluralForms(language);
    expect(forms.size).toBeGreaterThan(10);
    for (const [key, found] of forms) expect(found.sort(), key).toEqual(wanted);
  });

  it('no message is empty', () => {
    for (const language of LANGUAGES) {
      for (const key of catalogKeys(CATALOGS[language])) {
        expect(lookup(CATALOGS[language], key)?.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('every {{param}} in one language appears in the other (and in every plural form)', () => {
    const forms = new Map<string, [Language, string][]>();
    for (const language of LANGUAGES) {
      for (const key of catalogKeys(CATALOGS[language])) {
        forms.set(baseKey(key), [...(forms.get(baseKey(key)) ?? []), [language, key]]);
      }
    }
    for (const [message, written] of forms) {
      const expected = params(lookup(zh, message) ?? '');
      for (const [language, key] of written) {
        expect(params(lookup(CATALOGS[language], key) ?? ''), `${language} ${key}`).toEqual(
          expected,
        );
      }
    }
  });

  it('every $t(…) a message nests exists in the same language', () => {
    for (const language of LANGUAGES) {
      for (const key of catalogKeys(CATALOGS[language])) {
        const text = lookup(CATALOGS[language], key) ?? '';
        for (const [, nested] of text.matchAll(/\$t\(([\w.]+)/g)) {
          expect(
            lookup(CATALOGS[language], nested ?? ''),
            `${language} ${key} → ${nested}`,
          ).toEqual(expect.any(String));
        }
      }
    }
  });

  it('the root catalogs only collect parts, one line per domain', () => {
    for (const file of ['zh-CN.ts', 'en.ts']) {
      const source = fs.readFileSync(path.join(__dirname, file), 'utf8');
      const code = source
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^import .*$/gm, '')
        .replace(/^\s*\w+,$/gm, '');
      // What is left: the one `mergeCatalogs(` call, with no message written in the root.
      expect(code, file).not.toMatch(/['"`]/);
      expect(code.match(/mergeCatalogs\(/g), file).toHaveLength(1);
    }
  });

  it('every error code has an errors.<CODE> message in both languages', () => {
    for (const code of ERROR_CODES) {
      for (const language of LANGUAGES) {
        expect(typeof lookup(CATALOGS[language], `errors.${code}`), `${language} ${code}`).toBe(
          'string',
        );
      }
    }
  });

  it('every operation that writes has an ops.<domain>.<verb> label in both languages', () => {
    const writes = OPERATION_NAMES.filter((n) => OPERATIONS[n].write);
    expect(writes.length).toBeGreaterThan(0);
    for (const name of writes) {
      for (const language of LANGUAGES) {
        expect(typeof lookup(CATALOGS[language], `ops.${name}`), `${language} ops.${name}`).toBe(
          'string',
        );
      }
    }
  });

  it('every role has a name in both languages', () => {
    for (const role of ROLES) {
      for (const language of LANGUAGES) {
        expect(typeof lookup(CATALOGS[language], `roles.${role}`), `${language} ${role}`).toBe(
          'string',
        );
      }
    }
  });
});

const ROOT = path.resolve(__dirname, '../..');
const KEY = /(['"`])((?:errors|validation|notifications)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\1/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isSource && entry.name !== 'test-support.ts' ? [full] : [];
  });
}

/** Operation and event names share the `notifications.` prefix but are not messages. */
const NOT_MESSAGES = new Set<string>([...OPERATION_NAMES, ...EVENT_NAMES]);

/** Message keys written as string literals in shared/ and main/, with the first file using each. */
function usedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  const files = [
    ...sourceFiles(path.join(ROOT, 'shared')),
    ...sourceFiles(path.join(ROOT, 'main')),
  ];
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(KEY)) {
      const key = match[2] ?? '';
      if (!NOT_MESSAGES.has(key) && !found.has(key)) found.set(key, path.relative(ROOT, file));
    }
  }
  return found;
}

describe('message keys used in the source', () => {
  it('the scan finds the keys it should (errors, validation and notifications)', () => {
    const keys = usedKeys();
    expect(keys.get('errors.selfLockout')).toBe(path.join('main', 'domains', 'users', 'users.ts'));
    expect(keys.has('validation.loginNameChars')).toBe(true);
    expect(keys.has('notifications.accountLocked')).toBe(true);
    expect(keys.has('notifications.list')).toBe(false);
  });

  it('every errors.*, validation.* and notifications.* key used in shared/ and main/ exists in zh-CN and en', () => {
    const missing: string[] = [];
    for (const [key, file] of usedKeys()) {
      for (const language of LANGUAGES) {
        if (typeof lookup(CATALOGS[language], key) !== 'string') {
          missing.push(`${language}: ${key} (${file})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('mergeCatalogs', () => {
  it('merges the sections parts share, without changing the parts', () => {
    const a = { errors: { A: 'a' }, x: { y: 'y' } };
    const b = { errors: { B: 'b' } };
    expect(mergeCatalogs(a, b)).toEqual({ errors: { A: 'a', B: 'b' }, x: { y: 'y' } });
    expect(a.errors).toEqual({ A: 'a' });
  });

  it('refuses two parts writing the same message', () => {
    expect(() => mergeCatalogs({ errors: { A: 'a' } }, { errors: { A: 'b' } })).toThrow('errors.A');
    expect(() => mergeCatalogs({ ops: 'x' }, { ops: { a: 'a' } })).toThrow('ops');
  });
});

describe('translate', () => {
  it('fills in parameters', () => {
    const text = translate('en', 'errors.departmentHasMembers', { count: 3 });
    expect(text).toContain('3');
    expect(text).not.toContain('{{');
  });

  it('keeps a placeholder whose parameter is missing visible', () => {
    expect(translate('en', 'errors.departmentHasMembers')).toContain('{{count}}');
    expect(translate('en', 'errors.alreadyDecided')).toContain('{{by}}');
  });

  it('picks the plural form from count: English has two, Chinese one', () => {
    expect(translate('en', 'errors.policyBlocks', { count: 1 })).toMatch(/^1 policy check did /);
    expect(translate('en', 'errors.policyBlocks', { count: 3 })).toMatch(/^3 policy checks did /);
    expect(translate('en', 'requestViews.needs.carTrips', { count: 0 })).toBe('0 car trips');
    expect(translate('zh-CN', 'requestViews.needs.carTrips', { count: 1 })).toBe('共 1 趟');
    expect(translate('zh-CN', 'requestViews.needs.carTrips', { count: 2 })).toBe('共 2 趟');
  });

  it('counts several things in one sentence through nested counted units', () => {
    const lodging = { nights: 1, rooms: 2, payer: 'paid by the visitors' };
    expect(translate('en', 'requestViews.needs.lodgingValue', lodging)).toBe(
      '1 night × 2 rooms, paid by the visitors',
    );
    const lead = { tier: 'A', days: 2, lead: 1, earliestDate: '2026-12-03' };
    expect(translate('en', 'checks.lead_time', lead)).toBe(
      'Tier A receptions must be filed 2 days ahead (calendar days in the company’s time zone): the earliest arrival date is 2026-12-03. This one is only 1 day ahead.',
    );
    expect(translate('zh-CN', 'requestViews.needs.lodgingValue', lodging)).toBe(
      '1 晚 × 2 间，paid by the visitors',
    );
  });

  it('no English message works around a missing plural any more', () => {
    for (const key of catalogKeys(en)) {
      expect(lookup(en, key), key).not.toMatch(/\(s\)/);
    }
  });

  it('falls back to the key itself for an unknown key', () => {
    expect(translate('zh-CN', 'errors.noSuchKey')).toBe('errors.noSuchKey');
    expect(translate('zh-CN', 'errors')).toBe('errors');
  });
});
