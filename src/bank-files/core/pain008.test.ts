import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPain008,
  instalmentEndToEndId,
  pain008Problems,
  readPain008,
  sepaText,
  type DirectDebit,
  type Pain008Input,
} from './pain008.js';

const CREDITOR = {
  name: 'Accord Recouvrement SAS',
  identifier: 'FR62ZZZ8A4F21',
  iban: 'FR7630006000010001234560183',
  bic: 'AGRIFRPPXXX',
};
const IBANS = [
  'FR7620041010050098765430211',
  'FR7610278060760002021220339',
  'FR7630004008200001029990402',
  'DE89370400440532013000',
];

const debit = (index: number, amountCents: number, sequence: 'FRST' | 'RCUR'): DirectDebit => ({
  endToEndId: instalmentEndToEndId(
    `ACC-2026-${String(900000 + index).padStart(6, '0')}`,
    index + 1,
    `${index.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-dddddddddddd`,
  ),
  amountCents,
  mandateReference: `ACCORD-M-${index}`,
  mandateSignedOn: '2026-01-15',
  sequence,
  debtorName: 'Hélène Lefèvre-Dœuf & fils',
  debtorIban: IBANS[index % IBANS.length]!,
  debtorBic: index % 2 === 0 ? null : 'BNPAFRPP',
  remittance: `Échéance ${index + 1} dossier ACC-2026-${900000 + index}`,
});

const input = (debits: DirectDebit[]): Pain008Input => ({
  messageId: 'ACCORD-DD-20260305-1',
  createdAt: '2026-03-01T08:00:00.000Z',
  collectionDate: '2026-03-05',
  creditor: CREDITOR,
  debits,
});

describe('pain.008.001.02', () => {
  it('writes FRST and RCUR blocks with exact control sums and every end-to-end id', () => {
    const xml = buildPain008(input([debit(0, 12000, 'FRST'), debit(1, 7550, 'RCUR'), debit(2, 1, 'RCUR')]));
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(xml).toContain('<Nm>Helene Lefevre-Doeuf fils</Nm>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml).toMatch(/<DbtrAgt>\s*<FinInstnId>\s*<Othr>\s*<Id>NOTPROVIDED<\/Id>/);
    expect(xml).toMatch(/<DbtrAgt>\s*<FinInstnId>\s*<BIC>BNPAFRPP<\/BIC>/);
    const read = readPain008(xml);
    expect(read).toMatchObject({ messageId: 'ACCORD-DD-20260305-1', numberOfTransactions: 3, controlSumCents: 19551 });
    expect(
      read.payments.map((p) => [
        p.sequence,
        p.collectionDate,
        p.numberOfTransactions,
        p.controlSumCents,
        p.amountsCents,
      ]),
    ).toEqual([
      ['FRST', '2026-03-05', 1, 12000, [12000]],
      ['RCUR', '2026-03-05', 2, 7551, [7550, 1]],
    ]);
  });

  it('property: the file parses back with every end-to-end id once and sums exact to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 99_999_999_999 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const debits = rows.map(([cents, first], index) => debit(index, cents, first ? 'FRST' : 'RCUR'));
          const read = readPain008(buildPain008(input(debits)));
          const ids = read.payments.flatMap((p) => p.endToEndIds);
          expect(ids.sort()).toEqual(debits.map((d) => d.endToEndId).sort());
          const total = debits.reduce((s, d) => s + d.amountCents, 0);
          expect(read.controlSumCents).toBe(total);
          expect(read.numberOfTransactions).toBe(debits.length);
          for (const block of read.payments)
            expect(block.controlSumCents).toBe(block.amountsCents.reduce((s, c) => s + c, 0));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses what a bank would reject, saying what', () => {
    expect(pain008Problems(input([]))).toEqual(['no direct debit to collect']);
    const bad = { ...debit(0, 100, 'FRST'), debtorIban: 'FR7630006000010001234560184', mandateSignedOn: '2026-04-01' };
    const problems = pain008Problems({ ...input([bad, bad]), creditor: { ...CREDITOR, identifier: 'FR63ZZZ8A4F21' } });
    expect(problems.join('\n')).toMatch(/creditor identifier/);
    expect(problems.join('\n')).toMatch(/used twice/);
    expect(problems.join('\n')).toMatch(/debtor IBAN .* not valid/);
    expect(problems.join('\n')).toMatch(/signed after the collection date/);
    expect(() => buildPain008(input([bad]))).toThrow(/debtor IBAN/);
  });

  it('keeps texts to the SEPA character set and their maximum length', () => {
    expect(sepaText('Zoë « Ørsted » <&> ½', 70)).toBe('Zoe rsted');
    expect(sepaText('Zoë Müller', 70)).toBe('Zoe Muller');
    expect(sepaText('a&b<c>', 70)).toBe('a b c');
    expect(sepaText('x'.repeat(200), 140)).toHaveLength(140);
    expect(instalmentEndToEndId('ACC-2026-000123', 7, '5e1f0c2a-0000-4000-8000-000000000000')).toBe(
      'ACC-2026-000123-007-5E1F0C2A',
    );
  });
});
