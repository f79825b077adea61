import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEntry, AuditFilter, AuditList } from './api.js';
import { listAudit } from './api.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { AuditFilters, FILTER_KEYS, type FilterKey } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { AppliedFilters } from './AppliedFilters.js';
import { ChainVerification } from './ChainVerification.js';
import { useKeysetPages } from './useKeysetPages.js';
import { can } from '../identity/permissions.js';
import { SensitiveReadsSection } from '../need-to-know/SensitiveReadsSection.js';
import { useMe } from '../identity/SessionProvider.js';

const PAGE_SIZE = 50;

/** The trail for compliance: each act in words, filtered by days, author, area, case or debtor, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const key = JSON.stringify(filter);
  const trail = useKeysetPages<AuditEntry, AuditList>(
    (cursor, signal) => listAudit({ ...filter, ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }, signal),
    key,
  );
  usePageTitle(t('audit.title'));
  const me = useMe();

  return (
    <>
      <h1>{t('audit.heading')}</h1>
      <p className="muted">{t('auditTrail.intro')}</p>
      <ChainVerification />
      <AuditFilters
        values={
          Object.fromEntries(FILTER_KEYS.map((name) => [name, params.get(name) ?? ''])) as Record<FilterKey, string>
        }
        debtorName={trail.items.find((entry) => entry.debtor?.id === filter.debtorId)?.debtor?.name ?? null}
        onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')))}
      />
      {trail.first.status === 'ready' ? <AppliedFilters applied={trail.first.data.applied} /> : null}
      <ExportButtons path="/api/v1/audit/export" query={filter} what={t('exports.lists.audit')} />
      <AsyncContent data={trail.first} onRetry={trail.first.reload}>
        {() => (
          <AuditTable
            trail={{
              entries: trail.items,
              hasMore: trail.hasMore,
              loadingMore: trail.loadingMore,
              moreError: trail.moreError,
              onMore: () => void trail.more(),
            }}
          />
        )}
      </AsyncContent>
      {/* The trail is the page's subject, on the first screen; the lookup of sensitive reads, a tool apart, follows. */}
      {can(me.role, 'sensitive_reads.read') ? <SensitiveReadsSection /> : null}
    </>
  );
}

/** The filter, fully described by the address: a link or the back button gives the same list. */
function filterFrom(params: URLSearchParams): AuditFilter {
  const filter: Record<string, string> = {};
  for (const name of FILTER_KEYS) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter as AuditFilter;
}
