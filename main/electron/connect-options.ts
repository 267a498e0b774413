/**
 * The first-run choice window as pure data (issue 14), testable without Electron: its window
 * options — the app window's security settings unchanged, a smaller size, its own preload — and
 * its language.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { ConnectLanguage } from '../../shared/contract/connect-window';
import { languageArgument } from './connect-channels';
import { browserWindowOptions, type WindowOptionsExtra } from './window-options';

/**
 * Chinese first: English only when the system's preferred language is known and is not Chinese
 * (`zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW` are all read as Chinese — the app has one Chinese).
 */
export function connectLanguage(systemLanguages: readonly string[]): ConnectLanguage {
  const first = systemLanguages.find((l) => typeof l === 'string' && l.trim() !== '');
  if (first === undefined) return 'zh-CN';
  return /^zh\b/i.test(first.trim()) ? 'zh-CN' : 'en';
}

export function connectWindowOptions(
  preloadPath: string,
  language: ConnectLanguage,
  extra: WindowOptionsExtra = {},
): BrowserWindowConstructorOptions {
  const base = browserWindowOptions(preloadPath, extra);
  return {
    ...base,
    title: language === 'en' ? 'Reception Manager' : '接待管理',
    width: 760,
    height: 720,
    minWidth: 560,
    minHeight: 560,
    webPreferences: {
      ...base.webPreferences,
      // Read by the preload from its process.argv (connect-channels.ts): the page's language
      // before it loads, without another channel.
      additionalArguments: [languageArgument(language)],
    },
  };
}
