import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { withinScope } from '../cases/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Deps } from '../platform/deps.js';
import { planSearch, plannedKinds, prefixHighlight, wordHighlights, type SearchPlan } from './core/plan.js';
import { findHits, type Hit } from './find-hits.js';
import type { SearchAnswer, SearchField, SearchGroup, SearchQuery, SearchResult } from './contract.js';

interface CaseRow {
  id: string;
  reference: string;
  stage: SearchResult['stage'];
  status: SearchResult['status'];
  debtor_id: string;
  creditor_id: string;
  creditor_name: string;
  debtorName: string;
}

/**
 * The search box: what the user typed, looked up as every kind it could be (core/plan.ts), each kind's hits turned
 * into the cases the actor may open. A creditor user finds only its own cases, and only by what its own files
 * supplied (docs/security.md): its references, the identity its files gave, the phones, e-mails and addresses they
 * named; never an IBAN (the debtor's or a bank's, not the creditor's). Special-category data is never searched.
 */
export async function search(deps: Deps, actor: Actor, query: SearchQuery): Promise<SearchAnswer> {
  const plan = planSearch(query.q);
  const scope = creditorScope(actor);
  const kinds = plannedKinds(plan).filter((kind) => query.kind === undefined || kind === query.kind);
  const hitsByKind = await findHits(deps.db, scope, kinds, plan, query.limit + 1);
  const cases = await loadCases(deps, actor, [...hitsByKind.values()].flat());
  const groups: SearchGroup[] = [];
  for (const [kind, hits] of hitsByKind) {
    const group = groupOf(kind, hits, cases, plan, query.limit);
    if (group.results.length > 0) groups.push(group);
  }
  return { groups };
}

function groupOf(
  kind: SearchGroup['kind'],
  hits: Hit[],
  cases: Map<string, CaseRow[]>,
  plan: SearchPlan,
  limit: number,
): SearchGroup {
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  let hasMore = false;
  for (const hit of hits) {
    const found = (hit.caseId ? cases.get(`case:${hit.caseId}`) : cases.get(`debtor:${hit.debtorId}`)) ?? [];
    for (const row of found) {
      if (hit.creditorId !== null && row.creditor_id !== hit.creditorId) continue;
      if (seen.has(row.id)) continue;
      if (results.length === limit) {
        hasMore = true;
        break;
      }
      seen.add(row.id);
      results.push(resultOf(row, hit, plan));
    }
  }
  // Each source was asked for one row more than the limit: a full source means more may match.
  return { kind, results, hasMore: hasMore || hits.length > limit };
}

const UPPER = (c: string) => c.toUpperCase();
const LOWER = (c: string) => c.toLowerCase();
const SAME = (c: string) => c;

function resultOf(row: CaseRow, hit: Hit, plan: SearchPlan): SearchResult {
  const base = {
    caseId: row.id,
    caseReference: row.reference,
    stage: row.stage,
    status: row.status,
    creditorName: row.creditor_name,
    debtorName: row.debtorName,
    field: hit.field,
  };
  if (hit.field === 'name') {
    return { ...base, value: row.debtorName, highlights: wordHighlights(row.debtorName, plan.nameWords) };
  }
  return { ...base, value: hit.value, highlights: highlightOf(hit.field, hit.value, plan) };
}

function highlightOf(field: Exclude<SearchField, 'name'>, value: string, plan: SearchPlan) {
  switch (field) {
    case 'caseReference':
    case 'claimReference':
    case 'creditorReference':
      return prefixHighlight(value, plan.reference ?? '', UPPER);
    case 'phone': {
      const prefix = plan.phones.find((p) => value.startsWith(p));
      return prefix ? [{ start: 0, end: prefix.length }] : [];
    }
    case 'email':
      return prefixHighlight(value, plan.email ?? '', LOWER);
    case 'iban':
      return prefixHighlight(value, plan.iban ?? '', SAME);
    case 'postalCode':
      return prefixHighlight(value, plan.postalCode ?? '', SAME);
  }
}

/**
 * The cases the hits name, within the actor's scope, keyed `case:<id>` and `debtor:<id>` (open cases first). A
 * creditor user reads the debtor's name as its own files gave it, as on the case page (creditor-case-view.ts).
 */
async function loadCases(deps: Deps, actor: Actor, hits: Hit[]): Promise<Map<string, CaseRow[]>> {
  const caseIds = [...new Set(hits.flatMap((h) => (h.caseId ? [h.caseId] : [])))];
  const debtorIds = [...new Set(hits.flatMap((h) => (h.debtorId ? [h.debtorId] : [])))];
  const byKey = new Map<string, CaseRow[]>();
  if (caseIds.length === 0 && debtorIds.length === 0) return byKey;
  const rows = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.stage',
      'cases.status',
      'cases.debtor_id',
      'cases.creditor_id',
      'creditors.name as creditor_name',
      'debtors.kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
    ])
    .where((eb) =>
      eb.or([
        ...(caseIds.length > 0 ? [eb('cases.id', 'in', caseIds)] : []),
        ...(debtorIds.length > 0 ? [eb('cases.debtor_id', 'in', debtorIds)] : []),
      ]),
    )
    .where(withinScope(actor, 'cases.creditor_id'))
    .orderBy(sql`cases.status = 'closed'`)
    .orderBy('cases.opened_on', 'desc')
    .orderBy('cases.reference')
    .execute();
  const scope = creditorScope(actor);
  const ownNames = scope === null ? null : await creditorNames(deps, scope, [...new Set(rows.map((r) => r.debtor_id))]);
  for (const row of rows) {
    const names = ownNames?.get(row.debtor_id) ?? (ownNames ? null : row);
    const item: CaseRow = {
      id: row.id,
      reference: row.reference,
      stage: row.stage,
      status: row.status,
      debtor_id: row.debtor_id,
      creditor_id: row.creditor_id,
      creditor_name: row.creditor_name,
      debtorName: names ? debtorName({ kind: row.kind, ...names }) : '',
    };
    for (const key of [`case:${row.id}`, `debtor:${row.debtor_id}`]) byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return byKey;
}

/** The identity each debtor's latest reference of this creditor gave (placement ids are time-ordered). */
async function creditorNames(deps: Deps, creditorId: string, debtorIds: string[]) {
  const names = new Map<string, { first_name: string | null; last_name: string | null; company_name: string | null }>();
  if (debtorIds.length === 0) return names;
  const rows = await deps.db
    .selectFrom('debtor_references')
    .select(['debtor_id', 'first_name', 'last_name', 'company_name'])
    .where('creditor_id', '=', creditorId)
    .where('debtor_id', 'in', debtorIds)
    .orderBy(sql`placement_id desc nulls last`)
    .execute();
  for (const row of rows) if (!names.has(row.debtor_id)) names.set(row.debtor_id, row);
  return names;
}
