import { sql, type QueryResult, type RawBuilder, type Transaction } from 'kysely';
import type { AuditActor } from '../audit/append.js';
import { bulkId, startBulkIds } from '../platform/db/bulk-ids.js';
import type { DB } from '../platform/db/schema.js';
import { appendCaseEvents } from '../cases/append-case-event.js';
import { closeEmptiedCases } from '../cases/close-emptied-cases.js';
import { OPENING_STATE } from '../cases/core/lifecycle.js';
import type { RecordText } from '../cases/core/record-texts.js';
import type { MergeCounts } from './contract.js';

/**
 * Merges the staged rows into debtors, references, addresses, contact points, cases and claims, set-based,
 * inside the import's transaction. Matching never merges on a guess: a debtor is the same person when the
 * creditor's reference says so, or when the normalised name and birth date are identical and unique;
 * anything less becomes a possible match for a person to review.
 */
export interface MergeParams {
  creditorId: string;
  mandateId: string;
  placementId: string;
  actorUserId: string | null;
  today: string;
  now: Date;
  /** What the placement's lines on the case file say (record-texts.ts). */
  summary: RecordText;
  /** When given, receives the milliseconds each step took (the benchmark prints them). */
  timings?: Record<string, number>;
  /** What follows a case the file closed (its live plan cancelled): given by the app, which knows the plans. */
  onCasesClosed?: CasesClosedHook | undefined;
  actor?: AuditActor | undefined;
  requestId?: string | null | undefined;
}

/** The work another capability does, in the import's transaction, on the cases the file closed. */
export type CasesClosedHook = (
  trx: Transaction<DB>,
  closed: { caseIds: readonly string[]; actor: AuditActor; at: Date; requestId?: string | null },
) => Promise<unknown>;

const n = (value: unknown) => Number(value ?? 0);

/** Rows repeating a claim reference of an earlier row of the same file. */
export async function duplicateClaimRows(trx: Transaction<DB>) {
  const { rows } = await sql<{ line: number; claim_ref: string; first_line: number }>`
    select line, claim_ref, first_line from (
      select line, claim_ref, min(line) over (partition by claim_ref) as first_line from intake_stage
    ) lines
    where line <> first_line
    order by line`.execute(trx);
  return rows;
}

/** Rows of recall/close operations naming a claim this creditor never placed: reported as row errors. */
export async function unknownClaimRows(trx: Transaction<DB>, creditorId: string) {
  const { rows } = await sql<{ line: number; claim_ref: string }>`
    select s.line, s.claim_ref from intake_stage s
    where s.op <> 'place'
      and not exists (select 1 from claims c where c.creditor_id = ${creditorId} and c.reference = s.claim_ref)
    order by s.line`.execute(trx);
  return rows;
}

/**
 * Rows placing a claim this creditor already placed for another debtor: the row's debtor reference names someone
 * else, or is new and the row's name and birth date are not those of the claim's debtor. A claim never changes
 * debtor, so the row is reported rather than an empty case opened for the newcomer.
 */
export async function claimsOfAnotherDebtor(trx: Transaction<DB>, creditorId: string) {
  const { rows } = await sql<{ line: number; claim_ref: string; case_reference: string }>`
    select s.line, s.claim_ref, k.reference as case_reference
    from intake_stage s
    join claims c on c.creditor_id = ${creditorId} and c.reference = s.claim_ref
    join cases k on k.id = c.case_id
    left join debtor_references r on r.creditor_id = ${creditorId} and r.reference = s.debtor_ref
    join debtors d on d.id = k.debtor_id
    where s.op = 'place'
      and (r.debtor_id <> k.debtor_id or (r.debtor_id is null and not coalesce(s.match_key = d.match_key, false)))
    order by s.line`.execute(trx);
  return rows;
}

/** What each step of the merge needs: its parameters, and statements run in the import's transaction and timed. */
interface MergeStep {
  trx: Transaction<DB>;
  p: MergeParams;
  run: <R>(query: RawBuilder<R>) => Promise<QueryResult<R>>;
  timed: <R>(work: () => Promise<R>) => Promise<R>;
}

