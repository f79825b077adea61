import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditList } from './api.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';

type Applied = AuditList['applied'];

function period(applied: Applied, t: TFunction, format: Formatters): string | null {
  const from = applied.from ? format.dayInWords(applied.from) : null;
  const to = applied.to ? format.dayInWords(applied.to) : null;
  if (from && to) return t('auditTrail.applied.between', { from, to });
  if (from) return t('auditTrail.applied.since', { from });
  if (to) return t('auditTrail.applied.until', { to });
  return null;
}

/**
 * One kind of act in words: its sentence with a generic author and "…" for what each entry names ("Quelqu’un a
 * enregistré un paiement de … sur le dossier …"); an action the app has no sentence for keeps its code.
 */
function actionInWords(action: string, t: TFunction): string {
  const blank = '…';
  return t(`auditTrail.actions.${action}`, {
    actor: t('auditTrail.applied.someone'),
    case: blank,
    debtor: blank,
    user: blank,
    amount: blank,
    count: blank,
    version: blank,
    reference: blank,
    defaultValue: action,
  });
}

/** The filters as a person reads them: "Du 1 déc. 2026 au 3 déc. 2026 · Auteur : Marie Dupont · Domaine : Paiements". */
export function appliedFilterWords(applied: Applied, t: TFunction, format: Formatters): string {
  const unknown = t('auditTrail.applied.unknown');
  const parts = [
    period(applied, t, format),
    applied.author ? t('auditTrail.applied.author', { name: applied.author.name ?? unknown }) : null,
    applied.case ? t('auditTrail.applied.case', { reference: applied.case.reference }) : null,
    applied.debtor ? t('auditTrail.applied.debtor', { name: applied.debtor.name ?? unknown }) : null,
    applied.family
      ? t('auditTrail.applied.family', { family: labelOf(t, 'auditTrail.families', applied.family) })
      : null,
    applied.action ? t('auditTrail.applied.action', { action: actionInWords(applied.action, t) }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? t('auditTrail.applied.none') : parts.join(' · ');
}

/** The filters the list shows, in words, above it (the export heads its file with the same words). */
export function AppliedFilters({ applied }: { applied: Applied }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="applied-filters" data-applied-filters>
      <strong>{t('auditTrail.applied.label')}</strong> {appliedFilterWords(applied, t, format)}
    </p>
  );
}
