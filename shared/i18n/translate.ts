import type { MessageParams } from '../result';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export type Catalog = { [key: string]: string | Catalog };
export const CATALOGS: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

export function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Same `{{name}}` syntax as i18next, so main and renderer share one catalog. */
export function translate(language: Language, key: string, params?: MessageParams): string {
  const template = lookup(CATALOGS[language], key) ?? lookup(CATALOGS.en, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    params && name in params ? String(params[name]) : `{{${name}}}`,
  );
}

/** Every leaf key of a catalog, dotted. */
export function catalogKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : catalogKeys(v, `${prefix}${k}.`),
  );
}
