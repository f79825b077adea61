import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { CaseDetail } from './contract.js';
import type { CaseEventKind } from '../cases/contract.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { instantAt } from '../platform/calendar/index.js';
import { addressView, caseSummaryView, claimView, type CaseRow } from './case-view-parts.js';

/**
 * What a creditor user reads of one of its own cases: its projection. One person has one debtor record across the
 * agency's creditors (one contact policy, one budget, no double calls), but a creditor is entitled only to what its
 * own mandate gives it (GDPR art. 5(1)(b); the agency is its processor, art. 28):
 * - its case, claims, and the events of its case that concern the creditor (placement, letters, stage, payments);
 * - the debtor as its own files named the person, and only the addresses, phones and e-mails its files supplied;
 * - holds as a neutral "collection suspended until …": never their kind nor their reason (a health, a bereavement,
 *   another creditor's dispute or an over-indebtedness file are not its business); a vulnerability record in force
 *   as a neutral "collection adapted until <its review day>", never its drivers, note or adaptations;
 * - nothing learnt from another creditor's file, from the debtor about another case, or from the agency's work on
 *   the person (verified, wrong or opted-out numbers, notes, calls, budgets, plans).
 * Every creditor read of a case goes through here (getCase dispatches on the role), so a new field of the staff view
 * never reaches a creditor by accident.
 */

/**
 * The timeline kinds a creditor reads: the kind alone, its name in the reader's language, with no summary. Not
 * `judicial`: the creditor reads its procedure's state from the procedure (judicial/procedure-view.ts), whose acts,
 * partner and costs are the agency's; a partner's payment reaches it as its `payment` line.
 */
const CREDITOR_EVENT_KINDS: readonly CaseEventKind[] = [
  'placement',
  'letter',
  'stage_change',
  'payment',
  'payment_reported',
  'payment_reversed',
];

/** The neutral kind every hold takes in a creditor's projection. */
export const CREDITOR_HOLD_KIND = 'collection_suspended';
/** The neutral kind a vulnerability record in force takes in a creditor's projection (issue 16). */
export const CREDITOR_ADAPTED_KIND = 'collection_adapted';

