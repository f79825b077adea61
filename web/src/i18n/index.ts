import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { fr } from './fr.js';
import { it } from './it.js';

export const LOCALES = ['fr', 'en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

type Tree = { [key: string]: string | Tree };

/**
 * French and Italian have a "many" plural form (exact millions: "1 000 000 de lignes"), which i18next looks up as
 * `key_many` and, when missing, shows the raw key. Our texts give `_one` and `_other`: "many" reuses "other".
 */
function withManyForms<T extends object>(messages: T): T {
  const copy: Tree = {};
  for (const [key, value] of Object.entries(messages as Tree)) {
    copy[key] = typeof value === 'string' ? value : withManyForms(value);
    const stem = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
    if (stem !== null && typeof value === 'string' && !(`${stem}_many` in messages)) copy[`${stem}_many`] = value;
  }
  return copy as T;
}

void i18next.use(initReactI18next).init({
  resources: {
    fr: { translation: withManyForms(fr) },
    en: { translation: withManyForms(en) },
    it: { translation: withManyForms(it) },
  },
  lng: DEFAULT_LOCALE,
  // French is the reference text: a key missing in another language shows in French, never as a raw key.
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false }, // React escapes what it renders.
  initAsync: false,
  showSupportNotice: false, // no advertisement in the console (nor in test output)
});

// Screen readers and spell checkers read <html lang>: keep it on the language shown.
function syncDocumentLanguage(language: string) {
  document.documentElement.lang = isLocale(language) ? language : DEFAULT_LOCALE;
}
syncDocumentLanguage(i18next.language);
i18next.on('languageChanged', syncDocumentLanguage);

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

export { i18next };