function mergeStep(trx: Transaction<DB>, p: MergeParams): MergeStep {
  let step = 0;
  const timed = async <R>(work: () => Promise<R>) => {
    const started = performance.now();
    const result = await work();
    if (p.timings) p.timings[`merge.${String(++step).padStart(2, '0')}`] = Math.round(performance.now() - started);
    return result;
  };
  return { trx, p, timed, run: (query) => timed(() => query.execute(trx)) };
}

export async function mergeStage(trx: Transaction<DB>, p: MergeParams): Promise<MergeCounts> {
  const step = mergeStep(trx, p);
  // The merge checks a foreign key for every row it writes (about fifteen for each claim). The connections plan
  // every statement anew (database.ts), the checks' cached queries too, and planning made those checks two thirds of
  // the merge's time. Here, for this transaction only, a check's plan is made once and reused: after the plans this
  // connection kept are dropped (one made by an earlier, smaller import would scan a table that has since grown), so
  // each is made now, after the rows it looks in were written (the debtors before their references, the cases
  // before their claims), for the tables as they are. (Not timed: the steps keep their numbers, merge.01 the analyze.)
  await sql`discard plans`.execute(trx);
  await sql`set local plan_cache_mode = auto`.execute(trx);
  // Every row this merge makes takes its id from one key drawn for the transaction (platform/db/bulk-ids.ts).
  await startBulkIds(trx);
  // Statistics only for the columns the merge joins, filters or groups on: sampling every column of a wide
  // table costs far more and no plan reads them.
  await step.run(
    sql`analyze intake_stage (line, op, debtor_ref, match_key, name_key, claim_ref, addr_line1, postal_code, phone1, phone2, email)`,
  );
  const debtors = await matchDebtors(step);
  const possibleMatches = await recordPossibleMatches(step);
  await mergeContactFacts(step);
  await openCases(step);
  const claims = await upsertClaims(step);
  const ended = await endClaims(step);
  await refreshTouchedCases(step);

  const placeRows = await sql<{
    count: number;
  }>`select count(*)::int as count from intake_stage where op = 'place'`.execute(trx);
  const casesCreated = await sql<{ count: number }>`select count(*)::int as count from intake_new_cases`.execute(trx);
  return {
    ...debtors,
    possibleMatches,
    casesCreated: n(casesCreated.rows[0]?.count),
    casesClosed: ended.casesClosed,
    claimsCreated: claims.created,
    claimsUpdated: claims.updated,
    claimsUnchanged: n(placeRows.rows[0]?.count) - claims.created - claims.updated,
    claimsRecalled: ended.recalled,
    claimsClosed: ended.closed,
  };
}

