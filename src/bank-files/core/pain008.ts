import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { formatAmount, parseAmountCents } from './amounts.js';

/**
 * SEPA Core direct debit initiation, pain.008.001.02 (the version every euro-area bank accepts, EPC SDD Core
 * rulebook implementation guidelines). Pure: the collections in, the XML text out. One payment information block per
 * sequence type (FRST, RCUR), one transaction per instalment with its own end-to-end id, control sums written from
 * integer cents. `readPain008` reads a file back, to check what was produced.
 */

export type SequenceType = 'FRST' | 'RCUR';

export interface SepaCreditor {
  name: string;
  /** The SEPA creditor identifier (ICS in France), e.g. FR72ZZZ123456. */
  identifier: string;
  iban: string;
  bic: string | null;
}

export interface DirectDebit {
  endToEndId: string;
  amountCents: number;
  mandateReference: string;
  mandateSignedOn: string;
  sequence: SequenceType;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  remittance: string;
}

export interface Pain008Input {
  messageId: string;
  /** ISO instant of creation. */
  createdAt: string;
  /** The requested collection date (YYYY-MM-DD). */
  collectionDate: string;
  creditor: SepaCreditor;
  debits: DirectDebit[];
}

/** The largest amount of one SEPA direct debit (EPC rulebook: 999,999,999.99 euros). */
export const MAX_DEBIT_CENTS = 99_999_999_999;

/** The SEPA character set (EPC guidelines §1.4): Latin letters, digits and / - ? : ( ) . , ' + and space. */
export function sepaText(value: string, max: number): string {
  const latin = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœÆŒ]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', Æ: 'AE', Œ: 'OE' })[c] ?? c)
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return latin.slice(0, max).trim();
}

