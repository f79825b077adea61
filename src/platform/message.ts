/**
 * A text a person reads, in each language of the agency: French, English and Italian. An amount in it is a parameter
 * in integer cents (`amountParam`), never formatted words: the reader's page formats it in its locale
 * ("4 565,25 €", "€4,565.25", "4.565,25 €"), and the server's own documents with `sayAmounts`.
 */
export interface Message {
  fr: string;
  en: string;
  it: string;
}

/** An amount inside a text, as a parameter in cents: `{{eur:456525}}`. */
export function amountParam(cents: number): string {
  return `{{eur:${Math.trunc(cents)}}}`;
}

/** The amount parameters of a text (global: use with `replace`). */
export const AMOUNT_PARAMS = /\{\{eur:(-?\d+)\}\}/g;

/** A text with its amount parameters said by `money` (from cents). A text written before amounts were parameters is left as it is. */
export function sayAmounts(text: string, money: (cents: number) => string): string {
  return text.replace(AMOUNT_PARAMS, (_token, cents: string) => money(Number(cents)));
}