/** Steps 1 and 2: every staged reference gets its debtor, known or new; new references are recorded. */
async function matchDebtors({ p, run }: MergeStep) {
  // 1. The creditor's own reference names a known debtor. The map (reference → debtor) is joined wherever
  //    a row needs its debtor, instead of rewriting the staged rows. A reference is in it once by construction (one
  //    per reference known, one per reference new below) and every statement joins it whole, by hash: it has no key,
  //    whose index cost 4.7 s of a 1,000,000-claim import for no lookup.
  await run(sql`
    create temp table intake_debtor_map (debtor_ref text not null, debtor_id uuid not null, is_new boolean not null,
      ref_is_new boolean not null)
    on commit drop`);
  const byReference = await run(sql`
    insert into intake_debtor_map (debtor_ref, debtor_id, is_new, ref_is_new)
    select distinct s.debtor_ref, r.debtor_id, false, false
    from intake_stage s join debtor_references r on r.creditor_id = ${p.creditorId} and r.reference = s.debtor_ref
    where s.op = 'place'`);

  // 2. Unknown references: one identity per reference (its first row), then one debtor per identity.
  await run(sql`
    create temp table intake_refs on commit drop as
    select distinct on (debtor_ref) debtor_ref, line, coalesce(match_key, 'ref:' || debtor_ref) as identity
    from intake_stage s
    where op = 'place' and not exists (select 1 from intake_debtor_map m where m.debtor_ref = s.debtor_ref)
    order by debtor_ref, line`);
  await run(sql`
    create temp table intake_new_debtors on commit drop as
    select distinct on (r.identity) r.identity, s.kind, s.title, s.first_name, s.last_name, s.birth_name, s.birth_date,
      s.birth_place, s.company_name, s.registration, s.language, s.match_key, s.name_key, s.addr_line1, s.addr_line2,
      s.postal_code, s.city, s.country, s.subdivision, s.time_zone,
      ${bulkId} as debtor_id, true as is_new
    from intake_refs r join intake_stage s on s.line = r.line
    order by r.identity, r.line`);
  const byIdentity = await run(sql`
    update intake_new_debtors n set debtor_id = m.id, is_new = false
    from (
      select match_key, (array_agg(id))[1] as id from debtors
      where match_key in (select match_key from intake_new_debtors where match_key is not null) and merged_into is null
      group by match_key having count(*) = 1
    ) m
    where n.match_key = m.match_key`);
  // (Identities matched above took the known debtor's id; the others keep the new id drawn when the table was made.)
  const created = await run(sql`
    insert into debtors (id, kind, title, first_name, last_name, birth_name, birth_date, birth_place, company_name,
      registration_number, language, match_key, name_key)
    select debtor_id, kind, title, first_name, last_name, birth_name, birth_date, birth_place, company_name,
      registration, language, match_key, name_key
    from intake_new_debtors where is_new`);
  await run(sql`
    insert into intake_debtor_map (debtor_ref, debtor_id, is_new, ref_is_new)
    select r.debtor_ref, n.debtor_id, n.is_new, true from intake_refs r join intake_new_debtors n on n.identity = r.identity`);
  // No conflict is possible: these references were looked up above, and imports merge one at a time
  // (import-placement.ts takes the intake merge lock). Inserted in debtor order, so that each foreign-key check
  // and the index on debtor_id walk forward instead of jumping about.
  // A person found by identity who already had another reference of this creditor is known to it; the others are
  // new to this creditor, whoever else the agency collects for them (the report never says so).
  const knownToCreditor = await run(sql<{ count: number }>`
    select count(*)::int as count from intake_new_debtors n
    where not n.is_new and exists (select 1 from debtor_references r where r.creditor_id = ${p.creditorId} and r.debtor_id = n.debtor_id)`);
  // Each reference keeps the identity this creditor's file gave (its first row), which is all the creditor reads back.
  await run(sql`
    insert into debtor_references (creditor_id, reference, debtor_id, placement_id, title, first_name, last_name,
      birth_name, birth_date, birth_place, company_name, registration_number)
    select ${p.creditorId}::uuid, m.debtor_ref, m.debtor_id, ${p.placementId}::uuid, s.title, s.first_name, s.last_name,
      s.birth_name, s.birth_date, s.birth_place, s.company_name, s.registration
    from intake_debtor_map m join intake_refs r using (debtor_ref) join intake_stage s on s.line = r.line
    where m.ref_is_new order by m.debtor_id`);
  await run(sql`analyze intake_debtor_map`);
  return {
    debtorsCreated: n(created.numAffectedRows),
    debtorsMatchedByReference: n(byReference.numAffectedRows),
    debtorsMatchedByIdentity: n(byIdentity.numAffectedRows),
    debtorsKnownToCreditorByIdentity: n(knownToCreditor.rows[0]?.count),
  };
}

async function recordPossibleMatches({ p, run }: MergeStep): Promise<number> {
  // 3. Same name, a birth date missing on one side: maybe the same person. A person decides.
  //    Set-based, at most five candidates per newcomer: a newcomer with a birth date is compared with the
  //    same-name records that have none; a newcomer without one, with every same-name record.
  const rankedInsert = (candidates: ReturnType<typeof sql>, reason: string) => sql`
    insert into debtor_possible_matches (debtor_id, candidate_debtor_id, reason, placement_id)
    select debtor_id, candidate_id, ${reason}::text, ${p.placementId}::uuid from (
      select pair.*, row_number() over (partition by pair.debtor_id order by pair.created_at, pair.candidate_id) as rank
      from (${candidates}) pair
    ) ranked
    where rank <= 5
    on conflict do nothing`;
  const withBirthDate = await run(
    rankedInsert(
      sql`
    select n.debtor_id, d.id as candidate_id, d.created_at
    from intake_new_debtors n
    join (select id, name_key, created_at from debtors where birth_date is null and name_key is not null and merged_into is null) d
      on d.name_key = n.name_key and d.id <> n.debtor_id
    where n.is_new and n.birth_date is not null`,
      'Même nom ; l’autre fiche n’a pas de date de naissance',
    ),
  );
  const withoutBirthDate = await run(
    rankedInsert(
      sql`
    select n.debtor_id, d.id as candidate_id, d.created_at
    from intake_new_debtors n
    join debtors d on d.name_key = n.name_key and d.id <> n.debtor_id and d.merged_into is null
    where n.is_new and n.birth_date is null and n.name_key is not null`,
      'Même nom ; cette fiche n’a pas de date de naissance',
    ),
  );
  const possible = n(withBirthDate.numAffectedRows) + n(withoutBirthDate.numAffectedRows);
  return possible;
}

