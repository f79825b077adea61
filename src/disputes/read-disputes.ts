import { sql, type Kysely, type Transaction } from 'kysely';
import { caseInScope, withinScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import type { DisputeList, DisputeListQuery, DisputeView } from './contract.js';
import {
  isOverdue,
  type ClaimComponent,
  type DisputeAnswer,
  type DisputeDecision,
  type DisputeGrounds,
  type DisputeStatus,
  type EvidenceKind,
} from './core/dispute.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Disputes as the API gives them. A creditor user reads the disputes of its own cases only (404 for another's), with
 * the debtor named as its own file named them; the documents listed are those it may open (shared with it, or its
 * own), never a special-category one.
 */
function disputeQuery(db: Db, actor: Actor) {
  const creditor = creditorScope(actor);
  return db
    .selectFrom('disputes as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('claims as cl', 'cl.id', 'd.claim_id')
    .innerJoin('debtors as db', 'db.id', 'd.debtor_id')
    .leftJoin('users as o', 'o.id', 'd.opened_by')
    .leftJoin('users as k', 'k.id', 'd.decided_by')
    .selectAll('d')
    .select([
      'c.reference as case_reference',
      'cl.reference as claim_reference',
      'db.kind as debtor_kind',
      'o.display_name as opened_by_name',
      'k.display_name as decided_by_name',
    ])
    .select([
      nameColumn(creditor, 'first_name'),
      nameColumn(creditor, 'last_name'),
      nameColumn(creditor, 'company_name'),
    ])
    .select((eb) =>
      eb
        .selectFrom('disputes as l')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('l.linked_to', '=', 'd.id')
        .as('linked_count'),
    )
    .where(withinScope(actor, 'd.creditor_id'));
}

/** A part of the debtor's name: the agency's record for staff, the creditor's own file for a creditor user. */
function nameColumn<C extends 'first_name' | 'last_name' | 'company_name'>(creditor: string | null, column: C) {
  return (
    creditor === null
      ? sql<string | null>`db.${sql.ref(column)}`
      : sql<string | null>`(select r.${sql.ref(column)} from debtor_references r
          where r.debtor_id = d.debtor_id and r.creditor_id = d.creditor_id order by r.reference limit 1)`
  ).as(column);
}

type Row = Awaited<ReturnType<ReturnType<typeof disputeQuery>['execute']>>[number];

async function documentsOf(db: Db, actor: Actor, disputeIds: readonly string[]) {
  if (disputeIds.length === 0) return new Map<string, DisputeView['documents']>();
  let query = db
    .selectFrom('dispute_documents as x')
    .innerJoin('case_documents as doc', 'doc.id', 'x.document_id')
    .select(['x.dispute_id', 'doc.id', 'doc.file_name', 'x.part'])
    .where('x.dispute_id', 'in', disputeIds)
    .where('doc.special_category', '=', false);
  if (creditorScope(actor) !== null)
    query = query.where((eb) => eb.or([eb('doc.shared_with_creditor', '=', true), eb('doc.source', '=', 'creditor')]));
  const rows = await query.orderBy('doc.uploaded_at').execute();
  const byDispute = new Map<string, DisputeView['documents']>();
  for (const row of rows) {
    const list = byDispute.get(row.dispute_id) ?? [];
    list.push({ id: row.id, fileName: row.file_name, part: row.part as 'dispute' | 'answer' });
    byDispute.set(row.dispute_id, list);
  }
  return byDispute;
}

function view(row: Row, today: IsoDate, documents: DisputeView['documents']): DisputeView {
  const status = row.status as DisputeStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    debtorName: debtorName({
      kind: row.debtor_kind,
      first_name: row.first_name,
      last_name: row.last_name,
      company_name: row.company_name,
    }),
    claimId: row.claim_id,
    claimReference: row.claim_reference,
    grounds: row.grounds as DisputeGrounds,
    note: row.note,
    status,
    linkedTo: row.linked_to,
    linkedCount: Number(row.linked_count ?? 0),
    evidenceDueOn: row.evidence_due_on,
    overdue: isOverdue({ status, evidenceDueOn: row.evidence_due_on }, today),
    evidenceRequested: row.evidence_requested as EvidenceKind[],
    openedAt: row.opened_at.toISOString(),
    openedBy: row.opened_by_name,
    openedVia: row.opened_via as 'user' | 'portal',
    answer: row.answer as DisputeAnswer | null,
    answerNote: row.answer_note,
    adjustment:
      row.adjustment_component && row.adjustment_cents !== null
        ? { component: row.adjustment_component as ClaimComponent, amountCents: Number(row.adjustment_cents) }
        : null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    decision: row.decision as DisputeDecision | null,
    decisionNote: row.decision_note,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_name,
    documents,
  };
}

async function views(db: Db, actor: Actor, rows: Row[], today: IsoDate): Promise<DisputeView[]> {
  const documents = await documentsOf(
    db,
    actor,
    rows.map((row) => row.id),
  );
  return rows.map((row) => view(row, today, documents.get(row.id) ?? []));
}

/** The disputes of a case, oldest first (a linked one after the one it joins). */
export async function listCaseDisputes(deps: Deps, actor: Actor, caseId: string): Promise<DisputeList> {
  await caseInScope(deps.db, actor, caseId);
  const rows = await disputeQuery(deps.db, actor).where('d.case_id', '=', caseId).orderBy('d.opened_at').execute();
  const items = await views(deps.db, actor, rows, agencyToday(deps.now(), deps.config));
  return { items, total: items.length };
}

/**
 * The disputes still waiting (for the creditor's evidence or a person's review), overdue requests first then by due
 * date: the team leaders' queue of overdue requests (`overdue=true`) and the creditor's list of requests to answer.
 */
export async function listOpenDisputes(deps: Deps, actor: Actor, query: DisputeListQuery): Promise<DisputeList> {
  const today = agencyToday(deps.now(), deps.config);
  let base = disputeQuery(deps.db, actor).where('d.status', 'in', ['evidence_requested', 'answered']);
  if (query.overdue === 'true')
    base = base.where('d.status', '=', 'evidence_requested').where('d.evidence_due_on', '<', today);
  const rows = await base
    .orderBy('d.evidence_due_on')
    .orderBy('d.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  let countQuery = deps.db
    .selectFrom('disputes as d')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(withinScope(actor, 'd.creditor_id'))
    .where('d.status', 'in', ['evidence_requested', 'answered']);
  if (query.overdue === 'true')
    countQuery = countQuery.where('d.status', '=', 'evidence_requested').where('d.evidence_due_on', '<', today);
  const { n } = await countQuery.executeTakeFirstOrThrow();
  return { items: await views(deps.db, actor, rows, today), total: Number(n) };
}

/** One dispute, if the actor may see it (404 otherwise). */
export async function loadDispute(db: Db, actor: Actor, disputeId: string, today: IsoDate): Promise<DisputeView> {
  const row = await disputeQuery(db, actor).where('d.id', '=', disputeId).executeTakeFirst();
  if (!row) throw notFound('The dispute');
  return (await views(db, actor, [row], today))[0]!;
}