/** A SEPA creditor identifier: country, check digits (ISO 7064 mod 97-10 over the national part), business code, national id. */
export function isValidCreditorIdentifier(value: string): boolean {
  const match = /^([A-Z]{2})(\d{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(value);
  if (!match) return false;
  const digits = `${match[3]}${match[1]}${match[2]}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

/**
 * The end-to-end id of an instalment's collection: the case reference (so a person reading the bank's statement sees
 * the case), the instalment's number and the start of its id (unique per instalment); at most 35 characters.
 */
export function instalmentEndToEndId(caseReference: string, number: number, instalmentId: string): string {
  return `${caseReference}-${String(number).padStart(3, '0')}-${instalmentId.replace(/-/g, '').slice(0, 8).toUpperCase()}`.slice(
    0,
    35,
  );
}

const SEPA_ID = /^[A-Za-z0-9/\-?:().,'+]([A-Za-z0-9/\-?:().,'+ ]{0,33}[A-Za-z0-9/\-?:().,'+])?$/;

/** Why the debits cannot go into a file, one message per problem; empty when they can. */
export function pain008Problems(input: Pain008Input): string[] {
  const problems: string[] = [];
  if (input.debits.length === 0) problems.push('no direct debit to collect');
  if (!SEPA_ID.test(input.messageId)) problems.push(`message id "${input.messageId}" is not 1 to 35 SEPA characters`);
  if (!isValidIBAN(input.creditor.iban)) problems.push(`the creditor IBAN ${input.creditor.iban} is not valid`);
  if (input.creditor.bic && !isValidBIC(input.creditor.bic))
    problems.push(`the creditor BIC ${input.creditor.bic} is not valid`);
  if (!isValidCreditorIdentifier(input.creditor.identifier))
    problems.push(`the creditor identifier ${input.creditor.identifier} is not a SEPA creditor identifier`);
  const seen = new Set<string>();
  for (const debit of input.debits) {
    const who = `end-to-end id ${debit.endToEndId}`;
    if (!SEPA_ID.test(debit.endToEndId)) problems.push(`${who}: not 1 to 35 SEPA characters`);
    if (seen.has(debit.endToEndId)) problems.push(`${who}: used twice`);
    seen.add(debit.endToEndId);
    if (!Number.isSafeInteger(debit.amountCents) || debit.amountCents <= 0 || debit.amountCents > MAX_DEBIT_CENTS)
      problems.push(`${who}: amount ${debit.amountCents} cents out of range`);
    if (!isValidIBAN(debit.debtorIban)) problems.push(`${who}: debtor IBAN ${debit.debtorIban} is not valid`);
    if (debit.debtorBic && !isValidBIC(debit.debtorBic))
      problems.push(`${who}: debtor BIC ${debit.debtorBic} is not valid`);
    if (!SEPA_ID.test(debit.mandateReference))
      problems.push(`${who}: mandate reference "${debit.mandateReference}" is not 1 to 35 SEPA characters`);
    if (debit.mandateSignedOn > input.collectionDate)
      problems.push(`${who}: the mandate is signed after the collection date`);
  }
  return problems;
}

const sum = (debits: readonly DirectDebit[]) => debits.reduce((total, debit) => total + debit.amountCents, 0);

const agent = (bic: string | null) => ({ FinInstnId: bic ? { BIC: bic } : { Othr: { Id: 'NOTPROVIDED' } } });

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** The pain.008.001.02 document. Throws when `pain008Problems` finds anything: check first. */
export function buildPain008(input: Pain008Input): string {
  const problems = pain008Problems(input);
  if (problems.length > 0) throw new Error(`cannot build pain.008: ${problems.join('; ')}`);
  const creditorName = sepaText(input.creditor.name, 70);
  const groups = (['FRST', 'RCUR'] as const)
    .map((sequence) => ({ sequence, debits: input.debits.filter((debit) => debit.sequence === sequence) }))
    .filter((group) => group.debits.length > 0);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: input.messageId,
          CreDtTm: input.createdAt.replace(/\.\d{3}Z$/, 'Z'),
          NbOfTxs: String(input.debits.length),
          CtrlSum: formatAmount(sum(input.debits)),
          InitgPty: { Nm: creditorName },
        },
        PmtInf: groups.map((group) => ({
          PmtInfId: `${input.messageId.slice(0, 30)}-${group.sequence}`,
          PmtMtd: 'DD',
          BtchBookg: 'true',
          NbOfTxs: String(group.debits.length),
          CtrlSum: formatAmount(sum(group.debits)),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: group.sequence },
          ReqdColltnDt: input.collectionDate,
          Cdtr: { Nm: creditorName },
          CdtrAcct: { Id: { IBAN: input.creditor.iban } },
          CdtrAgt: agent(input.creditor.bic),
          ChrgBr: 'SLEV',
          CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: input.creditor.identifier, SchmeNm: { Prtry: 'SEPA' } } } } },
          DrctDbtTxInf: group.debits.map((debit) => ({
            PmtId: { EndToEndId: debit.endToEndId },
            InstdAmt: { '@_Ccy': 'EUR', '#text': formatAmount(debit.amountCents) },
            DrctDbtTx: { MndtRltdInf: { MndtId: debit.mandateReference, DtOfSgntr: debit.mandateSignedOn } },
            DbtrAgt: agent(debit.debtorBic),
            Dbtr: { Nm: sepaText(debit.debtorName, 70) || 'NOTPROVIDED' },
            DbtrAcct: { Id: { IBAN: debit.debtorIban } },
            RmtInf: { Ustrd: sepaText(debit.remittance, 140) || debit.endToEndId },
          })),
        })),
      },
    },
  };
  return builder.build(document) as string;
}

export interface ReadPain008 {
  messageId: string;
  numberOfTransactions: number;
  controlSumCents: number;
  payments: {
    sequence: string;
    collectionDate: string;
    numberOfTransactions: number;
    controlSumCents: number;
    endToEndIds: string[];
    amountsCents: number[];
  }[];
}

const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'PmtInf' || name === 'DrctDbtTxInf',
});

// The tree of a file this module wrote itself: read loosely, every number checked.
type Node = { readonly [name: string]: unknown };

function child(node: unknown, name: string): Node {
  const value = typeof node === 'object' && node !== null ? (node as Node)[name] : undefined;
  if (typeof value !== 'object' || value === null) throw new Error(`pain.008: no ${name}`);
  return value as Node;
}

/** The elements the reader always reads as lists (`isArray` above). */
const children = (node: Node, name: 'PmtInf' | 'DrctDbtTxInf'): Node[] => (node[name] ?? []) as Node[];

function cents(value: unknown): number {
  const text = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
  const parsed = parseAmountCents(String(text));
  if ('problem' in parsed) throw new Error(`pain.008: bad amount ${String(text)}`);
  return parsed.cents;
}

/** Reads a pain.008.001.02 back (well-formedness checked first): its totals and every end-to-end id. */
export function readPain008(xml: string): ReadPain008 {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`pain.008 is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const document = reader.parse(xml) as Node;
  const root =
    typeof document.Document === 'object' && document.Document !== null
      ? (document.Document as Node).CstmrDrctDbtInitn
      : undefined;
  if (typeof root !== 'object' || root === null) throw new Error('pain.008: no Document/CstmrDrctDbtInitn');
  const header = child(root, 'GrpHdr');
  return {
    messageId: String(header.MsgId),
    numberOfTransactions: Number(header.NbOfTxs),
    controlSumCents: cents(header.CtrlSum),
    payments: children(root as Node, 'PmtInf').map((block) => ({
      sequence: String(child(block, 'PmtTpInf').SeqTp),
      collectionDate: String(block.ReqdColltnDt),
      numberOfTransactions: Number(block.NbOfTxs),
      controlSumCents: cents(block.CtrlSum),
      endToEndIds: children(block, 'DrctDbtTxInf').map((tx) => String(child(tx, 'PmtId').EndToEndId)),
      amountsCents: children(block, 'DrctDbtTxInf').map((tx) => cents(tx.InstdAmt)),
    })),
  };
}
