import { changeCase } from '../cases/change-case.js';
import { queueCreditorCaseNotice } from '../cases/creditor-case-notice.js';
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import type { DebtorMatch, MatchDecision } from './contract.js';
import { getMatch } from './matches.js';

/**
 * A person's decision on a possible match. "Different people" only records it; "same person" merges the newer
 * record into the older one, in the same transaction, re-checked under row locks.
 */
export async function decideMatch(
  deps: Deps,
  actor: Actor,
  matchId: string,
  input: MatchDecision,
  requestId: string | null = null,
): Promise<DebtorMatch> {
  const now = deps.now();
  const note = input.note?.trim() || null;
  return deps.db.transaction().execute(async (trx) => {
    const match = await trx
      .selectFrom('debtor_possible_matches')
      .selectAll()
      .where('id', '=', matchId)
      .forUpdate()
      .executeTakeFirst();
    if (!match) throw notFound('The possible match');
    if (match.status !== 'open') {
      throw conflict(
        'matches.already_decided',
        `This possible match was already decided (${match.status}): reload the list to see the open ones.`,
        {
          decision: match.status,
        },
      );
    }
    let before: unknown = { status: 'open' };
    let after: Record<string, unknown> = { debtorId: match.debtor_id, candidateDebtorId: match.candidate_debtor_id };
    if (input.decision === 'same_person') {
      const merge = await mergeDebtors(trx, {
        debtorId: match.debtor_id,
        candidateId: match.candidate_debtor_id,
        matchId,
        actorUserId: actor.userId,
        now,
        today: agencyToday(now, deps.config),
      });
      ({ before, after } = merge);
    }
    await trx
      .updateTable('debtor_possible_matches')
      .set({ status: input.decision, reviewed_by: actor.userId, reviewed_at: now, note })
      .where('id', '=', matchId)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: `debtor_match.${input.decision}`,
      targetType: 'debtor_match',
      targetId: matchId,
      before,
      after: { status: input.decision, ...after, note },
      requestId,
      at: now,
    });
    return getMatch(trx, matchId);
  });
}

interface MergeInput {
  debtorId: string;
  candidateId: string;
  matchId: string;
  actorUserId: string;
  now: Date;
  /** The agency's today: the closing day of an emptied case. */
  today: IsoDate;
}

const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);

/** Moves everything of the newer record to the older one (the survivor) and marks the newer one merged. */
async function mergeDebtors(trx: Transaction<DB>, p: MergeInput) {
  const pair = await lockPair(trx, p);
  const { survivorId, mergedId } = pair;
  const casesOf = (debtorId: string) =>
    trx
      .selectFrom('cases')
      .select(['id', 'reference', 'creditor_id', 'stage', 'status'])
      .where('debtor_id', '=', debtorId)
      .orderBy('reference')
      .execute();
  const [survivorCases, mergedCases] = await Promise.all([casesOf(survivorId), casesOf(mergedId)]);
  const before = {
    survivorId,
    mergedId,
    survivorCaseIds: survivorCases.map((c) => c.id),
    mergedCaseIds: mergedCases.map((c) => c.id),
  };

  // 1. Both have an open case with the same creditor: the merged record's claims join the survivor's case, whose
  //    balance is rebuilt from its open claims, and the emptied case closes as merged.
  const combined = await combineCases(trx, p, survivorCases, mergedCases);
  // 2. Everything else of the merged record moves to the survivor.
  const moved = await moveRecords(trx, pair);
  await moveContactHistory(trx, pair);
  const facts = await moveAddressesAndContactPoints(trx, pair);
  const completed = await completeSurvivor(trx, pair, p.now);
  // 3. The merged record's other open matches: one pairing it with the survivor is decided by this one; the
  //    others now concern the survivor, unless that pair is already recorded.
  const matches = await carryOverMatches(trx, pair, p);

  return {
    before,
    after: {
      survivorId,
      mergedId,
      mergedInto: survivorId,
      casesCombined: combined,
      survivorIdentityCompleted: completed,
      counts: { ...moved, ...facts, claimsMoved: combined.reduce((sum, c) => sum + c.claimsMoved, 0) },
      matchesClosed: matches.closed,
      matchesRepointed: matches.repointed,
      matchesDeleted: matches.deleted,
    },
  };
}

