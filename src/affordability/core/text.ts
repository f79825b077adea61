import type { Household } from './types.js';
import { amountParam, type Message } from '../../platform/message.js';

/**
 * An amount in words of each language, from integer cents (no floats): 1 357,70 € / €1,357.70 / 1.357,70 €; for the
 * server's own documents (`sayAmounts`). The texts of a trace carry their amounts as parameters instead (`say`).
 */
export function euros(cents: number): Message {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  const group = (separator: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const sign = negative ? '-' : '';
  return {
    fr: `${sign}${group('\u202f')},${fraction}\u00a0€`,
    en: `${sign}€${group(',')}.${fraction}`,
    it: `${sign}${group('.')},${fraction}\u00a0€`,
  };
}

type Lang = keyof Message;

/**
 * A message in the three languages; each template gets what writes an amount: a parameter in cents, which the reader's
 * page formats in its locale.
 */
export function say(templates: Record<Lang, (eur: (cents: number) => string) => string>): Message {
  const of = (lang: Lang) => templates[lang](amountParam);
  return { fr: of('fr'), en: of('en'), it: of('it') };
}

export function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function composition(h: Household, lang: 'fr' | 'en' | 'it'): string {
  const words = {
    fr: [h.adults >= 2 ? `${h.adults} adultes` : '1 adulte', h.children === 1 ? '1 enfant' : `${h.children} enfants`],
    en: [h.adults >= 2 ? `${h.adults} adults` : '1 adult', h.children === 1 ? '1 child' : `${h.children} children`],
    it: [h.adults >= 2 ? `${h.adults} adulti` : '1 adulto', h.children === 1 ? '1 figlio' : `${h.children} figli`],
  }[lang];
  return words.join(', ');
}
