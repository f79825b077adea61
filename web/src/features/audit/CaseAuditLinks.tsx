import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';

/** From a case: its entries in the trail, and the debtor's own trail for compliance. Nothing for other roles. */
export function CaseAuditLinks({ caseId, debtorId }: { caseId: string; debtorId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const trail = can(me.role, 'audit.read');
  const debtor = can(me.role, 'sensitive_reads.read');
  if (!trail && !debtor) return null;
  return (
    <p className="audit-links">
      {trail ? (
        <Link className="button secondary" to={`/audit?${new URLSearchParams({ caseId }).toString()}`}>
          {t('auditTrail.caseTrailLink')}
        </Link>
      ) : null}{' '}
      {debtor ? (
        <Link className="button secondary" to={`/audit/debtors/${debtorId}`}>
          {t('auditTrail.debtorTrailLink')}
        </Link>
      ) : null}
    </p>
  );
}
