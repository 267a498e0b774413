import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles';
import { EVENT_NAMES, OPERATION_NAMES } from '../contract/names';
import { OPERATIONS } from '../contract/operations';
import { ERROR_CODES } from '../result';
import { CATALOGS, LANGUAGES, catalogKeys, lookup, translate } from './translate';

const zh = CATALOGS['zh-CN'];
const en = CATALOGS.en;

const params = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n catalogs', () => {
  it('zh-CN and en have exactly the same leaf keys', () => {
    expect(catalogKeys(en).sort()).toEqual(catalogKeys(zh).sort());
  });

  it('no message is empty', () => {
    for (const language of LANGUAGES) {
      for (const key of catalogKeys(CATALOGS[language])) {
        expect(lookup(CATALOGS[language], key)?.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('every {{param}} in one language appears in the other', () => {
    for (const key of catalogKeys(zh)) {
      expect(params(lookup(en, key) ?? ''), key).toEqual(params(lookup(zh, key) ?? ''));
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

describe('translate', () => {
  it('fills in parameters', () => {
    const text = translate('en', 'errors.departmentHasMembers', { count: 3 });
    expect(text).toContain('3');
    expect(text).not.toContain('{{');
  });

  it('keeps a placeholder whose parameter is missing visible', () => {
    expect(translate('en', 'errors.departmentHasMembers')).toContain('{{count}}');
  });

  it('falls back to the key itself for an unknown key', () => {
    expect(translate('zh-CN', 'errors.noSuchKey')).toBe('errors.noSuchKey');
    expect(translate('zh-CN', 'errors')).toBe('errors');
  });
});
