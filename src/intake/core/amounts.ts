import { MAX_AMOUNT_CENTS } from '../../platform/money.js';

/**
 * Money amounts as written by creditors, parsed exactly into integer cents: digits are read as digits, never
 * through a floating-point number. See docs/intake-format.md, "Amounts".
 */

/**
 * Largest accepted amount: the API's one bound for every amount (platform/money.ts, 10,000,000.00 €), so that no
 * claim placed by file is larger than what a payment, a correction or a sum of the database may hold.
 */
export { MAX_AMOUNT_CENTS };

export type AmountResult = { ok: true; cents: number } | { ok: false; code: string; message: string };

/** Spaces accepted between groups of thousands: space, no-break space, narrow no-break space. */
const SPACES = /[ \u00a0\u202f]/;
const TRIM = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;
const ALLOWED = /^[0-9., \u00a0\u202f]+$/;

const fail = (code: string, message: string): AmountResult => ({ ok: false, code, message });

const INVALID_MESSAGE =
  'write the amount with digits and at most one decimal separator, e.g. 1234,56 or 1 234,56 or 1234.56';

/**
 * Parses an amount into integer cents. Accepts `1234,56`, `1 234,56` (space, no-break or narrow no-break space
 * between thousands), `1.234,56`, `1234.56`, `1,234.56`, `1234`, `0,5` (50 cents). The decimal separator is the
 * last `,` or `.` when it is followed by one or two digits; a separator followed by three digits with no other
 * separator (`1.234`, `1,234`) is ambiguous and refused. A JSON number is read through its shortest decimal text
 * (12.5 → "12.5"), so a value that is not exactly two decimals, such as 0.1 + 0.2, is refused rather than rounded.
 */
export function parseAmountCents(input: string | number | null | undefined): AmountResult {
  if (input === null || input === undefined) return fail('required', 'the amount is missing');
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('amount.invalid', INVALID_MESSAGE);
    if (input < 0 || Object.is(input, -0)) return fail('amount.negative', 'the amount must not be negative');
    // Shortest round-trip decimal text; exponent forms (1e21, 1e-7) are refused below as invalid.
    return parseAmountText(String(input));
  }
  return parseAmountText(input);
}

/** The shape nearly every file writes (`1234`, `1234,5`, `1234.56`): digits and at most one decimal part. */
const PLAIN = /^([0-9]+)(?:[.,]([0-9]{1,2}))?$/;

function parseAmountText(raw: string): AmountResult {
  // Read at once: the general reading below gives the same cents for these, at a few times the cost a row.
  const plain = PLAIN.exec(raw);
  if (plain) return centsOf(plain[1]!, plain[2] ?? '');
  const text = raw.replace(TRIM, '');
  if (text === '') return fail('required', 'the amount is missing');
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    return fail('amount.negative', 'the amount must not be negative: write credits and refunds separately');
  }
  if (!ALLOWED.test(text)) return fail('amount.invalid', `${INVALID_MESSAGE} (no letters, signs or currency symbols)`);

  // Find the decimal separator: the last '.' or ','.
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  let integerText = text;
  let decimals = '';
  if (decimalAt >= 0) {
    const separator = text[decimalAt];
    const after = text.slice(decimalAt + 1);
    const other = separator === '.' ? ',' : '.';
    const sameCount = text.split(separator as string).length - 1;
    const before = text.slice(0, decimalAt);
    const groupedThousandsOnly = sameCount > 1 && !before.includes(other);
    if (groupedThousandsOnly) {
      // 1.234.567 or 1,234,567: the separator only groups thousands, there is no decimal part.
      integerText = text;
    } else {
      if (!/^[0-9]+$/.test(after)) return fail('amount.invalid', INVALID_MESSAGE);
      if (after.length > 2) {
        const hint =
          after.length === 3 && sameCount === 1 && !text.includes(other)
            ? ` (if "${separator}" separates thousands here, write the amount without it or with the cents, e.g. 1234,00)`
            : '';
        return fail('amount.too_many_decimals', `the amount has more than 2 decimals: round it to the cent${hint}`);
      }
      if (sameCount > 1) return fail('amount.invalid', INVALID_MESSAGE);
      integerText = before;
      decimals = after;
    }
  }
  const digits = integerDigits(integerText);
  if (digits === null) return fail('amount.invalid', INVALID_MESSAGE);
  return centsOf(digits, decimals);
}

/** The cents of an integer part's digits and one or two decimals (or none), within the bound. */
function centsOf(digits: string, decimals: string): AmountResult {
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 11) return fail('amount.too_large', tooLargeMessage());
  const cents = Number(significant) * 100 + Number(decimals.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return fail('amount.too_large', tooLargeMessage());
  return { ok: true, cents };
}

const tooLargeMessage = () =>
  `the amount is larger than ${formatCents(MAX_AMOUNT_CENTS, 'fr')}, the most Accord takes for one amount: check the value`;

/**
 * The integer part: plain digits, or digit groups of three separated by one kind of thousands separator
 * (space-like, '.' or ','), the first group having one to three digits. Returns the digits or null.
 */
function integerDigits(text: string): string | null {
  if (/^[0-9]+$/.test(text)) return text;
  const separators = new Set(
    text
      .replace(/[0-9]/g, '')
      .split('')
      .map((c) => (SPACES.test(c) ? ' ' : c)),
  );
  if (separators.size !== 1) return null;
  const groups = text.split(/[ \u00a0\u202f.,]/);
  const [first, ...rest] = groups;
  if (first === undefined || !/^[0-9]{1,3}$/.test(first) || rest.length === 0) return null;
  if (!rest.every((g) => /^[0-9]{3}$/.test(g))) return null;
  return groups.join('');
}

export type AmountStyle = 'fr' | 'fr-dot' | 'en' | 'plain' | 'plain-comma';

/**
 * Formats integer cents in one of the accepted styles: 'fr' "1 234,56", 'fr-dot' "1.234,56", 'en' "1,234.56",
 * 'plain' "1234.56", 'plain-comma' "1234,56". `space` is the thousands separator of the 'fr' style.
 */
export function formatCents(cents: number, style: AmountStyle, space = ' '): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`formatCents: ${cents} is not a cent count`);
  const units = Math.floor(cents / 100).toString();
  const rest = (cents % 100).toString().padStart(2, '0');
  const group = (sep: string) => units.replace(/\B(?=(\d{3})+$)/g, sep);
  switch (style) {
    case 'fr':
      return `${group(space)},${rest}`;
    case 'fr-dot':
      return `${group('.')},${rest}`;
    case 'en':
      return `${group(',')}.${rest}`;
    case 'plain':
      return `${units}.${rest}`;
    case 'plain-comma':
      return `${units},${rest}`;
  }
}
