import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { assertVisible, withinScope } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { chooseLetterAddress } from '../debtors/core/letter-address.js';
import type { CaseDetail, CaseList, CaseSearch } from './contract.js';
import type { RecordTextView } from '../cases/contract.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { addressView, caseSummaryView, claimView } from './case-view-parts.js';
import { creditorCaseView } from './creditor-case-view.js';
import { CARE_EVENT_SUMMARY, holdsAsReadBy } from '../need-to-know/holds.js';

const SORTS = {
  balance_desc: ['cases.balance_cents', 'desc'],
  balance_asc: ['cases.balance_cents', 'asc'],
  opened_asc: ['cases.opened_on', 'asc'],
  opened_desc: ['cases.opened_on', 'desc'],
  reference: ['cases.reference', 'asc'],
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case list within the actor's creditor scope. `q` matches a case or claim reference, or a debtor's name. */
export async function searchCases(deps: Deps, actor: Actor, search: CaseSearch): Promise<CaseList> {
  let query = deps.db
    .selectFrom('cases')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .where(withinScope(actor, 'cases.creditor_id'));
  if (search.creditorId) query = query.where('cases.creditor_id', '=', search.creditorId);
  if (search.stage) query = query.where('cases.stage', '=', search.stage);
  if (search.status) query = query.where('cases.status', '=', search.status);
  if (search.minBalanceCents !== undefined) query = query.where('cases.balance_cents', '>=', search.minBalanceCents);
  if (search.maxBalanceCents !== undefined) query = query.where('cases.balance_cents', '<=', search.maxBalanceCents);
  if (search.openedAfter) query = query.where('cases.opened_on', '>=', search.openedAfter);
  if (search.openedBefore) query = query.where('cases.opened_on', '<=', search.openedBefore);
  const q = search.q?.trim();
  if (q) {
    const prefix = `${escapeLike(q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb('cases.reference', '=', q.toUpperCase()),
        eb(eb.fn('lower', ['debtors.last_name']), 'like', prefix),
        eb(eb.fn('lower', ['debtors.company_name']), 'like', prefix),
        eb.exists(
          eb
            .selectFrom('claims')
            .select(sql.lit(1).as('one'))
            .whereRef('claims.case_id', '=', 'cases.id')
            .where('claims.reference', '=', q),
        ),
      ]),
    );
  }
  const [column, direction] = SORTS[search.sort];
  const rows = await query
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.status',
      'cases.balance_cents',
      'cases.currency',
      'cases.opened_on',
      'cases.creditor_id',
      'creditors.name as creditor_name',
      'debtors.id as debtor_id',
      'debtors.kind as debtor_kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
    ])
    .orderBy(column, direction)
    .orderBy('cases.id')
    .limit(search.limit + 1)
    .offset(search.offset)
    .execute();
  const hasMore = rows.length > search.limit;
  return {
    items: rows.slice(0, search.limit).map((row) => ({
      id: row.id,
      reference: row.reference,
      stage: row.stage,
      status: row.status,
      balanceCents: row.balance_cents,
      currency: row.currency,
      openedOn: row.opened_on,
      creditor: { id: row.creditor_id, name: row.creditor_name },
      debtor: { id: row.debtor_id, displayName: debtorName(row) },
    })),
    hasMore,
  };
}

/** Everything the case page shows, checked against the actor's creditor scope (404 outside it). */
export async function getCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const db = deps.db;
  const found = await db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
    .selectAll('cases')
    .select(['creditors.name as creditor_name', 'creditors.code as creditor_code', 'mandates.code as mandate_code'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  assertVisible(actor, found, 'The case');
  // A creditor user reads its projection, built in one place (creditor-case-view.ts), never the staff view.
  if (creditorScope(actor)) return creditorCaseView(db, found, deps.config.AGENCY_TZ);

  const [debtor, claims, events, holds, stages] = await Promise.all([
    staffDebtorView(db, found.debtor_id),
    db.selectFrom('claims').selectAll().where('case_id', '=', caseId).orderBy('default_on').execute(),
    db
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('occurred_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(200)
      .execute(),
    db.selectFrom('holds').selectAll().where('debtor_id', '=', found.debtor_id).orderBy('starts_at', 'desc').execute(),
    db.selectFrom('case_stage_history').selectAll().where('case_id', '=', caseId).orderBy('changed_at').execute(),
  ]);
  // Need-to-know (GDPR art. 9): a care hold's kind and reason only for those entitled, others see "care rule".
  const careRead = await holdsAsReadBy(deps, actor, { debtorId: found.debtor_id, caseId }, holds);

  return {
    ...caseSummaryView(found),
    debtor,
    claims: claims.map(claimView),
    holds: careRead.holds.map((h) => ({
      id: h.id,
      kind: h.kind,
      reason: h.reason,
      restricted: h.restricted,
      status: h.status,
      startsAt: h.starts_at.toISOString(),
      endsAt: h.ends_at?.toISOString() ?? null,
      reviewAt: h.review_at?.toISOString() ?? null,
    })),
    stageHistory: stages.map((s) => ({
      fromStage: s.from_stage,
      toStage: s.to_stage,
      changedAt: s.changed_at.toISOString(),
      reason: recordTextOf(s.reason_key, s.reason_params),
      legacyReason: s.reason,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurred_at.toISOString(),
      kind: e.kind,
      channel: e.channel,
      direction: e.direction,
      outcome: e.outcome,
      ...(e.kind === 'hold' && careRead.restrictedIds.has(String((e.data as { holdId?: unknown } | null)?.holdId))
        ? { summary: CARE_EVENT_SUMMARY, legacySummary: null }
        : { summary: recordTextOf(e.summary_key, e.summary_params), legacySummary: e.summary }),
    })),
  };
}

/** The debtor as agency staff read it: every address with the creditors that supplied it, every contact point. */
async function staffDebtorView(db: Deps['db'], debtorId: string): Promise<CaseDetail['debtor']> {
  const [debtor, addresses, contactPoints] = await Promise.all([
    db.selectFrom('debtors').selectAll().where('id', '=', debtorId).executeTakeFirstOrThrow(),
    db
      .selectFrom('debtor_addresses')
      .selectAll()
      .where('debtor_id', '=', debtorId)
      .orderBy('is_primary', 'desc')
      .execute(),
    db
      .selectFrom('debtor_contact_points')
      .selectAll()
      .where('debtor_id', '=', debtorId)
      .orderBy('created_at')
      .execute(),
  ]);
  // Provenance: which creditors' files supplied each address (agents read them all, with their sources).
  const suppliers = addresses.length
    ? await db
        .selectFrom('debtor_address_sources as s')
        .innerJoin('creditors', 'creditors.id', 's.creditor_id')
        .select(['s.address_id', 'creditors.id', 'creditors.name', 's.recorded_at'])
        .where(
          's.address_id',
          'in',
          addresses.map((a) => a.id),
        )
        .orderBy('s.recorded_at')
        .execute()
    : [];
  const letterAddress = chooseLetterAddress(
    addresses.map((a) => ({
      id: a.id,
      source: a.source,
      isPrimary: a.is_primary,
      createdAtMs: a.created_at.getTime(),
      verifiedAtMs: a.verified_at?.getTime() ?? null,
      undeliverableAtMs: a.undeliverable_at?.getTime() ?? null,
    })),
  );
  return {
    id: debtor.id,
    kind: debtor.kind,
    displayName: debtorName(debtor),
    firstName: debtor.first_name,
    lastName: debtor.last_name,
    companyName: debtor.company_name,
    birthDate: debtor.birth_date,
    language: debtor.language,
    addresses: addresses.map((a) => ({
      ...addressView(a),
      primary: a.is_primary,
      source: a.source,
      suppliedBy: suppliers.filter((x) => x.address_id === a.id).map((x) => ({ id: x.id, name: x.name })),
      verified: a.verified_at !== null,
      undeliverable: a.undeliverable_at !== null,
      forLetters: letterAddress?.id === a.id ? letterAddress.reason : null,
    })),
    contactPoints: contactPoints.map((c) => ({
      id: c.id,
      channel: c.channel,
      value: c.value,
      usage: c.usage,
      verified: c.verified_at !== null,
      consent: c.consent,
      optedOut: c.opted_out_at !== null,
      wrongNumber: c.wrong_number_at !== null,
    })),
  };
}

/** A stored text of the case file as the API gives it; null on a row written before texts had keys. */
function recordTextOf(key: string | null, params: unknown): RecordTextView | null {
  return key === null ? null : { key, params: params as RecordTextView['params'] };
}