interface MergePair {
  survivorId: string;
  mergedId: string;
}
type CaseOfPair = { id: string; reference: string; creditor_id: string; stage: string; status: string };

/** Both records locked, neither merged already; the older one survives. */
async function lockPair(trx: Transaction<DB>, p: MergeInput): Promise<MergePair> {
  const locked = await trx
    .selectFrom('debtors')
    .select(['id', 'created_at', 'merged_into'])
    .where('id', 'in', [p.debtorId, p.candidateId])
    .orderBy('id')
    .forUpdate()
    .execute();
  const debtor = locked.find((d) => d.id === p.debtorId);
  const candidate = locked.find((d) => d.id === p.candidateId);
  if (!debtor || !candidate) throw notFound('A debtor of this possible match');
  for (const d of [debtor, candidate]) {
    if (d.merged_into !== null) {
      throw conflict(
        'matches.debtor_already_merged',
        'One of these two records was already merged into another one: reload the list and decide on the remaining matches.',
        {
          debtorId: d.id,
          mergedInto: d.merged_into,
        },
      );
    }
  }
  const candidateFirst = candidate.created_at.getTime() <= debtor.created_at.getTime();
  const survivorId = candidateFirst ? candidate.id : debtor.id;
  const mergedId = candidateFirst ? debtor.id : candidate.id;
  return { survivorId, mergedId };
}

async function combineCases(
  trx: Transaction<DB>,
  p: MergeInput,
  survivorCases: CaseOfPair[],
  mergedCases: CaseOfPair[],
) {
  const combined: { from: string; into: string; claimsMoved: number }[] = [];
  for (const from of mergedCases.filter((c) => c.status !== 'closed')) {
    const into = survivorCases.find((c) => c.status !== 'closed' && c.creditor_id === from.creditor_id);
    if (!into) continue;
    const moved = await trx
      .updateTable('claims')
      .set({ case_id: into.id, updated_at: p.now })
      .where('case_id', '=', from.id)
      .executeTakeFirst();
    await trx.updateTable('holds').set({ case_id: into.id }).where('case_id', '=', from.id).execute();
    await sql`
      update cases set balance_cents = greatest(0, coalesce((
        select sum(principal_cents + interest_cents + fees_cents - settled_principal_cents - settled_interest_cents - settled_fees_cents)
        from claims where case_id = ${into.id} and status = 'open'), 0)),
        updated_at = ${p.now}
      where id = ${into.id}`.execute(trx);
    await changeCase(trx, {
      caseId: from.id,
      change: { reason: 'merged', intoCaseReference: into.reference },
      actorUserId: p.actorUserId,
      now: p.now,
      today: p.today,
    });
    await queueCreditorCaseNotice(trx, {
      creditorId: from.creditor_id,
      caseId: from.id,
      event: 'case.closed',
      payload: { caseReference: from.reference, closeReason: 'merged', closedOn: p.today, mergedInto: into.reference },
      at: p.now,
    });
    combined.push({ from: from.id, into: into.id, claimsMoved: count(moved) });
  }
  return combined;
}

async function moveRecords(trx: Transaction<DB>, { survivorId, mergedId }: MergePair) {
  const move = (table: 'debtor_references' | 'cases' | 'holds' | 'case_events') =>
    trx.updateTable(table).set({ debtor_id: survivorId }).where('debtor_id', '=', mergedId).executeTakeFirst();
  const references = await move('debtor_references');
  const cases = await move('cases');
  const holds = await move('holds');
  const events = await move('case_events');
  return { references: count(references), cases: count(cases), holds: count(holds), caseEvents: count(events) };
}