export async function creditorCaseView(db: Kysely<DB>, found: CaseRow, agencyZone: string): Promise<CaseDetail> {
  const [debtor, claims, events, holds, stages, adapted] = await Promise.all([
    creditorDebtorView(db, found),
    db.selectFrom('claims').selectAll().where('case_id', '=', found.id).orderBy('default_on').execute(),
    db
      .selectFrom('case_events')
      .select(['id', 'occurred_at', 'kind', 'channel', 'direction'])
      .where('case_id', '=', found.id)
      .where('kind', 'in', CREDITOR_EVENT_KINDS)
      .orderBy('occurred_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(200)
      .execute(),
    // Holds on the person suspend every creditor's collection; the creditor reads only that, and until when.
    db
      .selectFrom('holds')
      .select(['id', 'status', 'starts_at', 'ends_at'])
      .where('debtor_id', '=', found.debtor_id)
      .where('status', '=', 'active')
      .orderBy('starts_at', 'desc')
      .execute(),
    db
      .selectFrom('case_stage_history')
      .select(['from_stage', 'to_stage', 'changed_at'])
      .where('case_id', '=', found.id)
      .orderBy('changed_at')
      .execute(),
    // A vulnerability record adapts every creditor's collection; the creditor reads only that, and until when.
    db
      .selectFrom('vulnerabilities')
      .select([(eb) => eb.fn.min('recorded_at').as('since'), (eb) => eb.fn.max('review_on').as('until')])
      .where('debtor_id', '=', found.debtor_id)
      .where('status', '<>', 'ended')
      .executeTakeFirstOrThrow(),
  ]);
  const adaptedLine =
    adapted.since === null || adapted.until === null
      ? []
      : [
          {
            id: `${found.debtor_id}:${CREDITOR_ADAPTED_KIND}`,
            kind: CREDITOR_ADAPTED_KIND,
            reason: null,
            restricted: true,
            status: 'active' as const,
            startsAt: new Date(adapted.since).toISOString(),
            endsAt: instantAt(String(adapted.until), agencyZone).toISOString(),
            reviewAt: null,
          },
        ];
  return {
    ...caseSummaryView(found),
    debtor,
    claims: claims.map(claimView),
    holds: holds
      .map((h) => ({
        id: h.id,
        kind: CREDITOR_HOLD_KIND,
        reason: null,
        restricted: true,
        status: h.status,
        startsAt: h.starts_at.toISOString(),
        endsAt: h.ends_at?.toISOString() ?? null,
        reviewAt: null,
      }))
      .concat(adaptedLine),
    stageHistory: stages.map((s) => ({
      fromStage: s.from_stage,
      toStage: s.to_stage,
      changedAt: s.changed_at.toISOString(),
      reason: null,
      legacyReason: null,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      occurredAt: e.occurred_at.toISOString(),
      kind: e.kind,
      channel: e.channel,
      direction: e.direction,
      outcome: null,
      summary: null,
      legacySummary: null,
    })),
  };
}

/** The debtor as the creditor's own files named the person, with only the addresses and contacts they supplied. */
async function creditorDebtorView(db: Kysely<DB>, found: CaseRow): Promise<CaseDetail['debtor']> {
  const creditorId = found.creditor_id;
  const [debtor, identity, addresses, contactPoints] = await Promise.all([
    db
      .selectFrom('debtors')
      .select(['id', 'kind', 'language'])
      .where('id', '=', found.debtor_id)
      .executeTakeFirstOrThrow(),
    // The identity its own file gave: the latest of its references to this person.
    db
      .selectFrom('debtor_references')
      .select(['first_name', 'last_name', 'company_name', 'birth_date'])
      .where('creditor_id', '=', creditorId)
      .where('debtor_id', '=', found.debtor_id)
      // Placement ids are time-ordered; a reference from before provenance has none and comes last.
      .orderBy(sql`placement_id desc nulls last`)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('debtor_addresses')
      .innerJoin('debtor_address_sources as s', 's.address_id', 'debtor_addresses.id')
      .select(['line1', 'line2', 'postal_code', 'city', 'country', 'subdivision', 'time_zone', 's.recorded_at'])
      .where('debtor_addresses.debtor_id', '=', found.debtor_id)
      .where('s.creditor_id', '=', creditorId)
      .orderBy('s.recorded_at', 'desc')
      .execute(),
    db
      .selectFrom('debtor_contact_points')
      .innerJoin('debtor_contact_point_sources as s', 's.contact_point_id', 'debtor_contact_points.id')
      .select(['debtor_contact_points.id', 'channel', 'value', 'usage'])
      .where('debtor_contact_points.debtor_id', '=', found.debtor_id)
      .where('s.creditor_id', '=', creditorId)
      .orderBy('s.recorded_at')
      .execute(),
  ]);
  const names = {
    kind: debtor.kind,
    first_name: identity?.first_name ?? null,
    last_name: identity?.last_name ?? null,
    company_name: identity?.company_name ?? null,
  };
  return {
    id: debtor.id,
    kind: debtor.kind,
    displayName: debtorName(names),
    firstName: names.first_name,
    lastName: names.last_name,
    companyName: names.company_name,
    birthDate: identity?.birth_date ?? null,
    language: debtor.language,
    addresses: addresses.map((a, index) => ({
      ...addressView(a),
      // The latest address its files gave is the one it reads first; which address the agency writes to is the
      // agency's decision, from facts the creditor is not given.
      primary: index === 0,
    })),
    contactPoints: contactPoints.map((c) => ({ id: c.id, channel: c.channel, value: c.value, usage: c.usage })),
  };
}
