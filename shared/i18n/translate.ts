import { createInstance, type i18n, type InitOptions } from 'i18next';
import type { MessageParams } from '../result';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export type Catalog = { [key: string]: string | Catalog };
export const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

/**
 * The i18next options main and the renderer share: the catalogs, plain-text interpolation
 * (React escapes; main's messages are text) and plurals from `count` (`x_one`/`x_other`; several
 * counts in one sentence nest a counted key: `$t(common.units.night, {"count": {{nights}} })`).
 */
export const I18NEXT_OPTIONS = {
  resources: {
    'zh-CN': { translation: CATALOGS['zh-CN'] },
    en: { translation: CATALOGS.en },
  },
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;

/** The plural suffix of the form a message without `count` falls back to. */
const OTHER = '_other';

/**
 * The message at a dotted key: the string itself or, for a counted message, its `_other` form
 * (the one every language has). Undefined for a section or an unknown key.
 */
export function lookup(catalog: Catalog, key: string): string | undefined {
  return lookupExact(catalog, key) ?? lookupExact(catalog, key + OTHER);
}

function lookupExact(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

let instance: i18n | undefined;
/** Main's own i18next instance (the renderer has its own, with React bindings). */
function translator(): i18n {
  if (!instance) {
    instance = createInstance();
    // With the resources given, init runs synchronously; no backend to wait for.
    void instance.init({
      ...I18NEXT_OPTIONS,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: 'en',
      initAsync: false,
    });
  }
  return instance;
}

/**
 * A message in `language` (falling back to English, then to the key itself). i18next fills in
 * `{{name}}`, picks the plural form from `params.count` and resolves nested `$t(…)`; a parameter
 * left out stays visible as `{{name}}`. A counted message asked for without `count` reads in its
 * `_other` form.
 */
export function translate(language: Language, key: string, params?: MessageParams): string {
  const exact = [CATALOGS[language], CATALOGS.en].some((c) => lookupExact(c, key) !== undefined);
  if (!exact) {
    const counted = [CATALOGS[language], CATALOGS.en].some(
      (c) => lookupExact(c, key + OTHER) !== undefined,
    );
    if (!counted) return key;
    if (params?.count === undefined) key += OTHER;
  }
  return translator().t(key, { ...params, lng: language });
}

/** Every leaf key of a catalog, dotted (plural forms as they are written: `x_one`, `x_other`). */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : catalogKeys(v, `${prefix}${k}.`),
  );
}

/** `x` for `x_one`/`x_other`/…: the key code asks for. */
export function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}
