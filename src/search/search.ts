import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { Deps } from '../platform/deps.js';
import { planSearch, plannedKinds, prefixHighlight, wordHighlights, type SearchPlan } from './core/plan.js';
import { findHits, type Hit, type HitCase } from './find-hits.js';
import type { SearchAnswer, SearchField, SearchGroup, SearchQuery, SearchResult } from './contract.js';

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
  const groups: SearchGroup[] = [];
  for (const [kind, hits] of hitsByKind) {
    const group = groupOf(kind, hits, plan, query.limit);
    if (group.results.length > 0) groups.push(group);
  }
  return { groups };
}

function groupOf(kind: SearchGroup['kind'], hits: Hit[], plan: SearchPlan, limit: number): SearchGroup {
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  let hasMore = false;
  for (const hit of hits) {
    for (const row of hit.cases) {
      if (hit.creditorId !== null && row.creditorId !== hit.creditorId) continue;
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

function resultOf(row: HitCase, hit: Hit, plan: SearchPlan): SearchResult {
  const name = row.debtor ? debtorName(row.debtor) : '';
  const base = {
    caseId: row.id,
    caseReference: row.reference,
    stage: row.stage,
    status: row.status,
    creditorName: row.creditorName,
    debtorName: name,
    field: hit.field,
  };
  if (hit.field === 'name') {
    return { ...base, value: name, highlights: wordHighlights(name, plan.nameWords) };
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
