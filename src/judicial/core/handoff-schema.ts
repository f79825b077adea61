import { DISCLOSED_HOLD_KINDS, SUSPENDED_HOLD_KIND } from './handoff.js';
import { COURT_KINDS } from './requete.js';

/**
 * The JSON Schema (draft 2020-12) of a handoff file, version 1: the contract a partner's software reads. The same
 * object is written out as docs/schemas/handoff-v1.json (a test checks they are equal) and every file is validated
 * against it before it is stored. Amounts are integer cents; dates YYYY-MM-DD; instants ISO 8601 in UTC.
 */

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' };
const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const nullableDate = { oneOf: [date, { type: 'null' }] };
const cents = { type: 'integer' };
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const object = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});
const list = (items: unknown) => ({ type: 'array', items });
const component = { enum: ['principal', 'interest', 'fees'] };

export const HANDOFF_SCHEMA_ID = 'urn:accord:schema:handoff:1';

export const HANDOFF_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: HANDOFF_SCHEMA_ID,
  title: 'Accord handoff file, version 1',
  description:
    'The file a judicial case is handed over with (REGULATION.md §11 point 5): identity, addresses with provenance, dated statement of account, mandate, R124-4 letter, contact log, holds, time bars, documents and the requête en injonction de payer. Amounts in integer cents.',
  $defs: {
    amounts: object({ principal: cents, interest: cents, fees: cents }),
    allocation: object({ claimReference: text, component, amountCents: cents }),
  },
  ...object({
    format: { const: 'accord.handoff' },
    formatVersion: { const: 1 },
    version: { type: 'integer', minimum: 1 },
    builtAt: instant,
    case: object({ id: text, reference: text, stage: text, currency: text, openedOn: date }),
    creditor: object({ name: text, legalName: text, registrationNumber: nullableText, address: text }),
    mandate: object({
      code: text,
      kind: { enum: ['collection', 'purchased'] },
      startsOn: date,
      endsOn: nullableDate,
      assignment: { oneOf: [{ type: 'null' }, object({ deedReference: { type: 'null' }, note: text })] },
    }),
    debtor: object({
      kind: { enum: ['person', 'company'] },
      title: nullableText,
      firstName: nullableText,
      lastName: nullableText,
      birthName: nullableText,
      companyName: nullableText,
      registrationNumber: nullableText,
      birthDate: nullableDate,
      birthPlace: nullableText,
      creditorReference: nullableText,
    }),
    addresses: list(
      object({
        line1: text,
        line2: nullableText,
        postalCode: text,
        city: text,
        country: text,
        undeliverable: { type: 'boolean' },
        provenance: object({ source: { const: 'creditor_file' }, suppliedOn: date }),
      }),
    ),
    employer: { type: 'null' },
    bank: { type: 'null' },
    statement: object({
      asOf: date,
      currency: text,
      interestBasis: text,
      claims: list(
        object({
          reference: text,
          contractType: text,
          originalCreditor: nullableText,
          defaultOn: date,
          lastPaymentOn: nullableDate,
          status: text,
          placed: { $ref: '#/$defs/amounts' },
          corrected: { $ref: '#/$defs/amounts' },
          paid: { $ref: '#/$defs/amounts' },
          owed: { $ref: '#/$defs/amounts' },
        }),
      ),
      lines: list(
        object({
          on: date,
          kind: { enum: ['correction', 'payment', 'payment_reversed'] },
          receiptNumber: nullableText,
          amountCents: cents,
          allocations: list({ $ref: '#/$defs/allocation' }),
        }),
      ),
      totals: object({
        placed: { $ref: '#/$defs/amounts' },
        corrected: { $ref: '#/$defs/amounts' },
        paid: { $ref: '#/$defs/amounts' },
        owed: { $ref: '#/$defs/amounts' },
        owedCents: cents,
      }),
    }),
    firstLetter: {
      oneOf: [
        { type: 'null' },
        object({
          reference: nullableText,
          sentOn: date,
          basis: { enum: ['recorded_on_case', 'first_letter_on_timeline'] },
        }),
      ],
    },
    contactLog: list(
      object({ at: instant, kind: text, channel: nullableText, direction: nullableText, outcome: nullableText }),
    ),
    stageHistory: list(object({ from: nullableText, to: text, on: date })),
    holds: list(
      object({
        kind: { enum: [...DISCLOSED_HOLD_KINDS, SUSPENDED_HOLD_KIND] },
        disclosed: { type: 'boolean' },
        status: text,
        startsOn: date,
        endsOn: nullableDate,
      }),
    ),
    timeBars: list(
      object({
        claimReference: text,
        source: text,
        years: { type: 'integer' },
        startOn: date,
        lastDay: date,
        status: text,
      }),
    ),
    documents: list(
      object({
        id: text,
        number: { type: 'integer', minimum: 2 },
        type: text,
        fileName: text,
        source: text,
        sha256,
        uploadedOn: date,
      }),
    ),
    requete: object({
      procedure: { const: 'injonction_de_payer' },
      legalBasis: text,
      court: object({ kind: { enum: [...COURT_KINDS] }, domicile: nullableText, designation: text }),
      applicant: object({ name: text, legalName: text, registrationNumber: nullableText, address: text }),
      respondent: object({ name: text, birthDate: nullableDate, birthPlace: nullableText, address: nullableText }),
      amounts: object({ principalCents: cents, interestCents: cents, feesCents: cents, totalCents: cents }),
      basis: list(
        object({ claimReference: text, contractType: text, originalCreditor: nullableText, defaultOn: date }),
      ),
      bordereau: list(object({ number: { type: 'integer', minimum: 1 }, title: text })),
      smallClaim: { type: 'boolean' },
      notes: list(text),
      preparedOn: date,
    }),
    withheld: list(object({ what: text, why: text })),
  }),
} as const;