async function moveContactHistory(trx: Transaction<DB>, { survivorId, mergedId }: MergePair): Promise<void> {
  // The contact history, overrides and callbacks follow the person, so the contact policy counts every contact
  // made with them; an opt-out recorded on either record is kept (the earlier one when both have it).
  const moveContactTable = (table: 'contacts' | 'contact_overrides' | 'contact_callbacks') =>
    trx.updateTable(table).set({ debtor_id: survivorId }).where('debtor_id', '=', mergedId).execute();
  await moveContactTable('contacts');
  await moveContactTable('contact_overrides');
  await moveContactTable('contact_callbacks');
  await sql`
    update contact_opt_outs s set opted_out_at = least(s.opted_out_at, m.opted_out_at)
    from contact_opt_outs m
    where s.debtor_id = ${survivorId} and m.debtor_id = ${mergedId} and s.channel = m.channel
      and s.withdrawn_at is null and m.withdrawn_at is null`.execute(trx);
  await sql`
    delete from contact_opt_outs m
    where m.debtor_id = ${mergedId} and m.withdrawn_at is null and exists (select 1 from contact_opt_outs s
      where s.debtor_id = ${survivorId} and s.channel = m.channel and s.withdrawn_at is null)`.execute(trx);
  await trx.updateTable('contact_opt_outs').set({ debtor_id: survivorId }).where('debtor_id', '=', mergedId).execute();
  await sql`
    update contact_preferences set debtor_id = ${survivorId}
    where debtor_id = ${mergedId} and not exists (select 1 from contact_preferences where debtor_id = ${survivorId})`.execute(
    trx,
  );
  await trx.deleteFrom('contact_preferences').where('debtor_id', '=', mergedId).execute();
}

async function moveAddressesAndContactPoints(trx: Transaction<DB>, { survivorId, mergedId }: MergePair) {
  const addresses = await trx
    .updateTable('debtor_addresses')
    .set({ debtor_id: survivorId, is_primary: false })
    .where('debtor_id', '=', mergedId)
    .executeTakeFirst();
  // A contact point both records have stays once, on the survivor, keeping the stricter of the two states: an
  // opposition or a withdrawn consent recorded on either record is never lost.
  await sql`
    update debtor_contact_points s set
      opted_out_at = coalesce(s.opted_out_at, m.opted_out_at),
      verified_at = coalesce(s.verified_at, m.verified_at),
      consent = case when 'withdrawn' in (s.consent, m.consent) then 'withdrawn'
                     when s.consent = 'unknown' then m.consent else s.consent end
    from debtor_contact_points m
    where s.debtor_id = ${survivorId} and m.debtor_id = ${mergedId} and m.channel = s.channel and m.value = s.value`.execute(
    trx,
  );
  // The creditors that supplied the merged record's copy now stand behind the survivor's (provenance is never lost).
  await sql`
    insert into debtor_contact_point_sources (contact_point_id, creditor_id, placement_id, recorded_at)
    select s.id, src.creditor_id, src.placement_id, src.recorded_at
    from debtor_contact_points m
    join debtor_contact_points s on s.debtor_id = ${survivorId} and s.channel = m.channel and s.value = m.value
    join debtor_contact_point_sources src on src.contact_point_id = m.id
    where m.debtor_id = ${mergedId}
    on conflict (contact_point_id, creditor_id) do nothing`.execute(trx);
  await sql`
    delete from debtor_contact_point_sources src using debtor_contact_points m
    where src.contact_point_id = m.id and m.debtor_id = ${mergedId} and exists (select 1 from debtor_contact_points s
      where s.debtor_id = ${survivorId} and s.channel = m.channel and s.value = m.value)`.execute(trx);
  const dropped = await sql`
    delete from debtor_contact_points m
    where m.debtor_id = ${mergedId} and exists (select 1 from debtor_contact_points s
      where s.debtor_id = ${survivorId} and s.channel = m.channel and s.value = m.value)`.execute(trx);
  const contactPoints = await trx
    .updateTable('debtor_contact_points')
    .set({ debtor_id: survivorId })
    .where('debtor_id', '=', mergedId)
    .executeTakeFirst();
  return {
    addresses: count(addresses),
    contactPointsMoved: count(contactPoints),
    contactPointsDropped: Number(dropped.numAffectedRows ?? 0n),
  };
}

