import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { invalid } from '../../platform/errors.js';
import { parseAmountCents } from './amounts.js';

/**
 * Bank statements in ISO 20022: camt.053 (end-of-day account statement) and camt.054 (debit/credit notification),
 * versions 001.02 to 001.13 (the elements read here kept their names and places across them). Pure: text in, lines
 * out. Amounts stay strings in the XML tree and become integer cents by exact parsing; the file is refused, naming
 * the entry, when an amount has more than two decimals or a currency other than the euro.
 */

export type CamtKind = 'camt.053' | 'camt.054';

/** What a line is for us: money in, a returned (or reversed) direct debit, or another debit we do not process. */
export type LineKind = 'credit' | 'return' | 'debit';

export interface StatementLine {
  /**
   * Stable identity of the transaction across files: the account and the bank's own reference (the transaction's
   * account servicer reference, else the entry's with the transaction's rank), else the message, statement, entry and
   * rank. A camt.054 notification and the next camt.053 report the same transfer with the same identity.
   */
  identity: string;
  /** 1-based rank of the entry in its statement and of the transaction in its entry, for people reading a report. */
  entryNumber: number;
  transactionNumber: number;
  statementId: string;
  accountIban: string | null;
  kind: LineKind;
  /** BOOK, PDNG or INFO: only booked entries are recorded. */
  status: string;
  reversalIndicator: boolean;
  amountCents: number;
  bookingDate: string | null;
  valueDate: string | null;
  endToEndId: string | null;
  accountServicerReference: string | null;
  mandateId: string | null;
  remittanceText: string | null;
  /** A structured creditor reference (ISO 11649 "RF…" or a national one). */
  creditorReference: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  /** The return reason of a returned direct debit (AC04, MD06, AM04…), when the bank gave one. */
  returnReason: string | null;
  /** Domain/family/sub-family of the bank transaction code, e.g. "PMNT/RCDT/ESCT". */
  bankTransactionCode: string | null;
}

export interface ParsedStatementFile {
  kind: CamtKind;
  /** The namespace's message version, e.g. "camt.053.001.02". */
  messageVersion: string | null;
  messageId: string;
  createdAt: string | null;
  statements: { id: string; accountIban: string | null; lineCount: number }[];
  lines: StatementLine[];
}

/** A statement larger than this is refused (split it): the import runs in one transaction. */
export const MAX_STATEMENT_LINES = 200_000;

const REPEATED = new Set([
  'Stmt',
  'Ntfctn',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Strd',
  'CdtrRefInf',
  'Bal',
  'AddtlNtryInf',
]);

/**
 * A camt file nests about a dozen elements deep (Document/…/TxDtls/RltdPties/Dbtr/Pty/PstlAdr/AdrLine); deeper is
 * not a bank statement, and refusing it bounds the parser's work.
 */
export const MAX_XML_DEPTH = 40;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Every value stays the string the bank wrote: amounts, references with leading zeros, dates.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
  maxNestedTags: MAX_XML_DEPTH,
});

type Node = Record<string, unknown>;

function child(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Node)[name];
  }
  return current;
}

