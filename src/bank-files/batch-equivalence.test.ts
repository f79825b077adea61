import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyAuditTrail } from '../audit/verify.js';
import type { Actor } from '../identity/actor.js';
import { importStatement } from './import-statement.js';
import type { SettleHow } from './settle-lines.js';

/**
 * The import records a statement's credits in batches (set-based, several lines a transaction); a person's assignment
 * records one line in its own transaction through the payment service. The same statement on the same cases must end
 * the same either way, line for line: statuses, payments, ledger entries, claims, cases, timelines and audit entries.
 */

/** Each world: its cases by number, each with one claim of 1,000.00 (case 4 is closed before the statement). */
const CASES = [1, 2, 3, 4, 5, 6, 7] as const;

interface World {
  name: string;
  year: string;
  caseIds: Map<number, string>;
}

/** A credit (or a debit, or an entry not booked) of the statement: its amount, reference, text and day. */
interface Line {
  cents: number;
  ref: string;
  text: string;
  day?: string;
  debit?: boolean;
  pending?: boolean;
}

/** The varied statement of a world: its case references are `ACC-<year>-71000<n>`. */
function statementLines(world: World): Line[] {
  const ref = (n: number) => `ACC-${world.year}-71000${n}`;
  return [
    { cents: 10_000, ref: 'R1', text: `Dossier ${ref(1)}` },
    { cents: 30_000, ref: 'R2', text: `Remboursement ${ref(2)}` },
    // Overpaid: the case closes as paid, and the next credit finds it closed.
    { cents: 120_000, ref: 'R3', text: `Solde ${ref(3)}` },
    { cents: 20_000, ref: 'R4', text: `Suite ${ref(2)}` },
    { cents: 5_000, ref: 'R5', text: `Encore ${ref(3)}` },
    // A case closed before the statement.
    { cents: 7_000, ref: 'R6', text: `Dossier ${ref(4)}` },
    // Dated before the case was opened: the payment service refuses it.
    { cents: 8_000, ref: 'R7', text: `Ancien ${ref(5)}`, day: '2025-12-20' },
    // Names no case.
    { cents: 9_000, ref: 'R8', text: 'Virement sans référence' },
    // The same bank transaction twice in the file.
    { cents: 10_000, ref: 'R1', text: `Dossier ${ref(1)}` },
    { cents: 4_000, ref: 'R9', text: 'Frais bancaires', debit: true },
    { cents: 6_000, ref: 'R10', text: `Dossier ${ref(1)}`, pending: true },
    // Paid exactly: the case closes.
    { cents: 100_000, ref: 'R11', text: `Paiement ${ref(6)}` },
    { cents: 12_345, ref: 'R12', text: `Acompte ${ref(7)}` },
    { cents: 1, ref: 'R13', text: `Centime ${ref(1)}` },
  ];
}

function statementXml(world: World): Buffer {
  const entries = statementLines(world).map(
    (line, index) =>
      `<Ntry><NtryRef>${index + 1}</NtryRef><Amt Ccy="EUR">${(line.cents / 100).toFixed(2)}</Amt>` +
      `<CdtDbtInd>${line.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>${line.pending ? 'PDNG' : 'BOOK'}</Sts>` +
      `<BookgDt><Dt>${line.day ?? '2026-03-05'}</Dt></BookgDt><ValDt><Dt>${line.day ?? '2026-03-05'}</Dt></ValDt>` +
      `<AcctSvcrRef>EQ-${world.name}-${line.ref}</AcctSvcrRef>` +
      `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${line.debit ? 'ICDT' : 'RCDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>` +
      `<RltdPties><Dbtr><Nm>Payeur ${index}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${line.text}</Ustrd></RmtInf>` +
      `</TxDtls></NtryDtls></Ntry>`,
  );
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
      `<GrpHdr><MsgId>EQ-${world.name}</MsgId><CreDtTm>2026-03-05T22:00:00+01:00</CreDtTm></GrpHdr>` +
      `<Stmt><Id>EQ-${world.name}</Id><CreDtTm>2026-03-05T22:00:00+01:00</CreDtTm>` +
      `<Acct><Id><IBAN>FR7630006000010001234560183</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries.join('')}` +
      `</Stmt></BkToCstmrStmt></Document>`,
  );
}

