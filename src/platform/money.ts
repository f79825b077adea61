import { z } from 'zod';

/**
 * The largest single amount the API takes, in cents: 10,000,000.00 € (a payment, a refund, a claim correction, a
 * promise, a discount). One bound for every amount, so that no sum the database makes of them (a case's balance, a
 * creditor's portfolio, the dashboard) can leave the range of exact JavaScript numbers (2^53 cents, about
 * 90,000 billion €) before some nine million amounts at the bound.
 */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

const bound = `at most ${MAX_AMOUNT_CENTS} cents (10,000,000.00 €)`;

/** A positive amount in whole cents, at most MAX_AMOUNT_CENTS. */
export const centsAmount = z
  .number()
  .int('use a whole number of cents')
  .min(1, 'use a positive amount in cents')
  .max(MAX_AMOUNT_CENTS, `use an amount of ${bound}`)
  .describe(`cents, 1 to ${MAX_AMOUNT_CENTS}`);

/** An amount in whole cents that may be zero, at most MAX_AMOUNT_CENTS. */
export const centsAmountOrZero = z
  .number()
  .int('use a whole number of cents')
  .min(0, 'use an amount of zero or more cents')
  .max(MAX_AMOUNT_CENTS, `use an amount of ${bound}`)
  .describe(`cents, 0 to ${MAX_AMOUNT_CENTS}`);

/** A correction in whole cents, up (positive) or down (negative), never zero, at most MAX_AMOUNT_CENTS either way. */
export const centsCorrection = z
  .number()
  .int('use a whole number of cents')
  .min(-MAX_AMOUNT_CENTS, `use a correction of ${bound} either way`)
  .max(MAX_AMOUNT_CENTS, `use a correction of ${bound} either way`)
  .refine(
    (value) => value !== 0,
    'a correction of zero changes nothing: give the amount to add (positive) or remove (negative)',
  )
  .describe(`cents, -${MAX_AMOUNT_CENTS} to ${MAX_AMOUNT_CENTS}, not 0`);

/** The languages amounts are written in (the users' and debtors' languages). */
type Locale = 'fr' | 'en' | 'it';

const euroFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Euros from integer cents as a person reads them in a locale ("1 234,56 €", "1.234,56 €"), with plain spaces: the
 * PDFs' standard fonts lack the narrow no-break space. One formatter per locale, made once (making one costs far more
 * than formatting with it).
 */
export function formatEuros(locale: Locale, cents: number): string {
  let format = euroFormats.get(locale);
  if (!format)
    euroFormats.set(
      locale,
      (format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, { style: 'currency', currency: 'EUR' })),
    );
  return format.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}