function list(node: unknown, ...path: string[]): unknown[] {
  const value = child(node, ...path);
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element, whether it carries attributes or not; null when absent or empty. */
function text(node: unknown, ...path: string[]): string | null {
  const value = child(node, ...path);
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Node)['#text'] === 'string') {
    const inner = ((value as Node)['#text'] as string).trim();
    return inner === '' ? null : inner;
  }
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseStatementFile(xml: string): ParsedStatementFile {
  // A bank never sends a DOCTYPE: refusing it closes the door to entity expansion ("billion laughs") and external
  // entities before the parser reads a byte of it.
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    throw invalid(
      'bank_files.doctype_refused',
      'The file declares a DOCTYPE or entities, which ISO 20022 bank files never do: send the statement exactly as the bank produced it.',
    );
  }
  const nul = xml.indexOf('\u0000');
  if (nul >= 0) {
    throw invalid(
      'bank_files.malformed_xml',
      `The file holds a NUL character (at character ${nul + 1}), which XML does not allow: send the statement exactly as the bank produced it.`,
      { position: nul + 1 },
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw invalid(
      'bank_files.malformed_xml',
      `The file is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}). Send the statement exactly as the bank produced it.`,
      {
        line: valid.err.line,
        column: valid.err.col,
      },
    );
  }
  let tree: Node;
  try {
    tree = parser.parse(xml) as Node;
  } catch (error) {
    // The validator lets through what the parser still refuses: nesting deeper than MAX_XML_DEPTH, reserved names.
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw invalid(
      'bank_files.malformed_xml',
      `The file cannot be read as a bank statement (${reason}); elements may nest at most ${MAX_XML_DEPTH} deep. Send the statement exactly as the bank produced it.`,
      { maxDepth: MAX_XML_DEPTH },
    );
  }
  const document = child(tree, 'Document');
  const statementRoot = child(document, 'BkToCstmrStmt');
  const notificationRoot = child(document, 'BkToCstmrDbtCdtNtfctn');
  const kind: CamtKind | null = statementRoot ? 'camt.053' : notificationRoot ? 'camt.054' : null;
  if (!kind) {
    throw invalid(
      'bank_files.unknown_format',
      'This is not a camt.053 bank statement nor a camt.054 notification (no Document/BkToCstmrStmt or Document/BkToCstmrDbtCdtNtfctn element).',
    );
  }
  const root = statementRoot ?? notificationRoot;
  const messageVersion =
    /urn:iso:std:iso:20022:tech:xsd:(camt\.05[34]\.\d{3}\.\d{2})/.exec(xml.slice(0, 4096))?.[1] ?? null;
  const messageId = text(root, 'GrpHdr', 'MsgId');
  if (!messageId)
    throw invalid('bank_files.field_missing', 'The file has no message identification (GrpHdr/MsgId).', {
      field: 'GrpHdr/MsgId',
    });
  const createdAt = text(root, 'GrpHdr', 'CreDtTm');

  const statements: ParsedStatementFile['statements'] = [];
  const lines: StatementLine[] = [];
  const blocks = list(root, kind === 'camt.053' ? 'Stmt' : 'Ntfctn');
  blocks.forEach((block, blockIndex) => {
    const statementId = text(block, 'Id') ?? `${blockIndex + 1}`;
    const accountIban = text(block, 'Acct', 'Id', 'IBAN')?.replace(/\s+/g, '').toUpperCase() ?? null;
    const accountCurrency = text(block, 'Acct', 'Ccy');
    if (accountCurrency && accountCurrency !== 'EUR') {
      throw invalid(
        'bank_files.currency_not_eur',
        `Statement ${statementId}: the account is kept in ${accountCurrency}; Accord takes euro accounts only.`,
        { statementId, currency: accountCurrency },
      );
    }
    const before = lines.length;
    list(block, 'Ntry').forEach((entry, entryIndex) => {
      lines.push(...entryLines(entry, { messageId, statementId, accountIban, entryNumber: entryIndex + 1 }));
      if (lines.length > MAX_STATEMENT_LINES) {
        throw invalid(
          'bank_files.too_many_lines',
          `The file has more than ${MAX_STATEMENT_LINES} transactions: ask the bank for daily statements or split it.`,
          { limit: MAX_STATEMENT_LINES },
        );
      }
    });
    statements.push({ id: statementId, accountIban, lineCount: lines.length - before });
  });
  if (statements.length === 0)
    throw invalid(
      'bank_files.field_missing',
      `The ${kind} file has no ${kind === 'camt.053' ? 'statement (Stmt)' : 'notification (Ntfctn)'}.`,
      { field: kind === 'camt.053' ? 'Stmt' : 'Ntfctn' },
    );
  return { kind, messageVersion, messageId, createdAt, statements, lines };
}

interface EntryContext {
  messageId: string;
  statementId: string;
  accountIban: string | null;
  entryNumber: number;
}

function amountOf(node: unknown, where: string, context: { statementId: string; entryNumber: number }): number | null {
  const amount = child(node, 'Amt');
  const value = text(node, 'Amt');
  if (value === null) return null;
  const currency = amount && typeof amount === 'object' ? ((amount as Node)['@_Ccy'] as string | undefined) : undefined;
  if (currency !== 'EUR') {
    throw invalid(
      'bank_files.currency_not_eur',
      `${where}: the amount ${value} is in ${currency ?? 'no stated currency'}; Accord takes euro amounts only.`,
      { ...context, currency: currency ?? null },
    );
  }
  const parsed = parseAmountCents(value);
  if ('problem' in parsed) {
    const why =
      parsed.problem === 'amount.too_many_decimals'
        ? 'has more than two decimals'
        : parsed.problem === 'amount.zero'
          ? 'is zero'
          : parsed.problem === 'amount.too_large'
            ? 'is too large'
            : 'is not a decimal amount';
    throw invalid(
      'bank_files.amount_invalid',
      `${where}: the amount "${value}" ${why}; a euro amount has at most two decimals, like 1234.50.`,
      { ...context, value, problem: parsed.problem },
    );
  }
  return parsed.cents;
}

function dateOf(node: unknown, element: string, where: string, context: EntryContext): string | null {
  const value = text(node, element, 'Dt') ?? text(node, element, 'DtTm');
  if (value === null) return null;
  if (!isCalendarDate(value)) {
    throw invalid('bank_files.date_invalid', `${where}: ${element} "${value}" is not a date (YYYY-MM-DD).`, {
      statementId: context.statementId,
      entryNumber: context.entryNumber,
      value,
    });
  }
  return value.slice(0, 10);
}

