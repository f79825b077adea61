import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_NAMES } from './columns.js';
import type { IntakeRow, RowResult } from './types.js';
import { attachReadErrors, validateRecord, validateRow, type RawValue } from './validate-row.js';

const TODAY = '2026-01-15';

/** A valid placement of a person, as a CSV line gives it. */
const person: Record<string, string> = {
  operation: '',
  debtor_reference: 'CLI-1',
  debtor_type: '',
  title: 'Mme',
  first_name: 'Marie',
  last_name: 'Dupont',
  birth_name: '',
  birth_date: '29/02/1980',
  birth_place: 'Lyon',
  company_name: '',
  company_registration: '',
  address_line1: '12 rue de la République',
  address_line2: '',
  postal_code: '69002',
  city: 'Lyon',
  country: '',
  phone: '06 12 34 56 78',
  phone_2: '',
  email: 'Marie.Dupont@Example.fr',
  language: '',
  claim_reference: 'PRET-1',
  contract_type: 'consumer_credit',
  original_creditor: 'Banque Exemple',
  currency: '',
  principal: '1 234,56',
  interest: '',
  fees: '40,00',
  default_date: '15/03/2025',
  last_payment_date: '',
};

const validate = (changes: Record<string, RawValue>, line = 7): RowResult =>
  validateRow({ ...person, ...changes }, line, TODAY);

const ok = (changes: Record<string, RawValue> = {}): IntakeRow => {
  const r = validate(changes);
  if (!r.ok) throw new Error(`expected a valid row, got ${JSON.stringify(r.errors)}`);
  return r.row;
};

/** The [column, code] pairs of a refused row. */
const problems = (changes: Record<string, RawValue>): Array<[string, string]> => {
  const r = validate(changes);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => [e.column, e.code]);
};

describe('a valid placement', () => {
  it('is normalised into the row the pipeline stores', () => {
    expect(ok()).toEqual({
      line: 7,
      operation: 'place',
      debtorReference: 'CLI-1',
      debtor: {
        kind: 'person',
        title: 'Mme',
        firstName: 'Marie',
        lastName: 'Dupont',
        birthName: null,
        birthDate: '1980-02-29',
        birthPlace: 'Lyon',
        companyName: null,
        registrationNumber: null,
        language: 'fr',
        matchKey: 'dupont|marie|1980-02-29',
        nameKey: 'dupont|marie',
      },
      address: {
        line1: '12 rue de la République',
        line2: null,
        postalCode: '69002',
        city: 'Lyon',
        country: 'FR',
        subdivision: '69',
        timeZone: 'Europe/Paris',
      },
      phones: ['+33612345678'],
      email: 'marie.dupont@example.fr',
      claim: {
        reference: 'PRET-1',
        contractType: 'consumer_credit',
        originalCreditor: 'Banque Exemple',
        currency: 'EUR',
        principalCents: 123456,
        interestCents: 0,
        feesCents: 4000,
        defaultOn: '2025-03-15',
        lastPaymentOn: null,
      },
    });
  });

  it('needs only the required columns', () => {
    const minimal = {
      debtor_reference: 'CLI-2',
      first_name: 'Luc',
      last_name: 'Moreau',
      address_line1: '1 rue Haute',
      postal_code: '37000',
      city: 'Tours',
      claim_reference: 'C-2',
      contract_type: 'other',
      principal: '10',
      default_date: '2025-01-01',
    };
    const r = validateRow(minimal, 2, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.row.debtor.matchKey).toBeNull();
  });

  it('accepts column names in any case and JSON numbers for amounts', () => {
    const r = validateRow(
      { ...person, Debtor_Reference: 'CLI-9', debtor_reference: undefined, principal: 12.5 },
      3,
      TODAY,
    );
    expect(r.ok && r.row.debtorReference).toBe('CLI-9');
    expect(r.ok && r.row.claim.principalCents).toBe(1250);
  });

  it('cleans text: trimmed, spaces collapsed, line breaks from quoted fields folded', () => {
    const row = ok({ address_line1: '  12   rue de la\nRépublique ', first_name: ' Marie  Claire ' });
    expect(row.address?.line1).toBe('12 rue de la République');
    expect(row.debtor.firstName).toBe('Marie Claire');
  });
});

