import type { Deps } from '../platform/deps.js';
import type { AuditFilter } from './contract.js';
import type { AppliedAuditFilter } from './core/filter-words.js';
import { debtorNameSql } from './entry-subjects.js';

/**
 * The trail's filter with each id named, for the page and the export to state it in words: the author and the debtor
 * by name, the case by its reference. An id that names nothing keeps a null name (the filter still applies).
 */
export async function appliedAuditFilter(deps: Deps, filter: AuditFilter): Promise<AppliedAuditFilter> {
  const db = deps.db;
  const [author, debtor, kase] = await Promise.all([
    filter.actorUserId
      ? db.selectFrom('users').select('display_name').where('id', '=', filter.actorUserId).executeTakeFirst()
      : undefined,
    filter.debtorId
      ? db.selectFrom('debtors').select(debtorNameSql.as('name')).where('id', '=', filter.debtorId).executeTakeFirst()
      : undefined,
    filter.caseId
      ? db.selectFrom('cases').select('reference').where('id', '=', filter.caseId).executeTakeFirst()
      : undefined,
  ]);
  let named: AppliedAuditFilter['case'] = null;
  if (filter.caseId) named = { id: filter.caseId, reference: kase?.reference ?? filter.caseReference ?? '?' };
  else if (filter.caseReference) named = { id: null, reference: filter.caseReference };
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    author: filter.actorUserId ? { id: filter.actorUserId, name: author?.display_name ?? null } : null,
    case: named,
    debtor: filter.debtorId ? { id: filter.debtorId, name: debtor?.name ?? null } : null,
    family: filter.family ?? null,
    action: filter.action ?? null,
  };
}
