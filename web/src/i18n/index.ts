import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr.js';

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

/**
 * English and Italian come as chunks of their own, fetched the first time a person switches to one (most read French:
 * each language is about 280 kB of the bundle every page load would otherwise parse). `changeLanguage` waits for the
 * chunk, then shows the language; French, the reference and the fallback, is in the bundle.
 */
const LATER_LANGUAGES: Partial<Record<string, () => Promise<object>>> = {
  en: () => import('./en.js').then((module) => module.en),
  it: () => import('./it.js').then((module) => module.it),
} satisfies Record<Exclude<Locale, 'fr'>, () => Promise<object>>;

const laterLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = LATER_LANGUAGES[language];
    if (!load) return callback(null, {});
    load().then(
      (messages) => callback(null, withManyForms(messages) as Tree),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

void i18next
  .use(initReactI18next)
  .use(laterLanguages)
  .init({
    resources: { fr: { translation: withManyForms(fr) } },
    // The languages not given above are read through `laterLanguages` when first chosen.
    partialBundledLanguages: true,
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