describe('every problem of a row, not just the first', () => {
  it('collects them all with line, column, value, code and message', () => {
    const r = validate(
      { last_name: '', principal: '12,345', default_date: '31/02/2024', email: 'nope', currency: 'USD' },
      42,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([
      ['last_name', 'required'],
      ['email', 'email.invalid'],
      ['currency', 'currency.unsupported'],
      ['principal', 'amount.too_many_decimals'],
      ['default_date', 'date.invalid'],
    ]);
    for (const e of r.errors) {
      expect(e.line).toBe(42);
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect(r.errors.find((e) => e.column === 'principal')?.value).toBe('12,345');
  });

  it('cuts the reported value to 100 characters', () => {
    const r = validate({ city: 'x'.repeat(150) });
    expect(!r.ok && r.errors[0]?.value).toBe('x'.repeat(100));
  });
});

describe('operation', () => {
  it('defaults to place and accepts any case', () => {
    expect(ok({ operation: '' }).operation).toBe('place');
    expect(ok({ operation: ' PLACE ' }).operation).toBe('place');
  });

  it('refuses an unknown operation without judging the other columns', () => {
    expect(problems({ operation: 'delete', principal: 'abc' })).toEqual([['operation', 'operation.invalid']]);
  });

  it.each(['recall', 'close', 'Recall'])('%s reads only the two references', (operation) => {
    const r = validateRow(
      { operation, debtor_reference: 'CLI-1', claim_reference: 'PRET-1', principal: 'abc', birth_date: 'never' },
      5,
      TODAY,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row.operation).toBe(operation.toLowerCase());
    expect(r.row.debtorReference).toBe('CLI-1');
    expect(r.row.claim.reference).toBe('PRET-1');
    expect(r.row.address).toBeNull();
  });

  it('a recall still needs both references', () => {
    const r = validateRow({ operation: 'recall', debtor_reference: 'CLI-1' }, 5, TODAY);
    expect(!r.ok && r.errors.map((e) => [e.column, e.code])).toEqual([['claim_reference', 'required']]);
  });
});

describe('references', () => {
  it('are kept as written, with inner spaces, up to 64 characters', () => {
    expect(ok({ debtor_reference: '  AB 12/3  ' }).debtorReference).toBe('AB 12/3');
    expect(ok({ claim_reference: 'R'.repeat(64) }).claim.reference).toHaveLength(64);
  });

  it('are required, at most 64 printable characters', () => {
    expect(problems({ debtor_reference: ' ' })).toEqual([['debtor_reference', 'required']]);
    expect(problems({ claim_reference: 'R'.repeat(65) })).toEqual([['claim_reference', 'text.too_long']]);
    expect(problems({ claim_reference: 'A\tB' })).toEqual([['claim_reference', 'text.invalid_character']]);
    expect(problems({ debtor_reference: 'A\u0007' })).toEqual([['debtor_reference', 'text.invalid_character']]);
  });

  it('say when the column itself is missing from the file', () => {
    const { claim_reference: _omit, ...rest } = person;
    const r = validateRow(rest, 2, TODAY);
    expect(!r.ok && r.errors[0]).toMatchObject({
      column: 'claim_reference',
      code: 'required',
      message: expect.stringContaining('has no "claim_reference" column'),
    });
  });
});

describe('person and company', () => {
  it('a person needs a first and a last name, with letters, at most 100 characters', () => {
    expect(problems({ first_name: '', last_name: '' })).toEqual([
      ['first_name', 'required'],
      ['last_name', 'required'],
    ]);
    expect(problems({ last_name: '1234' })).toEqual([['last_name', 'name.invalid']]);
    expect(problems({ last_name: 'D'.repeat(101) })).toEqual([['last_name', 'text.too_long']]);
    expect(ok({ last_name: 'D'.repeat(100) }).debtor.lastName).toHaveLength(100);
  });

  it('refuses an unknown debtor type', () => {
    expect(problems({ debtor_type: 'trust' })).toEqual([['debtor_type', 'debtor_type.invalid']]);
  });

  it('a company needs its name, and matches on its registration number', () => {
    const company = {
      debtor_type: 'company',
      first_name: '',
      last_name: '',
      birth_date: '',
      company_name: 'Boulangerie des Tanneurs SARL',
    };
    const row = ok({ ...company, company_registration: '812 345 676' });
    expect(row.debtor).toMatchObject({
      kind: 'company',
      companyName: 'Boulangerie des Tanneurs SARL',
      registrationNumber: '812345676',
      matchKey: 'company|812345676',
      nameKey: 'company|boulangeriedestanneurssarl',
    });
    expect(ok(company).debtor.matchKey).toBeNull();
    expect(problems({ ...company, company_name: '' })).toEqual([['company_name', 'required']]);
    expect(problems({ ...company, company_registration: '812 345 677' })).toEqual([
      ['company_registration', 'company_registration.invalid'],
    ]);
  });

  it('a company name may be 200 characters, not more', () => {
    const company = { debtor_type: 'company', company_name: 'S'.repeat(200) };
    expect(ok(company).debtor.companyName).toHaveLength(200);
    expect(problems({ ...company, company_name: 'S'.repeat(201) })).toEqual([['company_name', 'text.too_long']]);
  });
});

describe('birth date', () => {
  it('must be a real date in the past', () => {
    expect(problems({ birth_date: '30/02/1980' })).toEqual([['birth_date', 'date.invalid']]);
    expect(problems({ birth_date: '2026-01-16' })).toEqual([['birth_date', 'date.future']]);
  });

  it('makes the debtor at least 16', () => {
    expect(ok({ birth_date: '2010-01-15' }).debtor.birthDate).toBe('2010-01-15');
    expect(problems({ birth_date: '2010-01-16' })).toEqual([['birth_date', 'birth_date.too_young']]);
    expect(problems({ birth_date: TODAY })).toEqual([['birth_date', 'birth_date.too_young']]);
  });

  it('and not older than 120', () => {
    expect(ok({ birth_date: '1905-01-16' }).debtor.birthDate).toBe('1905-01-16');
    expect(problems({ birth_date: '1905-01-15' })).toEqual([['birth_date', 'birth_date.too_old']]);
  });
});

describe('address', () => {
  it('line 1, postal code and city are required for a placement', () => {
    expect(problems({ address_line1: '', postal_code: '', city: '' })).toEqual([
      ['address_line1', 'required'],
      ['postal_code', 'required'],
      ['city', 'required'],
    ]);
  });

  it('has length limits: 200 for address lines, 100 for the city', () => {
    expect(ok({ address_line2: 'B'.repeat(200) }).address?.line2).toHaveLength(200);
    expect(problems({ address_line2: 'B'.repeat(201) })).toEqual([['address_line2', 'text.too_long']]);
    expect(problems({ city: 'C'.repeat(101) })).toEqual([['city', 'text.too_long']]);
  });

  it('finds the département and the time zone', () => {
    expect(ok({ postal_code: '57000', city: 'Metz' }).address).toMatchObject({
      subdivision: '57',
      timeZone: 'Europe/Paris',
    });
    expect(ok({ postal_code: '20200', city: 'Bastia' }).address).toMatchObject({
      subdivision: '2B',
      timeZone: 'Europe/Paris',
    });
    expect(ok({ postal_code: '97400', city: 'Saint-Denis', phone: '0692 12 34 56' })).toMatchObject({
      address: { subdivision: '974', timeZone: 'Indian/Reunion' },
      phones: ['+262692123456'],
    });
  });

  it('refuses a bad postal code for the country', () => {
    expect(problems({ postal_code: '7500' })).toEqual([['postal_code', 'postal_code.invalid']]);
  });

  it('defaults the country to FR and refuses one outside the accepted area', () => {
    expect(ok({ country: '' }).address?.country).toBe('FR');
    expect(problems({ country: 'US' })).toEqual([['country', 'country.unsupported']]);
    expect(problems({ country: 'US', phone: '+1 23' })).toEqual([
      ['country', 'country.unsupported'],
      ['phone', 'phone.invalid'],
    ]);
    expect(problems({ country: 'France' })).toEqual([['country', 'country.invalid']]);
  });

  it('an Italian address speaks Italian unless told otherwise', () => {
    const italian = { country: 'it', postal_code: '00184', city: 'Roma', phone: '347 123 4567' };
    expect(ok(italian)).toMatchObject({
      debtor: { language: 'it' },
      address: { country: 'IT', subdivision: null, timeZone: 'Europe/Rome' },
      phones: ['+393471234567'],
    });
    expect(ok({ ...italian, language: 'FR' }).debtor.language).toBe('fr');
  });

  it('a German address speaks French by default, and needs international phone numbers', () => {
    const german = { country: 'DE', postal_code: '10115', city: 'Berlin' };
    expect(ok({ ...german, phone: '+49 30 1234567' })).toMatchObject({
      debtor: { language: 'fr' },
      phones: ['+49301234567'],
      address: { timeZone: 'Europe/Berlin' },
    });
    expect(problems({ ...german, phone: '030 1234567' })).toEqual([['phone', 'phone.international_required']]);
  });
});

describe('contacts and language', () => {
  it('deduplicates phone and phone_2 once normalised', () => {
    expect(ok({ phone: '06 12 34 56 78', phone_2: '+33 6 12 34 56 78' }).phones).toEqual(['+33612345678']);
    expect(ok({ phone: '', phone_2: '01 43 12 34 56' }).phones).toEqual(['+33143123456']);
    expect(ok({ phone: '06 12 34 56 78', phone_2: '01 43 12 34 56' }).phones).toEqual(['+33612345678', '+33143123456']);
  });

  it('reports each bad phone on its column', () => {
    expect(problems({ phone_2: '12345' })).toEqual([['phone_2', 'phone.invalid']]);
  });

  it('lower-cases e-mails and refuses bad ones', () => {
    expect(ok({ email: '' }).email).toBeNull();
    expect(problems({ email: 'marie@' })).toEqual([['email', 'email.invalid']]);
  });

  it('accepts fr, en and it only', () => {
    expect(ok({ language: 'EN' }).debtor.language).toBe('en');
    expect(problems({ language: 'de' })).toEqual([['language', 'language.invalid']]);
  });
});

describe('claim', () => {
  it('needs a known contract type', () => {
    expect(problems({ contract_type: '' })).toEqual([['contract_type', 'required']]);
    expect(problems({ contract_type: 'loan' })).toEqual([['contract_type', 'contract_type.invalid']]);
    expect(ok({ contract_type: 'Energy' }).claim.contractType).toBe('energy');
  });

  it('accepts only EUR, by default', () => {
    expect(ok({ currency: 'eur' }).claim.currency).toBe('EUR');
    expect(problems({ currency: 'USD' })).toEqual([['currency', 'currency.unsupported']]);
    expect(problems({ currency: 'EURO' })).toEqual([['currency', 'currency.invalid']]);
  });

  it('needs a principal; interest and fees default to 0; none negative', () => {
    expect(problems({ principal: '' })).toEqual([['principal', 'required']]);
    expect(ok({ interest: '', fees: '' }).claim).toMatchObject({ interestCents: 0, feesCents: 0 });
    expect(problems({ interest: '-1,00' })).toEqual([['interest', 'amount.negative']]);
    expect(problems({ fees: '1,234' })).toEqual([['fees', 'amount.too_many_decimals']]);
  });

  it('must be for something: principal + interest + fees > 0', () => {
    expect(problems({ principal: '0', interest: '0', fees: '0,00' })).toEqual([['principal', 'amount.zero_total']]);
    expect(ok({ principal: '0', interest: '', fees: '0,01' }).claim.feesCents).toBe(1);
  });

  it('has a default date that is not in the future; today is fine', () => {
    expect(problems({ default_date: '' })).toEqual([['default_date', 'required']]);
    expect(problems({ default_date: '16/01/2026' })).toEqual([['default_date', 'date.future']]);
    expect(ok({ default_date: '15/01/2026' }).claim.defaultOn).toBe(TODAY);
  });

  it('has a last payment date that is not in the future', () => {
    expect(ok({ last_payment_date: '2/1/2025' }).claim.lastPaymentOn).toBe('2025-01-02');
    expect(problems({ last_payment_date: '2027-01-01' })).toEqual([['last_payment_date', 'date.future']]);
  });
});

describe('text and columns', () => {
  it('refuses invisible characters and text decoded from the wrong encoding', () => {
    expect(problems({ city: 'Ly\u0000on' })).toEqual([['city', 'text.invalid_character']]);
    expect(problems({ last_name: 'H\uFFFDl\uFFFDne' })).toEqual([['last_name', 'text.invalid_character']]);
  });

  it('refuses unknown and doubled columns (as JSON Lines may send them)', () => {
    expect(problems({ adress_line1: '12 rue' })).toEqual([['adress_line1', 'column.unknown']]);
    expect(problems({ EMAIL: 'x@example.fr' })).toEqual([['EMAIL', 'column.duplicate']]);
  });

  it('refuses a today that is not a date: a programming error', () => {
    expect(() => validateRow(person, 1, '15/01/2026')).toThrow(RangeError);
  });
});

describe('problems found while reading', () => {
  const readError = {
    line: 9,
    column: '',
    value: 'a;b',
    code: 'csv.field_count',
    message: 'the row has 2 fields where the header has 29',
  };

  it('are reported by validateRow when attached to the record', () => {
    expect(validateRow(attachReadErrors({}, [readError]), 9, TODAY)).toEqual({ ok: false, errors: [readError] });
  });

  it('come first, followed by the row’s own problems, through validateRecord', () => {
    const r = validateRecord({ line: 9, record: { ...person, city: '' }, errors: [readError] }, TODAY);
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['csv.field_count', 'required']);
    expect(validateRecord({ line: 9, record: person }, TODAY).ok).toBe(true);
  });
});

describe('robustness (property)', () => {
  it('never throws and always answers a result for the given line, whatever the values', () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(''), fc.double(), fc.integer(), fc.constant(null));
    const record = fc.dictionary(fc.constantFrom(...COLUMN_NAMES, 'bogus', 'EMAIL'), value);
    fc.assert(
      fc.property(record, fc.integer({ min: 1, max: 1_000_000 }), (changes, line) => {
        const r = validate(changes, line);
        if (r.ok) expect(r.row.line).toBe(line);
        else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.line).toBe(line);
            expect(e.value.length).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a valid row stays valid, with the same result, when its keys change case (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: COLUMN_NAMES.length, maxLength: COLUMN_NAMES.length }),
        (upper) => {
          const shouted = Object.fromEntries(
            Object.entries(person).map(([k, v], i) => [upper[i] ? k.toUpperCase() : k, v]),
          );
          expect(validateRow(shouted, 7, TODAY)).toEqual(validate({}));
        },
      ),
    );
  });
});
