import { sql } from 'kysely';
import { appendAuditMany, SYSTEM_ACTOR } from '../audit/append.js';
import { agencyToday, DAY_MS, localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { detectSignals, DISMISSAL_QUIET_DAYS, RECENT_DAYS, type SignalFacts } from './core/signals.js';
import type { SignalKind } from './core/vocabulary.js';

/** Facts this recent make a debtor worth looking at again (a night the job does not run is caught up). */
export const FRESH_DAYS = 7;

interface FactRow {
  debtor_id: string;
  assessed_on: string | null;
  capacity_cents: number | null;
  resources_cents: number | null;
  household_rsa_cents: number | null;
  life_events: { kind: 'hardship' | 'bereavement'; caseId: string; at: string }[] | null;
  broken: { caseId: string; dueOn: string }[] | null;
  live: boolean;
  open_kinds: SignalKind[] | null;
  dismissed: { kind: SignalKind; at: string }[] | null;
}

/**
 * Signal detection over the debtors with fresh facts (a budget recorded, a hardship or bereavement outcome, a promise broken in the
 * last FRESH_DAYS): their facts in one statement, the pure detection (core/signals.ts), the suggestions inserted as
 * open signals (the unique index of open signals makes a second run add nothing), audited in one batch. Never a record.
 */
export async function detectCareSignals(deps: Deps): Promise<{ debtorsLooked: number; signalsOpened: number }> {
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(now, deps.config);
  const fresh = new Date(now.getTime() - FRESH_DAYS * DAY_MS);
  const recent = new Date(now.getTime() - (RECENT_DAYS + 1) * DAY_MS);
  const quiet = new Date(now.getTime() - (DISMISSAL_QUIET_DAYS + 1) * DAY_MS);
  const { rows } = await sql<FactRow>`
    with fresh as (
      select debtor_id from debtor_assessments where recorded_at >= ${fresh}
      union select c.debtor_id from call_records r join cases c on c.id = r.case_id
        where r.result in ('hardship', 'bereavement') and r.recorded_at >= ${fresh}
      union select debtor_id from promises where status = 'broken' and resolved_at >= ${fresh}
    )
    select f.debtor_id, a.assessed_on::text as assessed_on, a.capacity_cents,
      (a.result->>'resourcesCents')::bigint as resources_cents,
      (a.result->>'householdRsaCents')::bigint as household_rsa_cents,
      (select json_agg(json_build_object('kind', r.result, 'caseId', r.case_id, 'at', r.recorded_at))
        from call_records r join cases c on c.id = r.case_id
        where c.debtor_id = f.debtor_id and r.result in ('hardship', 'bereavement')
          and r.recorded_at >= ${recent}) as life_events,
      (select json_agg(json_build_object('caseId', p.case_id, 'dueOn', p.due_on::text))
        from promises p where p.debtor_id = f.debtor_id and p.status = 'broken') as broken,
      exists (select 1 from vulnerabilities v where v.debtor_id = f.debtor_id and v.status <> 'ended') as live,
      (select json_agg(s.kind) from vulnerability_signals s
        where s.debtor_id = f.debtor_id and s.status = 'open') as open_kinds,
      (select json_agg(json_build_object('kind', s.kind, 'at', s.decided_at)) from vulnerability_signals s
        where s.debtor_id = f.debtor_id and s.status = 'dismissed' and s.decided_at >= ${quiet}) as dismissed
    from fresh f
    left join lateral (
      select assessed_on, capacity_cents, result from debtor_assessments
      where debtor_id = f.debtor_id order by version desc limit 1
    ) a on true
    order by f.debtor_id`.execute(deps.db);
  const found = rows.flatMap((row) =>
    detectSignals(factsOf(row, zone), today).map((suggestion) => ({ debtorId: row.debtor_id, ...suggestion })),
  );
  if (found.length === 0) return { debtorsLooked: rows.length, signalsOpened: 0 };
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('vulnerability_signals')
      .values(
        found.map((signal) => ({
          debtor_id: signal.debtorId,
          case_id: signal.caseId,
          kind: signal.kind,
          reasons: JSON.stringify(signal.reasons),
          detected_at: now,
        })),
      )
      .onConflict((conflict) => conflict.columns(['debtor_id', 'kind']).where('status', '=', 'open').doNothing())
      .returning(['id', 'debtor_id', 'kind'])
      .execute();
    await appendAuditMany(
      trx,
      inserted.map((signal) => ({
        actor: SYSTEM_ACTOR,
        action: 'care.signal_detected',
        targetType: 'debtor',
        targetId: signal.debtor_id,
        after: { signalId: signal.id, kind: signal.kind },
        at: now,
      })),
    );
    return { debtorsLooked: rows.length, signalsOpened: inserted.length };
  });
}

function factsOf(row: FactRow, zone: string): SignalFacts {
  const day = (at: string) => localDateOf(new Date(at), zone);
  return {
    budget:
      row.assessed_on === null
        ? null
        : {
            assessedOn: row.assessed_on,
            capacityCents: Number(row.capacity_cents),
            resourcesCents: row.resources_cents === null ? null : Number(row.resources_cents),
            householdRsaCents: row.household_rsa_cents === null ? null : Number(row.household_rsa_cents),
          },
    // The calls that ended in `hardship` or `bereavement` (call-plan.ts).
    lifeEvents: (row.life_events ?? []).map((event) => ({ kind: event.kind, on: day(event.at), caseId: event.caseId })),
    brokenPromises: (row.broken ?? []).map((promise) => ({ dueOn: promise.dueOn, caseId: promise.caseId })),
    hasLiveRecord: row.live,
    openKinds: row.open_kinds ?? [],
    dismissed: (row.dismissed ?? []).map((dismissal) => ({ kind: dismissal.kind, on: day(dismissal.at) })),
  };
}