describe.each(ENGINES)('statement batches against line by line on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;

  async function makeWorld(name: string, year: string): Promise<World> {
    const db = t.deps.db;
    const creditor = await db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    const mandate = await db
      .selectFrom('mandates')
      .select('id')
      .where('creditor_id', '=', creditor.id)
      .executeTakeFirstOrThrow();
    const caseIds = new Map<number, string>();
    for (const n of CASES) {
      const debtor = await db
        .insertInto('debtors')
        .values({ kind: 'person', first_name: 'Lot', last_name: `${name}-${n}`, language: 'fr' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const closed = n === 4;
      const created = await db
        .insertInto('cases')
        .values({
          reference: `ACC-${year}-71000${n}`,
          creditor_id: creditor.id,
          mandate_id: mandate.id,
          debtor_id: debtor.id,
          stage: closed ? 'closed' : 'amicable',
          status: closed ? 'closed' : 'open',
          closed_on: closed ? '2026-02-01' : null,
          close_reason: closed ? 'recalled' : null,
          opened_on: '2026-01-05',
          balance_cents: closed ? 0 : 100_000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('claims')
        .values({
          case_id: created.id,
          creditor_id: creditor.id,
          reference: `EQ-${name}-${n}`,
          contract_type: 'consumer_credit',
          principal_cents: 90_000,
          interest_cents: 7_000,
          fees_cents: 3_000,
          default_on: '2025-06-01',
          status: closed ? 'recalled' : 'open',
        })
        .execute();
      caseIds.set(n, created.id);
    }
    return { name, year, caseIds };
  }

  /** Everything the import left for a world, with its ids replaced by what they stand for. */
  async function outcome(world: World, importId: string) {
    const db = t.deps.db;
    const caseNumber = new Map([...world.caseIds].map(([n, id]) => [id, n]));
    const ids = [...world.caseIds.values()];
    const lines = await db
      .selectFrom('bank_statement_lines')
      .selectAll()
      .where('import_id', '=', importId)
      .orderBy('line_number')
      .execute();
    const lineOf = new Map(lines.map((line) => [line.id, line.line_number]));
    const payments = await db.selectFrom('payments').selectAll().where('case_id', 'in', ids).execute();
    const paymentLine = new Map(lines.filter((l) => l.payment_id).map((l) => [l.payment_id!, l.line_number]));
    const entries = await db
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_transactions as x', 'x.id', 'e.transaction_id')
      .leftJoin('claims as cl', 'cl.id', 'e.claim_id')
      .select(['x.payment_id', 'x.kind', 'e.account', 'e.amount_cents', 'e.component', 'cl.case_id'])
      .where(
        'x.payment_id',
        'in',
        payments.map((p) => p.id),
      )
      .execute();
    const cases = await db
      .selectFrom('cases')
      .select(['id', 'status', 'stage', 'close_reason', 'closed_on', 'balance_cents'])
      .where('id', 'in', ids)
      .execute();
    const claims = await db
      .selectFrom('claims')
      .select(['case_id', 'status', 'settled_principal_cents', 'settled_interest_cents', 'settled_fees_cents'])
      .where('case_id', 'in', ids)
      .execute();
    const events = await db
      .selectFrom('case_events')
      .select(['case_id', 'kind', 'summary_key', 'summary_params'])
      .where('case_id', 'in', ids)
      .execute();
    const targets = new Map<string, string>([
      ...[...world.caseIds].map(([n, id]): [string, string] => [id, `case ${n}`]),
      ...payments.map((p): [string, string] => [p.id, `payment of line ${paymentLine.get(p.id)}`]),
      [importId, 'import'],
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'target_type', 'target_id'])
      .where('target_id', 'in', [...targets.keys()])
      .execute();
    const sorted = (rows: string[]) => rows.sort();
    return {
      lines: lines.map((l) => ({
        line: l.line_number,
        kind: l.kind,
        status: l.status,
        reason: l.reason,
        confidence: l.confidence,
        case: l.case_id ? caseNumber.get(l.case_id) : null,
        duplicateOf: l.duplicate_of ? lineOf.get(l.duplicate_of) : null,
        paid: l.payment_id !== null,
      })),
      payments: sorted(
        payments.map((p) =>
          JSON.stringify({
            line: paymentLine.get(p.id),
            case: caseNumber.get(p.case_id),
            cents: p.amount_cents,
            channel: p.channel,
            on: p.received_on,
            status: p.status,
            source: p.source,
            key: p.idempotency_key.replace(world.name, '<world>'),
          }),
        ),
      ),
      entries: sorted(
        entries.map((e) =>
          JSON.stringify([
            paymentLine.get(e.payment_id!),
            e.kind,
            e.account,
            e.amount_cents,
            e.component,
            e.case_id ? caseNumber.get(e.case_id) : null,
          ]),
        ),
      ),
      cases: sorted(cases.map((c) => JSON.stringify({ ...c, id: caseNumber.get(c.id) }))),
      claims: sorted(claims.map((c) => JSON.stringify({ ...c, case_id: caseNumber.get(c.case_id) }))),
      events: sorted(
        events.map((e) => {
          const { receiptNumber: _receipt, ...params } = (e.summary_params ?? {}) as Record<string, unknown>;
          return JSON.stringify([caseNumber.get(e.case_id), e.kind, e.summary_key, params]);
        }),
      ),
      audit: sorted(audit.map((a) => `${a.action} ${a.target_type} ${targets.get(a.target_id!)}`)),
    };
  }

  async function run(world: World, how: SettleHow) {
    const { report } = await importStatement(
      t.deps,
      actor,
      { body: statementXml(world), fileName: `${world.name}.xml` },
      null,
      how,
    );
    return { counts: report.counts, ...(await outcome(world, report.id)) };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    t.clock.now = new Date('2026-03-06T09:00:00Z');
    const user = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'manager')
      .executeTakeFirstOrThrow();
    actor = {
      userId: user.id,
      role: user.role,
      creditorId: null,
      displayName: user.display_name,
      email: user.email,
      locale: 'fr',
    };
  });
  afterAll(async () => t?.close());

  it('records a varied statement in batches exactly as line by line', async () => {
    const batched = await run(await makeWorld('BATCH', '2031'), 'batches');
    const oneByOne = await run(await makeWorld('LINES', '2032'), 'lines');
    expect(batched).toEqual(oneByOne);
    // The statement covers what it should: recorded lines (one on a case its earlier line closed), queued ones (a case
    // closed before, a date the payment service refuses, no case named), ignored ones (a duplicate, a debit, not booked).
    expect(batched.counts).toEqual({ recorded: 8, queued: 3, ignored: 3 });
    expect(batched.lines.map((line) => line.reason)).toContain('refused:payments.received_before_case');
    expect(batched.cases.filter((c) => c.includes('"close_reason":"paid"'))).toHaveLength(2);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });
});
