import type { Kysely, Selectable, Transaction } from 'kysely';
import { appendCaseEvent } from '../cases/append-case-event.js';
import type { RecordText } from '../cases/core/record-texts.js';
import { contactAdaptationsSchema } from '../contact-policy/core/adaptations.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { DB } from '../platform/db/schema.js';
import type { BreathingSpaceView, SignalView, VulnerabilityView } from './contract.js';
import { breathingSpaceDays } from './core/breathing-space.js';
import type { Driver, SignalKind } from './core/vocabulary.js';

type Db = Kysely<DB> | Transaction<DB>;
export type VulnerabilityRow = Selectable<DB['vulnerabilities']>;

/** Adaptations as stored (jsonb), read back through their schema so a missing field takes its default. */
export function adaptationsOf(value: unknown): VulnerabilityView['adaptations'] {
  const parsed = contactAdaptationsSchema.safeParse(typeof value === 'string' ? JSON.parse(value) : (value ?? {}));
  return parsed.success ? parsed.data : contactAdaptationsSchema.parse({});
}

/** A record locked for a change, or undefined. */
export async function lockRecord(trx: Transaction<DB>, id: string): Promise<VulnerabilityRow | undefined> {
  return trx.selectFrom('vulnerabilities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A debtor's records, newest first, each with its reviews, as people with need-to-know read them. */
export async function recordViews(db: Db, debtorId: string, only?: string): Promise<VulnerabilityView[]> {
  let query = db
    .selectFrom('vulnerabilities as v')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .selectAll('v')
    .select('u.display_name as recorded_by_name')
    .where('v.debtor_id', '=', debtorId);
  if (only) query = query.where('v.id', '=', only);
  const rows = await query.orderBy('v.recorded_at', 'desc').limit(50).execute();
  const reviews =
    rows.length === 0
      ? []
      : await db
          .selectFrom('vulnerability_reviews as r')
          .leftJoin('users as u', 'u.id', 'r.reviewed_by')
          .selectAll('r')
          .select('u.display_name as reviewed_by_name')
          .where(
            'r.vulnerability_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('r.reviewed_at')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    debtorId: row.debtor_id,
    drivers: row.drivers as Driver[],
    note: row.note,
    adaptations: adaptationsOf(row.adaptations),
    legalBasis: row.legal_basis,
    consent: row.consent,
    consentAt: row.consent_at?.toISOString() ?? null,
    reviewOn: row.review_on,
    status: row.status,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at.toISOString(),
    signalId: row.signal_id,
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    reviews: reviews
      .filter((review) => review.vulnerability_id === row.id)
      .map((review) => ({
        id: review.id,
        outcome: review.outcome,
        reviewedAt: review.reviewed_at.toISOString(),
        reviewedBy: review.reviewed_by_name,
        reviewOnBefore: review.review_on_before,
        reviewOnAfter: review.review_on_after,
        note: review.note,
      })),
  }));
}

/** A debtor's signals: the open ones, and those decided in the last year, newest first. */
export async function signalViews(db: Db, debtorId: string, since: Date): Promise<SignalView[]> {
  const rows = await db
    .selectFrom('vulnerability_signals')
    .selectAll()
    .where('debtor_id', '=', debtorId)
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('decided_at', '>=', since)]))
    .orderBy('detected_at', 'desc')
    .limit(50)
    .execute();
  // What the person declared on the portal behind a signal of theirs: read only here, under need-to-know.
  const declared = rows.some((row) => row.kind === 'debtor_declaration')
    ? await db
        .selectFrom('portal_declarations')
        .select(['signal_id', 'kind', 'note', 'declared_at'])
        .where('debtor_id', '=', debtorId)
        .where(
          'signal_id',
          'in',
          rows.filter((row) => row.kind === 'debtor_declaration').map((row) => row.id),
        )
        .orderBy('declared_at', 'desc')
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    debtorId: row.debtor_id,
    caseId: row.case_id,
    kind: row.kind as SignalKind,
    declarations: declared
      .filter((declaration) => declaration.signal_id === row.id)
      .map((declaration) => ({
        kind: declaration.kind,
        note: declaration.note,
        declaredAt: declaration.declared_at.toISOString(),
      })),
    reasons: (typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) as SignalView['reasons'],
    detectedAt: row.detected_at.toISOString(),
    status: row.status,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    vulnerabilityId: row.vulnerability_id,
  }));
}

/** A debtor's breathing spaces (dated vulnerability holds), the running ones first. */
export async function breathingSpaceViews(db: Db, debtorId: string, now: Date): Promise<BreathingSpaceView[]> {
  const rows = await db
    .selectFrom('holds')
    .selectAll()
    .where('debtor_id', '=', debtorId)
    .where('kind', '=', 'vulnerability')
    .where('ends_at', 'is not', null)
    .orderBy('starts_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((row) => {
    const running = row.status === 'active' && row.ends_at!.getTime() > now.getTime();
    return {
      holdId: row.id,
      caseId: row.case_id,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at!.toISOString(),
      status: row.status,
      renewedAt: row.renewed_at?.toISOString() ?? null,
      renewalReason: row.renewal_reason,
      mayRenew: running && row.renewed_at === null,
    };
  });
}

/** The days of a breathing space: the contact policy's default pause for a vulnerability hold. */
export async function breathingSpaceDaysOf(db: Db, now: Date): Promise<number> {
  const policy = await policyInForce(db, now);
  return breathingSpaceDays(policy.document.holds.vulnerability.defaultDays);
}

/**
 * A care line on the timeline, in neutral words (the summary never names a driver or the note): on the case named,
 * or on each of the debtor's open cases when none is (a record is the person's, not one case's).
 */
export async function careTimeline(
  trx: Transaction<DB>,
  line: { debtorId: string; caseId: string | null; at: Date; actorUserId: string | null; summary: RecordText },
  data: Record<string, unknown>,
): Promise<void> {
  const cases = line.caseId
    ? [{ id: line.caseId }]
    : await trx
        .selectFrom('cases')
        .select('id')
        .where('debtor_id', '=', line.debtorId)
        .where('status', '<>', 'closed')
        .execute();
  for (const row of cases) {
    await appendCaseEvent(trx, {
      caseId: row.id,
      debtorId: line.debtorId,
      at: line.at,
      kind: 'care',
      summary: line.summary,
      actorUserId: line.actorUserId,
      data,
    });
  }
}