function entryLines(entry: unknown, context: EntryContext): StatementLine[] {
  const entryReference = text(entry, 'AcctSvcrRef') ?? text(entry, 'NtryRef');
  const where = `Statement ${context.statementId}, entry ${context.entryNumber}${entryReference ? ` (${entryReference})` : ''}`;
  const position = { statementId: context.statementId, entryNumber: context.entryNumber };
  const entryAmount = amountOf(entry, where, position);
  if (entryAmount === null)
    throw invalid('bank_files.field_missing', `${where}: the entry has no amount (Amt).`, {
      ...position,
      field: 'Amt',
    });
  const indicator = text(entry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    throw invalid(
      'bank_files.field_missing',
      `${where}: the credit/debit indicator (CdtDbtInd) must be CRDT or DBIT.`,
      { ...position, field: 'CdtDbtInd' },
    );
  }
  const reversal = text(entry, 'RvslInd') === 'true';
  const status = text(entry, 'Sts') ?? text(entry, 'Sts', 'Cd') ?? 'BOOK';
  const bookingDate = dateOf(entry, 'BookgDt', where, context);
  const valueDate = dateOf(entry, 'ValDt', where, context);
  const domain = text(entry, 'BkTxCd', 'Domn', 'Cd');
  const family = text(entry, 'BkTxCd', 'Domn', 'Fmly', 'Cd');
  const subFamily = text(entry, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd');
  const bankTransactionCode = domain
    ? [domain, family, subFamily].filter(Boolean).join('/')
    : text(entry, 'BkTxCd', 'Prtry', 'Cd');

  const details = list(entry, 'NtryDtls').flatMap((block) => list(block, 'TxDtls'));
  const transactions = details.length > 0 ? details : [undefined];
  const amounts = transactions.map((tx, index) => {
    const txWhere = `${where}, transaction ${index + 1}`;
    const own =
      tx === undefined
        ? null
        : (amountOf(tx, txWhere, position) ?? amountOf(child(tx, 'AmtDtls', 'TxAmt'), txWhere, position));
    if (own !== null) return own;
    if (transactions.length === 1) return entryAmount;
    throw invalid('bank_files.field_missing', `${txWhere}: a batch entry's transaction has no amount.`, {
      ...position,
      field: 'TxDtls/Amt',
    });
  });
  const total = amounts.reduce((sum, cents) => sum + cents, 0);
  if (total !== entryAmount) {
    throw invalid(
      'bank_files.batch_total_mismatch',
      `${where}: the transactions add up to ${total} cents but the entry says ${entryAmount}.`,
      { ...position, entryCents: entryAmount, transactionsCents: total },
    );
  }

  return transactions.map((tx, index): StatementLine => {
    const returnReason = text(tx, 'RtrInf', 'Rsn', 'Cd') ?? text(tx, 'RtrInf', 'Rsn', 'Prtry');
    const isReturn =
      indicator === 'DBIT' &&
      (reversal || child(tx, 'RtrInf') !== undefined || subFamily === 'UPDD' || subFamily === 'PRDD');
    const kind: LineKind = indicator === 'CRDT' && !reversal ? 'credit' : isReturn ? 'return' : 'debit';
    const txReference = text(tx, 'Refs', 'AcctSvcrRef');
    const reference =
      txReference ??
      (entryReference ? (transactions.length > 1 ? `${entryReference}#${index + 1}` : entryReference) : null);
    const account = context.accountIban ?? '-';
    const identity = reference
      ? `${account}/${reference}`
      : `${account}/${context.messageId}/${context.statementId}/${context.entryNumber}/${index + 1}`;
    const unstructured = list(tx, 'RmtInf', 'Ustrd')
      .map((value) => text({ v: value }, 'v'))
      .filter((value): value is string => value !== null);
    const creditorReference =
      list(tx, 'RmtInf', 'Strd')
        .flatMap((structured) => list(structured, 'CdtrRefInf'))
        .map((info) => text(info, 'Ref'))
        .find((value): value is string => value !== null) ?? null;
    const debtorIban = text(tx, 'RltdPties', 'DbtrAcct', 'Id', 'IBAN');
    const endToEndId = text(tx, 'Refs', 'EndToEndId');
    return {
      identity,
      entryNumber: context.entryNumber,
      transactionNumber: index + 1,
      statementId: context.statementId,
      accountIban: context.accountIban,
      kind,
      status,
      reversalIndicator: reversal,
      amountCents: amounts[index]!,
      bookingDate,
      valueDate,
      endToEndId: endToEndId === 'NOTPROVIDED' ? null : endToEndId,
      accountServicerReference: reference,
      mandateId: text(tx, 'Refs', 'MndtId') ?? text(tx, 'RltdPties', 'MndtId'),
      remittanceText: unstructured.length > 0 ? unstructured.join(' ') : null,
      creditorReference,
      debtorName: text(tx, 'RltdPties', 'Dbtr', 'Nm') ?? text(tx, 'RltdPties', 'Dbtr', 'Pty', 'Nm'),
      debtorIban: debtorIban ? debtorIban.replace(/\s+/g, '').toUpperCase() : null,
      returnReason: kind === 'return' ? returnReason : null,
      bankTransactionCode,
    };
  });
}
