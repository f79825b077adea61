import { sayAmounts } from '../../../src/affordability/contract.js';
import type { Formatters } from './format.js';

/**
 * A text the server composed (a budget's steps, where a file stands, a queue's reasons), its amounts said in the
 * reader's grouping: the server sends them as parameters in cents. A text stored before amounts were parameters
 * (a budget recorded earlier) shows as it was written.
 */
export function withAmounts(format: Formatters, text: string): string {
  return sayAmounts(text, (cents) => format.money(cents));
}

/** A text the server composed in the three languages, in the reader's, with its amounts in the reader's grouping. */
export function sayMessage(format: Formatters, message: { fr: string; en: string; it: string }): string {
  return withAmounts(format, message[format.locale]);
}