async function completeSurvivor(
  trx: Transaction<DB>,
  { survivorId, mergedId }: MergePair,
  now: Date,
): Promise<boolean> {
  // What the survivor's identity lacks and the merged record knows (a birth date, typically) completes it, so that
  // later files find the person by identity on the one record left.
  const completed = await sql`
    update debtors s set birth_date = coalesce(s.birth_date, m.birth_date), birth_place = coalesce(s.birth_place, m.birth_place),
      birth_name = coalesce(s.birth_name, m.birth_name), match_key = coalesce(s.match_key, m.match_key), updated_at = ${now}
    from debtors m
    where s.id = ${survivorId} and m.id = ${mergedId}
      and (s.birth_date is null and m.birth_date is not null or s.birth_place is null and m.birth_place is not null
        or s.birth_name is null and m.birth_name is not null or s.match_key is null and m.match_key is not null)`.execute(
    trx,
  );
  await trx
    .updateTable('debtors')
    .set({ merged_into: survivorId, updated_at: now })
    .where('id', '=', mergedId)
    .execute();
  return Number(completed.numAffectedRows ?? 0n) > 0;
}

async function carryOverMatches(trx: Transaction<DB>, { survivorId, mergedId }: MergePair, p: MergeInput) {
  const others = await trx
    .selectFrom('debtor_possible_matches')
    .select(['id', 'debtor_id', 'candidate_debtor_id'])
    .where('status', '=', 'open')
    .where('id', '<>', p.matchId)
    .where((eb) => eb.or([eb('debtor_id', '=', mergedId), eb('candidate_debtor_id', '=', mergedId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');
  const third = others.map((m) => (m.debtor_id === mergedId ? m.candidate_debtor_id : m.debtor_id));
  const known = new Set(
    third.length === 0
      ? []
      : (
          await trx
            .selectFrom('debtor_possible_matches')
            .select(['debtor_id', 'candidate_debtor_id'])
            .where((eb) =>
              eb.or([
                eb.and([eb('debtor_id', '=', survivorId), eb('candidate_debtor_id', 'in', third)]),
                eb.and([eb('candidate_debtor_id', '=', survivorId), eb('debtor_id', 'in', third)]),
              ]),
            )
            .execute()
        ).map((m) => pairKey(m.debtor_id, m.candidate_debtor_id)),
  );
  const matches = { closed: [] as string[], repointed: [] as string[], deleted: [] as string[] };
  for (const m of others) {
    const other = m.debtor_id === mergedId ? m.candidate_debtor_id : m.debtor_id;
    if (other === survivorId) {
      await trx
        .updateTable('debtor_possible_matches')
        .set({
          status: 'same_person',
          reviewed_by: p.actorUserId,
          reviewed_at: p.now,
          note: 'Décidé avec le rapprochement des mêmes fiches',
        })
        .where('id', '=', m.id)
        .execute();
      matches.closed.push(m.id);
    } else if (known.has(pairKey(survivorId, other))) {
      await trx.deleteFrom('debtor_possible_matches').where('id', '=', m.id).execute();
      matches.deleted.push(m.id);
    } else {
      await trx
        .updateTable('debtor_possible_matches')
        .set(m.debtor_id === mergedId ? { debtor_id: survivorId } : { candidate_debtor_id: survivorId })
        .where('id', '=', m.id)
        .execute();
      known.add(pairKey(survivorId, other));
      matches.repointed.push(m.id);
    }
  }
  return matches;
}
