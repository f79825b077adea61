import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import type { AuditEntry } from './api.js';

const NONE = '—';

/** An entry as a sentence in the reader's language: "Martine Roux a enregistré un paiement de 150,50 € sur…". */
export function useEntrySentence() {
  const { t } = useTranslation();
  const format = useFormat();
  return (entry: AuditEntry): string => {
    const values = {
      actor: entry.actor.name ?? t('auditTrail.system'),
      case: entry.case?.name ?? NONE,
      debtor: entry.debtor?.name ?? NONE,
      user: entry.user?.name ?? NONE,
      amount: entry.facts.amountCents === null ? NONE : format.money(entry.facts.amountCents),
      count: entry.facts.count === null ? NONE : format.count(entry.facts.count),
      version: entry.facts.version === null ? NONE : format.count(entry.facts.version),
      reference: entry.facts.reference ?? '',
      action: entry.action,
    };
    return t(`auditTrail.actions.${entry.action}`, {
      ...values,
      defaultValue: t('auditTrail.unknownAction', values),
    });
  };
}

/** Where a debtor's trail opens for this reader: their own trail (compliance), else the trail filtered on them. */
export function useDebtorTrailPath() {
  const me = useMe();
  return (debtorId: string) =>
    can(me.role, 'sensitive_reads.read')
      ? `/audit/debtors/${debtorId}`
      : `/audit?${new URLSearchParams({ debtorId }).toString()}`;
}

/** The case, debtor and user an entry concerns, each a link to where it is read. */
export function EntryLinks({ entry }: { entry: Pick<AuditEntry, 'case' | 'debtor' | 'user'> }) {
  const { t } = useTranslation();
  const me = useMe();
  const debtorPath = useDebtorTrailPath();
  const links = [
    entry.case ? (
      can(me.role, 'cases.read') ? (
        <Link to={`/cases/${entry.case.id}`}>{t('auditTrail.caseLink', { reference: entry.case.name })}</Link>
      ) : (
        t('auditTrail.caseLink', { reference: entry.case.name })
      )
    ) : null,
    entry.debtor ? (
      <Link to={debtorPath(entry.debtor.id)}>{t('auditTrail.debtorLink', { name: entry.debtor.name })}</Link>
    ) : null,
    entry.user ? (
      <Link to={`/audit?${new URLSearchParams({ actorUserId: entry.user.id }).toString()}`}>
        {t('auditTrail.userLink', { name: entry.user.name })}
      </Link>
    ) : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return <>{NONE}</>;
  return (
    <ul className="plain-list">
      {links.map((link, index) => (
        <li key={index}>{link}</li>
      ))}
    </ul>
  );
}

/** What the entry recorded, for whoever needs the exact data (folded away). */
export function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        {t('auditTrail.details')}
        <span className="visually-hidden"> {t('auditTrail.ofEntry', { seq: entry.seq })}</span>
      </summary>
      <p className="data-label">{t('auditTrail.entryNumber', { seq: entry.seq })}</p>
      <p>
        <code>{entry.action}</code>
      </p>
      {entry.before != null ? (
        <>
          <p className="data-label">{t('audit.before')}</p>
          <pre>{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      ) : null}
      {entry.after != null ? (
        <>
          <p className="data-label">{t('audit.after')}</p>
          <pre>{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}
