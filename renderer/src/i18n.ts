import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  I18NEXT_OPTIONS,
  type Language,
  LANGUAGES,
} from '../../shared/i18n/translate';

const STORAGE_KEY = 'rm.language';

/** Before sign-in the last language used on this machine; after, the user's own (saved per user). */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '')
    ? (saved as Language)
    : DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** The options main's translator uses too: same catalogs, plurals (`count`) and nesting. */
void i18next.use(initReactI18next).init({
  ...I18NEXT_OPTIONS,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
});

export default i18next;
