import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseStatementFile } from './camt.js';

const example = (name: string) => readFileSync(new URL(`../../../examples/bank/${name}`, import.meta.url), 'utf8');

function refusal(xml: string): AppError {
  try {
    parseStatementFile(xml);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('camt.053 statement', () => {
  const file = parseStatementFile(example('camt053-statement.xml'));

  it('reads the header and the statement', () => {
    expect(file).toMatchObject({
      kind: 'camt.053',
      messageVersion: 'camt.053.001.02',
      messageId: 'AGRI-STMT-20260305-0001',
    });
    expect(file.statements).toEqual([
      { id: 'FR7630006000010001234560183-20260305', accountIban: 'FR7630006000010001234560183', lineCount: 10 },
    ]);
  });

  it('splits a batch entry into its transactions, each with its own amount and end-to-end id', () => {
    const batch = file.lines.filter((line) => line.entryNumber === 1);
    expect(
      batch.map((line) => [line.transactionNumber, line.amountCents, line.endToEndId, line.debtorIban, line.kind]),
    ).toEqual([
      [1, 12000, 'ACC-2026-900001-003-5E1F0C2A', 'FR7620041010050098765430211', 'credit'],
      [2, 7550, 'ACC-2026-900002-002-9B7D41E0', 'FR7610278060760002021220339', 'credit'],
    ]);
    expect(batch[0]).toMatchObject({
      bookingDate: '2026-03-05',
      valueDate: '2026-03-05',
      bankTransactionCode: 'PMNT/IDDT/ESDD',
      debtorName: 'Claire Dubois',
      identity: 'FR7630006000010001234560183/20260305-DD-000481-1',
    });
  });

  it('reads remittance information, unstructured and structured, and drops NOTPROVIDED end-to-end ids', () => {
    const [second, third] = [
      file.lines.find((line) => line.entryNumber === 2)!,
      file.lines.find((line) => line.entryNumber === 3)!,
    ];
    expect(second).toMatchObject({
      amountCents: 25000,
      endToEndId: null,
      remittanceText: 'Remboursement dossier ACC 2026 900003 M. Martin',
      creditorReference: null,
      accountServicerReference: '20260305-CT-007712',
    });
    expect(third).toMatchObject({
      amountCents: 6000,
      endToEndId: 'VIR-2026-55120',
      remittanceText: null,
      creditorReference: 'ACC2026900004',
    });
  });

  it('gives a repeated entry the same identity', () => {
    const [two, six] = [
      file.lines.find((line) => line.entryNumber === 2)!,
      file.lines.find((line) => line.entryNumber === 6)!,
    ];
    expect(six.identity).toBe(two.identity);
  });

  it('recognises a returned direct debit with its reason, other debits, and pending entries', () => {
    const returned = file.lines.find((line) => line.entryNumber === 7)!;
    expect(returned).toMatchObject({
      kind: 'return',
      reversalIndicator: true,
      returnReason: 'MD06',
      amountCents: 8000,
      endToEndId: 'ACC-2026-900006-001-C3A2D9F1',
    });
    expect(file.lines.find((line) => line.entryNumber === 8)).toMatchObject({
      kind: 'debit',
      amountCents: 1250,
      returnReason: null,
    });
    expect(file.lines.find((line) => line.entryNumber === 9)).toMatchObject({ kind: 'credit', status: 'PDNG' });
  });
});

describe('camt.054 notification', () => {
  it('reads version 001.08 (status code, party names, transaction amounts, mandate id)', () => {
    const file = parseStatementFile(example('camt054-notification.xml'));
    expect(file).toMatchObject({
      kind: 'camt.054',
      messageVersion: 'camt.054.001.08',
      messageId: 'AGRI-NTF-20260302-0007',
    });
    expect(
      file.lines.map((line) => ({
        kind: line.kind,
        status: line.status,
        cents: line.amountCents,
        name: line.debtorName,
        mandate: line.mandateId,
      })),
    ).toEqual([
      { kind: 'credit', status: 'BOOK', cents: 8000, name: 'Amandine Roux', mandate: 'ACCORD-M-900006-01' },
      { kind: 'credit', status: 'BOOK', cents: 3500, name: 'Thomas Moreau', mandate: null },
    ]);
  });
});

const wrap = (
  entry: string,
  account = '<Acct><Id><IBAN>FR7630006000010001234560183</IBAN></Id></Acct>',
) => `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
<Stmt><Id>S1</Id>${account}${entry}</Stmt></BkToCstmrStmt></Document>`;
const entry = (amount: string, extra = '') =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-05</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>${extra}</Ntry>`;

describe('refusals that name the entry', () => {
  it('refuses more than two decimals', () => {
    const error = refusal(wrap(entry('10.005')));
    expect(error.code).toBe('bank_files.amount_invalid');
    expect(error.message).toContain('Statement S1, entry 1 (R1)');
    expect(error.message).toContain('10.005');
  });

  it('refuses another currency than the euro, on the entry or on the account', () => {
    const error = refusal(wrap(entry('10.00').replace('Ccy="EUR"', 'Ccy="CHF"')));
    expect(error.code).toBe('bank_files.currency_not_eur');
    expect(error.message).toContain('entry 1');
    expect(refusal(wrap('', '<Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>')).code).toBe(
      'bank_files.currency_not_eur',
    );
  });

  it('refuses a batch whose transactions do not add up to the entry', () => {
    const details =
      '<NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">4.00</Amt></TxAmt></AmtDtls></TxDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">5.00</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls>';
    expect(refusal(wrap(entry('10.00', details))).code).toBe('bank_files.batch_total_mismatch');
  });

  it('refuses malformed XML with its position, other messages, and impossible dates', () => {
    const malformed = refusal('<Document><BkToCstmrStmt></Document>');
    expect(malformed.code).toBe('bank_files.malformed_xml');
    expect(malformed.extra).toMatchObject({ line: 1 });
    expect(refusal('<Document><CstmrDrctDbtInitn/></Document>').code).toBe('bank_files.unknown_format');
    expect(refusal(wrap(entry('10.00').replace('2026-03-05', '2026-02-30'))).code).toBe('bank_files.date_invalid');
  });

  it('keeps amounts and references as the bank wrote them (never numbers)', () => {
    const file = parseStatementFile(
      wrap(entry('0000012.30', '<NtryDtls><TxDtls><Refs><EndToEndId>000123</EndToEndId></Refs></TxDtls></NtryDtls>')),
    );
    expect(file.lines[0]).toMatchObject({
      amountCents: 1230,
      endToEndId: '000123',
      identity: 'FR7630006000010001234560183/R1',
    });
  });
});