async function mergeContactFacts({ p, run }: MergeStep): Promise<void> {
  // 4. Addresses and contact points.
  await run(sql`
    insert into debtor_addresses (id, debtor_id, line1, line2, postal_code, city, country, subdivision, time_zone, is_primary, source)
    select ${bulkId}, debtor_id, addr_line1, addr_line2, postal_code, city, country, subdivision, time_zone, true, 'creditor'
    from intake_new_debtors where is_new and addr_line1 is not null`);
  await run(sql`
    insert into debtor_addresses (id, debtor_id, line1, line2, postal_code, city, country, subdivision, time_zone, is_primary, source)
    select distinct on (m.debtor_id, s.postal_code, lower(s.addr_line1))
      ${bulkId}, m.debtor_id, s.addr_line1, s.addr_line2, s.postal_code, s.city, s.country, s.subdivision, s.time_zone, false, 'creditor'
    from intake_stage s join intake_debtor_map m on m.debtor_ref = s.debtor_ref
    where s.op = 'place' and not m.is_new and s.addr_line1 is not null
      and not exists (select 1 from debtor_addresses a
        where a.debtor_id = m.debtor_id and a.postal_code = s.postal_code and lower(a.line1) = lower(s.addr_line1))`);
  // Phones and e-mails in one pass over the staged rows; a number or address the debtor already has is kept as it is.
  // A debtor this file created has none yet, nor has anyone said where their facts came from: their rows are inserted
  // plainly, without the conflict clause's speculative insertion, and only the rows of debtors known before go through
  // it (at 1,000,000 claims: contact points 18.0 s against 20.0-22.4, the two sources 32.3 s against 35.2-37.1).
  for (const created of [true, false]) {
    await run(sql`
      insert into debtor_contact_points (id, debtor_id, channel, value, usage, source)
      select ${bulkId}, named.* from (
        select distinct m.debtor_id, p.channel, p.value,
          case when p.channel = 'email' then 'personal'
               when p.value ~ '^\\+(336|337|393|26269|59069|59669|59469)' then 'mobile' else 'home' end, 'creditor'
        from intake_stage s join intake_debtor_map m using (debtor_ref)
        cross join lateral (values ('phone', s.phone1), ('phone', s.phone2), ('email', s.email)) p (channel, value)
        where s.op = 'place' and p.value is not null and m.is_new = ${created}
      ) named
      order by named.debtor_id
      ${created ? sql`` : sql`on conflict (debtor_id, channel, value) do nothing`}`);
  }
  // Provenance: every address, phone and e-mail this file names is credited to this creditor, whether the agency
  // knew it before or not. A creditor reads back only what its own files supplied; nothing is overwritten.
  for (const created of [true, false]) {
    await run(sql`
      insert into debtor_address_sources (address_id, creditor_id, placement_id, recorded_at)
      select distinct a.id, ${p.creditorId}::uuid, ${p.placementId}::uuid, ${p.now}::timestamptz
      from intake_stage s join intake_debtor_map m using (debtor_ref)
      join debtor_addresses a on a.debtor_id = m.debtor_id and a.postal_code = s.postal_code and lower(a.line1) = lower(s.addr_line1)
      where s.op = 'place' and s.addr_line1 is not null and m.is_new = ${created}
      ${created ? sql`` : sql`on conflict (address_id, creditor_id) do nothing`}`);
  }
  for (const created of [true, false]) {
    await run(sql`
      insert into debtor_contact_point_sources (contact_point_id, creditor_id, placement_id, recorded_at)
      select distinct c.id, ${p.creditorId}::uuid, ${p.placementId}::uuid, ${p.now}::timestamptz
      from intake_stage s join intake_debtor_map m using (debtor_ref)
      cross join lateral (values ('phone', s.phone1), ('phone', s.phone2), ('email', s.email)) v (channel, value)
      join debtor_contact_points c on c.debtor_id = m.debtor_id and c.channel = v.channel and c.value = v.value
      where s.op = 'place' and v.value is not null and m.is_new = ${created}
      ${created ? sql`` : sql`on conflict (contact_point_id, creditor_id) do nothing`}`);
  }
}

