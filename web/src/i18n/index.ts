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

void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en }, it: { translation: it } },
  lng: DEFAULT_LOCALE,
  // French is the reference text: a key missing in another language shows in French, never as a raw key.
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false }, // React escapes what it renders.
  initAsync: false,
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
