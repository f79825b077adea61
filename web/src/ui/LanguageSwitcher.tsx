import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, currentLocale, i18next, type Locale } from '../i18n/index.js';

interface Props {
  /** Saves the choice (on the account when signed in); without it the choice only changes the screen. */
  onChange?: (locale: Locale) => Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * Three buttons, each written in its own language (and marked with `lang`) so anyone can find theirs. Buttons,
 * not a select that acts on change, so nothing happens before the user really chooses.
 */
export function LanguageSwitcher({ onChange, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState(false);
  const active = currentLocale();

  async function choose(locale: Locale) {
    if (locale === active || saving) return;
    setSaving(true);
    try {
      if (onChange) await onChange(locale);
      else await i18next.changeLanguage(locale);
    } catch (error) {
      onError?.(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="language-switcher" role="group" aria-label={t('languages.label')} aria-busy={saving}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-button"
          aria-pressed={i18n.language === locale}
          disabled={saving}
          onClick={() => void choose(locale)}
        >
          {t(`languages.${locale}`, { lng: locale })}
        </button>
      ))}
    </div>
  );
}
