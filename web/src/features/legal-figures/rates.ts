import type { Locale } from '../../i18n/index.js';

/** The highest rate a band may have: 100 %, in basis points (hundredths of a percent). */
export const MAX_RATE_BP = 10_000;

/**
 * A rate typed in percent ("4,50", "4.5 %", "12") as integer basis points (450, 450, 1200), read from its digits
 * without floats, so "4,35" is 435 and never 434.99…; null for anything else: more than two decimals, a sign, a
 * rate above 100 %.
 */
export function parsePercentToBasisPoints(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '');
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= MAX_RATE_BP ? basisPoints : null;
}

/** Basis points back to what a person types in that language ("4,5" in French, "4.5" in English, "12" for 1200). */
export function basisPointsToInput(basisPoints: number, locale: Locale): string {
  const whole = Math.trunc(basisPoints / 100);
  const hundredths = basisPoints % 100;
  if (hundredths === 0) return String(whole);
  const fraction = String(hundredths).padStart(2, '0').replace(/0$/, '');
  return `${whole}${locale === 'en' ? '.' : ','}${fraction}`;
}
