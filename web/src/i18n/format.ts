import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, type Locale } from './index.js';

/** Regional conventions per UI language: en-GB keeps day-first dates and the euro sign where Europeans expect it. */
const INTL_LOCALES: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' };

/** Integer cents as an exact decimal string ("-1234.05"): formatting never goes through a float division. */
export function centsToDecimal(cents: number): `${number}` {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
}

/**
 * Parses an amount typed in euros ("1 250,50", "1250.5", "300") into integer cents, without floats.
 * Returns null when the text is not an amount with at most two decimals.
 */
export function parseEurosToCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Cents back to what a person types in a form field in that language ("1250,50" in French). */
export function centsToInput(cents: number, locale: Locale): string {
  const decimal = centsToDecimal(cents);
  const [whole, fraction] = decimal.split('.');
  const text = fraction === '00' ? (whole ?? '') : decimal;
  return locale === 'en' ? text : text.replace('.', ',');
}

export interface Formatters {
  locale: Locale;
  money: (cents: number, currency?: string) => string;
  count: (value: number) => string;
  /** A calendar date (YYYY-MM-DD) shown as written, whatever the browser's time zone. */
  date: (isoDate: string) => string;
  /** A calendar date as a person writes it in a sentence ("1 déc. 2026"). */
  dayInWords: (isoDate: string) => string;
  dateTime: (isoInstant: string) => string;
  /** The calendar day of an instant in the browser's time zone ("14/03/2026"). */
  instantDate: (instant: Date) => string;
  /** The wall-clock time of an instant in the browser's time zone ("15:42"). */
  instantTime: (instant: Date) => string;
  /** The wall-clock time now in a given IANA time zone, e.g. a debtor's. */
  timeIn: (timeZone: string, now: Date) => string;
  /** An instant as day, date and time in a given IANA zone (a debtor's), or in the browser's when none is given. */
  dateTimeIn: (isoInstant: string, timeZone?: string) => string;
  percentFromBasisPoints: (basisPoints: number) => string;
  /** A share of a whole, in whole percent ("45 %"). */
  percentOf: (part: number, whole: number) => string;
  /** A file size in the unit that suits it ("1,2 Mo", "1.2 MB"). */
  bytes: (count: number) => string;
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function makeFormatters(locale: Locale): Formatters {
  const intl = INTL_LOCALES[locale];
  // Italian (CLDR) groups only from five digits ("4565,25 €"); the agency's pages group every amount alike.
  const countFormat = new Intl.NumberFormat(intl, { useGrouping: 'always' });
  const dateFormat = new Intl.DateTimeFormat(intl, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayWordsFormat = new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTimeFormat = new Intl.DateTimeFormat(intl, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const instantDateFormat = new Intl.DateTimeFormat(intl, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const instantTimeFormat = new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit' });
  const wholePercentFormat = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const percentFormat = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 2 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    money(cents, currency = 'EUR') {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(intl, { style: 'currency', currency, useGrouping: 'always' });
        moneyFormats.set(currency, format);
      }
      return format.format(centsToDecimal(cents));
    },
    count: (value) => countFormat.format(value),
    date: (isoDate) => {
      const parsed = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDate : dateFormat.format(parsed);
    },
    dayInWords: (isoDate) => dayWordsFormat.format(new Date(`${isoDate}T00:00:00Z`)),
    dateTime: (isoInstant) => {
      const parsed = new Date(isoInstant);
      return Number.isNaN(parsed.getTime()) ? isoInstant : dateTimeFormat.format(parsed);
    },
    instantDate: (instant) => instantDateFormat.format(instant),
    instantTime: (instant) => instantTimeFormat.format(instant),
    timeIn: (timeZone, now) => {
      try {
        return new Intl.DateTimeFormat(intl, { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(
          now,
        );
      } catch {
        return '—'; // An unknown zone name must not break the page.
      }
    },
    dateTimeIn: (isoInstant, timeZone) => {
      const parsed = new Date(isoInstant);
      if (Number.isNaN(parsed.getTime())) return isoInstant;
      const options: Intl.DateTimeFormatOptions = {
        weekday: 'short',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      };
      try {
        return new Intl.DateTimeFormat(intl, timeZone ? { ...options, timeZone } : options).format(parsed);
      } catch {
        return dateTimeFormat.format(parsed); // An unknown zone name must not break the page.
      }
    },
    percentFromBasisPoints: (basisPoints) => percentFormat.format(basisPoints / 10_000),
    percentOf: (part, whole) => wholePercentFormat.format(whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0),
    bytes: (count) => {
      let value = count;
      let unit = 0;
      while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
        value /= 1000;
        unit++;
      }
      return new Intl.NumberFormat(intl, {
        style: 'unit',
        unit: BYTE_UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },
  };
}

/** Formatters for the language on screen; components re-render with new ones when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return useMemo(() => makeFormatters(locale), [locale]);
}