async function openCases({ p, run }: MergeStep): Promise<void> {
  // 5. One open case per debtor and creditor; a new case starts with the balance of the claims it receives.
  //    Only new claims open a case: a claim already placed stays in its own case, even a closed one (the same
  //    file imported again after a recall opens nothing).
  await run(sql`create temp table intake_new_cases (id uuid, debtor_id uuid) on commit drop`);
  await run(sql`
    with per_debtor as (
      select m.debtor_id, sum(s.principal + s.interest + s.fees) as total
      from intake_stage s join intake_debtor_map m using (debtor_ref)
      where s.op = 'place'
        and not exists (select 1 from claims x where x.creditor_id = ${p.creditorId} and x.reference = s.claim_ref)
      group by m.debtor_id
    ),
    inserted as (
      insert into cases (id, reference, creditor_id, mandate_id, debtor_id, stage, status, opened_on, stage_changed_at, balance_cents)
      select ${bulkId}, 'ACC-' || to_char(${p.today}::date, 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
        ${p.creditorId}::uuid, ${p.mandateId}::uuid, d.debtor_id, ${OPENING_STATE.stage}::text, ${OPENING_STATE.status}::text, ${p.today}::date, ${p.now}::timestamptz, d.total
      from per_debtor d
      where not exists (select 1 from cases c
        where c.creditor_id = ${p.creditorId} and c.debtor_id = d.debtor_id and c.status <> 'closed')
      order by d.debtor_id
      returning id, debtor_id
    )
    insert into intake_new_cases select id, debtor_id from inserted`);
  await run(sql`
    insert into case_stage_history (id, case_id, from_stage, to_stage, changed_at, changed_by, reason_key, reason_params)
    select ${bulkId}, id, null, ${OPENING_STATE.stage}::text, ${p.now}::timestamptz, ${p.actorUserId}::uuid, ${p.summary.key}::text,
      ${JSON.stringify(p.summary.params)}::jsonb from intake_new_cases`);
}

async function upsertClaims({ p, run }: MergeStep): Promise<{ created: number; updated: number }> {
  // 6. Claims: new ones inserted, changed ones updated, identical ones left alone (idempotent re-import).
  await run(sql`create temp table intake_touched_cases (case_id uuid) on commit drop`);
  const claimCounts = await run(sql<{ created: number; updated: number }>`
    with upserted as (
      insert into claims (id, case_id, creditor_id, placement_id, reference, contract_type, original_creditor, currency,
        principal_cents, interest_cents, fees_cents, default_on, last_payment_on)
      select ${bulkId}, c.id, ${p.creditorId}::uuid, ${p.placementId}::uuid, s.claim_ref, s.contract_type, s.original_creditor,
        s.currency, s.principal, s.interest, s.fees, s.default_on, s.last_payment_on
      from intake_stage s
      join intake_debtor_map m using (debtor_ref)
      join cases c on c.creditor_id = ${p.creditorId} and c.debtor_id = m.debtor_id and c.status <> 'closed'
      where s.op = 'place'
      order by c.id
      on conflict (creditor_id, reference) do update set
        principal_cents = excluded.principal_cents, interest_cents = excluded.interest_cents,
        fees_cents = excluded.fees_cents, contract_type = excluded.contract_type,
        original_creditor = excluded.original_creditor, currency = excluded.currency,
        default_on = excluded.default_on, last_payment_on = excluded.last_payment_on, updated_at = ${p.now}::timestamptz
      where (claims.principal_cents, claims.interest_cents, claims.fees_cents, claims.contract_type,
             claims.original_creditor, claims.currency, claims.default_on, claims.last_payment_on)
        is distinct from (excluded.principal_cents, excluded.interest_cents, excluded.fees_cents, excluded.contract_type,
             excluded.original_creditor, excluded.currency, excluded.default_on, excluded.last_payment_on)
      returning (xmax = 0) as inserted, case_id
    ),
    touched as (insert into intake_touched_cases select distinct case_id from upserted)
    select count(*) filter (where inserted) as created, count(*) filter (where not inserted) as updated from upserted`);
  const counts = claimCounts.rows[0]!;
  return { created: n(counts.created), updated: n(counts.updated) };
}

