import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../platform/calendar/dates.js';
import {
  checkAccount,
  eMandateReference,
  firstDebitDate,
  HOLDS_FORBIDDING_A_MANDATE,
  MANDATE_REFERENCE,
  mandateRefusal,
  mandateText,
  maskIban,
  notifiedInTime,
  PRE_NOTIFICATION_DAYS,
  preNotificationDate,
} from './e-mandate.js';

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
/** German IBANs: 18 digits of BBAN and no national check digit, so any digits make a valid one with its ISO check. */
const germanIban = digits(18).map((d) => composeIBAN({ countryCode: 'DE', bban: d.join('') })!);
const date = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));

/** The IBAN as a person may type it: groups of four, small letters here and there. */
const typed = (iban: string, lower: boolean) => (lower ? iban.toLowerCase() : iban).replace(/(.{4})/g, '$1 ').trim();

describe('the account of a direct debit', () => {
  it('accepts every valid IBAN of a SEPA country however it is typed, in its electronic form', () => {
    fc.assert(
      fc.property(germanIban, fc.boolean(), (iban, lower) => {
        expect(checkAccount(typed(iban, lower), null)).toEqual({ ok: true, iban, bic: null, country: 'DE' });
      }),
    );
  });

  it('refuses an IBAN with one digit changed as wrong check digits (ISO 7064 catches every single change)', () => {
    fc.assert(
      fc.property(germanIban, fc.integer({ min: 4, max: 21 }), fc.integer({ min: 1, max: 9 }), (iban, at, shift) => {
        const changed = iban.slice(0, at) + String((Number(iban[at]) + shift) % 10) + iban.slice(at + 1);
        expect(checkAccount(changed, null)).toEqual({ ok: false, reason: 'check_digits' });
      }),
    );
  });

  it('refuses a wrong length or letters where the country has digits as a wrong format', () => {
    fc.assert(
      fc.property(germanIban, fc.integer({ min: 1, max: 5 }), (iban, cut) => {
        expect(checkAccount(iban.slice(0, -cut), null)).toEqual({ ok: false, reason: 'format' });
        expect(checkAccount(`${iban.slice(0, 10)}X${iban.slice(11)}`, null)).toEqual({ ok: false, reason: 'format' });
      }),
    );
    expect(checkAccount('', null)).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses an account outside SEPA, and asks the BIC only outside the EEA', () => {
    // A valid Brazilian IBAN (ibantools' own example): not a SEPA country.
    expect(checkAccount('BR1800360305000010009795493C1', null)).toEqual({ ok: false, reason: 'not_sepa' });
    // A Swiss IBAN needs a BIC; a bad BIC is refused; a good one is kept in capitals.
    const swiss = 'CH9300762011623852957';
    expect(checkAccount(swiss, null)).toEqual({ ok: false, reason: 'bic_required' });
    expect(checkAccount(swiss, 'NOT A BIC')).toEqual({ ok: false, reason: 'bic_invalid' });
    expect(checkAccount(swiss, 'ubswchzh80a')).toEqual({ ok: true, iban: swiss, bic: 'UBSWCHZH80A', country: 'CH' });
    expect(checkAccount('FR76 3000 6000 0112 3456 7890 189', null)).toMatchObject({ ok: true, country: 'FR' });
  });

  it('masks an IBAN to its country, check digits and last four, never more', () => {
    fc.assert(
      fc.property(germanIban, (iban) => {
        const masked = maskIban(iban);
        expect(masked.startsWith(iban.slice(0, 4))).toBe(true);
        expect(masked.endsWith(iban.slice(-4))).toBe(true);
        expect(masked.replace(/[^0-9A-Z]/g, '')).toHaveLength(8);
      }),
    );
  });
});

describe('the mandate reference', () => {
  const caseReference = fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/);

  it('is a valid pain.008 mandate id of at most 35 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 9999 }), (reference, ordinal) => {
        expect(eMandateReference(reference, ordinal)).toMatch(MANDATE_REFERENCE);
      }),
    );
  });

  it('differs for two ordinals of a case, and for two cases whose letters and digits differ', () => {
    fc.assert(
      fc.property(caseReference, caseReference, fc.integer({ min: 1, max: 9999 }), (a, b, n) => {
        expect(eMandateReference(a, n)).not.toBe(eMandateReference(a, n + 1 > 9999 ? n - 1 : n + 1));
        const key = (r: string) => r.toUpperCase().replace(/[^A-Z0-9]/g, '');
        if (key(a) !== key(b) && key(a).length <= 24 && key(b).length <= 24)
          expect(eMandateReference(a, n)).not.toBe(eMandateReference(b, n));
      }),
    );
  });

  it('refuses an ordinal outside 1–9999', () => {
    expect(() => eMandateReference('C-1', 0)).toThrow(RangeError);
    expect(() => eMandateReference('C-1', 10_000)).toThrow(RangeError);
  });
});

describe('the pre-notification of each debit', () => {
  it('is at least the rulebook’s days before the debit', () => {
    fc.assert(
      fc.property(date, (dueOn) => {
        expect(daysBetween(preNotificationDate(dueOn), dueOn)).toBe(PRE_NOTIFICATION_DAYS);
      }),
    );
  });

  it('is given by the schedule at signature only for debits due the rulebook’s days after it or later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -30, max: 60 }), (signedOn, after) => {
        const dueOn = addDays(signedOn, after);
        expect(notifiedInTime(signedOn, dueOn)).toBe(after >= PRE_NOTIFICATION_DAYS);
        if (notifiedInTime(signedOn, dueOn)) expect(preNotificationDate(dueOn) >= signedOn).toBe(true);
        expect(firstDebitDate(signedOn)).toBe(addDays(signedOn, PRE_NOTIFICATION_DAYS));
      }),
    );
  });
});

describe('the mandate text and when it may be signed', () => {
  it('names the creditor, its identifier, the reference and the notice days in every language', () => {
    const facts = { creditorName: 'Agence', creditorIdentifier: 'FR12ZZZ123456', reference: 'ACP-C1-1' };
    for (const language of ['fr', 'en', 'it'] as const) {
      const text = mandateText(language, facts).join('\n');
      for (const part of ['Agence', 'FR12ZZZ123456', 'ACP-C1-1', String(PRE_NOTIFICATION_DAYS), '8'])
        expect(text).toContain(part);
    }
  });

  it('is refused on a closed case, without the agency’s SEPA identity, under a hold stopping debits, without a plan', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('open', 'on_hold', 'closed'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.constantFrom(...HOLDS_FORBIDDING_A_MANDATE, 'vulnerability', 'represented'), { maxLength: 3 }),
        (status, livePlan, creditorConfigured, activeHolds) => {
          const refusal = mandateRefusal({ status, livePlan, creditorConfigured, activeHolds });
          const blocked = activeHolds.some((kind) => (HOLDS_FORBIDDING_A_MANDATE as readonly string[]).includes(kind));
          if (status === 'closed') expect(refusal).toBe('case_closed');
          else if (!creditorConfigured) expect(refusal).toBe('not_configured');
          else if (blocked) expect(refusal).toBe('on_hold');
          else if (!livePlan) expect(refusal).toBe('no_plan');
          else expect(refusal).toBeNull();
        },
      ),
    );
  });
});
