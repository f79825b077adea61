import { sql, type Transaction } from 'kysely';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { CaseTimeBarsView } from '../time-bars/contract.js';
import { CONTACT_KINDS, type HandoffFacts } from './core/handoff.js';
import type { ClaimMovement } from './core/handoff-statement.js';

/**
 * The facts of a case's handoff file, read in the build's transaction (the case row is locked by the caller): the
 * creditor's own view of the person (its files' identity and addresses, with when they were recorded), the claims
 * and every ledger movement on them, the payments, the first letter, the contacts, holds, stage history and the
 * documents the creditor may receive. The time bars come from the time-bars capability, read just before.
 */
export async function loadHandoffFacts(
  trx: Transaction<DB>,
  caseId: string,
  timeBars: CaseTimeBarsView,
  config: { AGENCY_TZ: string },
): Promise<HandoffFacts> {
  // An instant's day is the agency's (the calendar module), never the UTC date.
  const day = (at: Date) => agencyToday(at, config);
  const found = await caseRow(trx, caseId);
  const rows = await relatedRows(trx, found);
  return { ...caseFacts(found, rows.identity), ...timelineFacts(rows, timeBars, day) };
}

function caseRow(trx: Transaction<DB>, caseId: string) {
  return trx
    .selectFrom('cases')
    .innerJoin('creditors as cr', 'cr.id', 'cases.creditor_id')
    .innerJoin('mandates as m', 'm.id', 'cases.mandate_id')
    .innerJoin('debtors as d', 'd.id', 'cases.debtor_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.currency',
      'cases.opened_on',
      'cases.debtor_id',
      'cases.creditor_id',
      'cases.first_letter_reference',
      'cases.first_letter_sent_on',
      'cr.name as creditor_name',
      'cr.legal_name',
      'cr.registration_number as creditor_registration',
      'cr.address_line1',
      'cr.address_line2',
      'cr.postal_code as creditor_postal_code',
      'cr.city as creditor_city',
      'm.code as mandate_code',
      'm.kind as mandate_kind',
      'm.starts_on',
      'm.ends_on',
      'd.kind as debtor_kind',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
}
type CaseRow = Awaited<ReturnType<typeof caseRow>>;

async function relatedRows(trx: Transaction<DB>, found: CaseRow) {
  const caseId = found.id;
  const [identity, addresses, claims, movements, payments, events, stages, holds, documents] = await Promise.all([
    // The identity the creditor's own file gave: the latest of its references to this person.
    trx
      .selectFrom('debtor_references')
      .selectAll()
      .where('creditor_id', '=', found.creditor_id)
      .where('debtor_id', '=', found.debtor_id)
      .orderBy(sql`placement_id desc nulls last`)
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom('debtor_addresses as a')
      .innerJoin('debtor_address_sources as s', 's.address_id', 'a.id')
      .select(['a.line1', 'a.line2', 'a.postal_code', 'a.city', 'a.country', 'a.undeliverable_at', 's.recorded_at'])
      .where('a.debtor_id', '=', found.debtor_id)
      .where('s.creditor_id', '=', found.creditor_id)
      .orderBy('s.recorded_at', 'desc')
      .execute(),
    trx.selectFrom('claims').selectAll().where('case_id', '=', caseId).orderBy('default_on').orderBy('id').execute(),
    trx
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_transactions as t', 't.id', 'e.transaction_id')
      .innerJoin('claims as cl', 'cl.id', 'e.claim_id')
      .leftJoin('payments as p', 'p.id', 't.payment_id')
      .select(['t.kind', 't.occurred_at', 'e.claim_id', 'e.component', 'e.amount_cents', 'p.receipt_number'])
      .where('cl.case_id', '=', caseId)
      .where('e.account', '=', 'claim')
      .orderBy('t.seq')
      .execute(),
    trx
      .selectFrom('payments')
      .select(['received_on', 'receipt_number', 'channel', 'amount_cents', 'status'])
      .where('case_id', '=', caseId)
      .orderBy('received_on')
      .orderBy('receipt_number')
      .execute(),
    trx
      .selectFrom('case_events')
      .select(['occurred_at', 'kind', 'channel', 'direction', 'outcome'])
      .where('case_id', '=', caseId)
      .where('kind', 'in', CONTACT_KINDS)
      .orderBy('occurred_at')
      .orderBy('seq')
      .limit(1_000)
      .execute(),
    trx
      .selectFrom('case_stage_history')
      .select(['from_stage', 'to_stage', 'changed_at'])
      .where('case_id', '=', caseId)
      .orderBy('changed_at')
      .execute(),
    trx
      .selectFrom('holds')
      .select(['kind', 'case_id', 'status', 'starts_at', 'ends_at'])
      .where('debtor_id', '=', found.debtor_id)
      .orderBy('starts_at')
      .execute(),
    trx
      .selectFrom('case_documents')
      .select(['id', 'document_type', 'file_name', 'source', 'sha256', 'uploaded_at'])
      .where('case_id', '=', caseId)
      .where('shared_with_creditor', '=', true)
      .where('special_category', '=', false)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute(),
  ]);
  return { found, identity, addresses, claims, movements, payments, events, stages, holds, documents };
}
type Rows = Awaited<ReturnType<typeof relatedRows>>;

function caseFacts(found: CaseRow, identity: Rows['identity']) {
  return {
    case: {
      id: found.id,
      reference: found.reference,
      stage: found.stage,
      currency: found.currency,
      openedOn: found.opened_on,
    },
    creditor: {
      name: found.creditor_name,
      legalName: found.legal_name,
      registrationNumber: found.creditor_registration,
      address: [found.address_line1, found.address_line2, `${found.creditor_postal_code} ${found.creditor_city}`]
        .filter(Boolean)
        .join(', '),
    },
    mandate: {
      code: found.mandate_code,
      kind: found.mandate_kind,
      startsOn: found.starts_on,
      endsOn: found.ends_on,
    },
    debtor: {
      kind: found.debtor_kind,
      title: identity?.title ?? null,
      firstName: identity?.first_name ?? null,
      lastName: identity?.last_name ?? null,
      birthName: identity?.birth_name ?? null,
      companyName: identity?.company_name ?? null,
      registrationNumber: identity?.registration_number ?? null,
      birthDate: identity?.birth_date ?? null,
      birthPlace: identity?.birth_place ?? null,
      creditorReference: identity?.reference ?? null,
    },
  };
}

function timelineFacts(
  { found, addresses, claims, movements, payments, events, stages, holds, documents }: Rows,
  timeBars: CaseTimeBarsView,
  day: (at: Date) => string,
): Omit<HandoffFacts, 'case' | 'creditor' | 'mandate' | 'debtor'> {
  const firstLetterEvent = events.find((e) => e.kind === 'letter' && e.direction !== 'inbound');
  return {
    addresses: addresses.map((a) => ({
      line1: a.line1,
      line2: a.line2,
      postalCode: a.postal_code,
      city: a.city,
      country: a.country,
      suppliedOn: day(a.recorded_at),
      undeliverable: a.undeliverable_at !== null,
    })),
    claims: claims.map((c) => ({
      id: c.id,
      reference: c.reference,
      contractType: c.contract_type,
      originalCreditor: c.original_creditor,
      defaultOn: c.default_on,
      lastPaymentOn: c.last_payment_on,
      status: c.status,
      principalCents: c.principal_cents,
      interestCents: c.interest_cents,
      feesCents: c.fees_cents,
    })),
    movements: movements.flatMap((m): ClaimMovement[] => {
      const kind = m.kind === 'adjustment' ? 'correction' : m.kind === 'allocation' ? 'allocation' : 'reversal';
      if (m.kind !== 'adjustment' && m.kind !== 'allocation' && m.kind !== 'reversal') return [];
      return [
        {
          on: day(m.occurred_at),
          kind,
          claimId: m.claim_id!,
          component: m.component!,
          amountCents: m.amount_cents,
          receiptNumber: m.receipt_number,
        },
      ];
    }),
    payments: payments.map((p) => ({
      receivedOn: p.received_on,
      receiptNumber: p.receipt_number,
      channel: p.channel,
      amountCents: p.amount_cents,
      status: p.status,
    })),
    firstLetter:
      found.first_letter_reference && found.first_letter_sent_on
        ? { reference: found.first_letter_reference, sentOn: found.first_letter_sent_on }
        : null,
    firstTimelineLetter: firstLetterEvent ? { on: day(firstLetterEvent.occurred_at) } : null,
    contacts: events.map((e) => ({
      at: e.occurred_at.toISOString(),
      kind: e.kind,
      channel: e.channel,
      direction: e.direction,
      outcome: e.outcome,
    })),
    stageHistory: stages.map((s) => ({ from: s.from_stage, to: s.to_stage, on: day(s.changed_at) })),
    holds: holds.map((h) => ({
      kind: h.kind,
      caseId: h.case_id,
      status: h.status,
      startsOn: day(h.starts_at),
      endsOn: h.ends_at ? day(h.ends_at) : null,
    })),
    timeBars: timeBars.claims.map((c) => ({
      claimReference: c.reference,
      source: c.rule.source,
      years: c.rule.years,
      startOn: c.startOn,
      lastDay: c.lastDay,
      status: c.status,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      type: d.document_type,
      fileName: d.file_name,
      source: d.source,
      sha256: d.sha256,
      uploadedOn: day(d.uploaded_at),
    })),
  };
}