async function endClaims({
  trx,
  p,
  run,
  timed,
}: MergeStep): Promise<{ recalled: number; closed: number; casesClosed: number }> {
  // 7. Recalls and closures by the creditor; a case with no open claim left closes.
  // Driven by the staged recalls and closures (usually none), each finding its claim by the unique (creditor,
  // reference): left to itself, the planner started from the creditor's claims, which its statistics count before
  // this import (none for a new creditor), and scanned the staged file once per claim (minutes on 50,000 claims).
  const ended = await run(sql<{ recalled: number; closed: number }>`
    with asked as materialized (
      select claim_ref, op from intake_stage where op in ('recall', 'close')
    ),
    ended as (
      update claims c set status = case when s.op = 'recall' then 'recalled' else 'closed' end, updated_at = ${p.now}
      from asked s
      where c.creditor_id = ${p.creditorId} and c.reference = s.claim_ref and c.status = 'open'
      returning c.case_id, s.op
    ),
    touched as (insert into intake_touched_cases select distinct case_id from ended)
    select count(*) filter (where op = 'recall') as recalled, count(*) filter (where op = 'close') as closed from ended`);
  // A case this file opened is left out: it holds the new claims that opened it, and each stays open (a claim
  // reference is in a file once, so none of them is also recalled or closed by it). Checking every one of them for
  // an open claim took 6.7 s of a first import of 1,000,000 claims, to close none.
  const casesClosed = await timed(() =>
    closeEmptiedCases(trx, {
      caseIds: sql`select t.case_id from intake_touched_cases t
        where not exists (select 1 from intake_new_cases n where n.id = t.case_id)`,
      actorUserId: p.actorUserId,
      now: p.now,
      today: p.today,
    }),
  );
  if (casesClosed > 0 && p.onCasesClosed) {
    const closed = await run(sql<{ case_id: string }>`
      select t.case_id from intake_touched_cases t join cases c on c.id = t.case_id where c.status = 'closed'`);
    await p.onCasesClosed(trx, {
      caseIds: closed.rows.map((row) => row.case_id),
      actor: p.actor ?? { userId: p.actorUserId, role: null },
      at: p.now,
      requestId: p.requestId ?? null,
    });
  }
  const counts = ended.rows[0]!;
  return { recalled: n(counts.recalled), closed: n(counts.closed), casesClosed };
}

async function refreshTouchedCases({ trx, p, run, timed }: MergeStep): Promise<void> {
  // 8. Cached balances of every older case this file touched, and a timeline event on every case placed or touched.
  //    A new case already holds its balance: opened with the sum of its new claims, it receives those claims and
  //    nothing else (a claim placed before stays in its own case, a claim is in a file once). Summing its claims
  //    again found nothing to change and took 10 s of a 1,000,000-claim import.
  await run(sql`
    update cases c set balance_cents = t.total, updated_at = ${p.now}
    from (
      -- What the open claims still owe: placed amounts less what the ledger says was paid off.
      select cl.case_id, greatest(0, coalesce(sum(cl.principal_cents + cl.interest_cents + cl.fees_cents
          - cl.settled_principal_cents - cl.settled_interest_cents - cl.settled_fees_cents) filter (where cl.status = 'open'), 0)) as total
      from claims cl where cl.case_id in (select case_id from intake_touched_cases except select id from intake_new_cases)
      group by cl.case_id
    ) t
    where c.id = t.case_id and c.status <> 'closed' and c.balance_cents is distinct from t.total`);
  // Every case the file placed or touched, the new ones too, says so on its timeline.
  await timed(() =>
    appendCaseEvents(trx, {
      caseIds: sql`select case_id from intake_touched_cases union select id from intake_new_cases`,
      at: p.now,
      kind: 'placement',
      summary: p.summary,
      actorUserId: p.actorUserId,
      data: { placementId: p.placementId },
      bulkIds: true,
    }),
  );
}
