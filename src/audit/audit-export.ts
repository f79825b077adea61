import type { Deps } from '../platform/deps.js';
import { pagesInOrder, type ExportTable } from '../platform/export/send.js';
import type { AuditEntry, AuditFilter } from './contract.js';
import { auditEntries } from './list-entries.js';
import { auditFilterWords, type AppliedAuditFilter } from './core/filter-words.js';

/**
 * The audit trail with its filters, newest first, as the list reads it; the family and the action are their stable
 * codes (the page names them in words), the case, debtor and user concerned by name. The filters, in words, head the
 * file.
 */
export function auditExport(deps: Deps, filter: AuditFilter, applied: AppliedAuditFilter): ExportTable<AuditEntry> {
  return {
    caption: {
      fr: `Filtres : ${auditFilterWords(applied, 'fr')}`,
      en: `Filters: ${auditFilterWords(applied, 'en')}`,
      it: `Filtri: ${auditFilterWords(applied, 'it')}`,
    },
    fileStem: 'audit',
    title: { fr: 'Journal d’audit', en: 'Audit trail', it: 'Registro di audit' },
    columns: [
      { header: { fr: 'N°', en: 'No.', it: 'N.' }, kind: 'count', value: (e) => e.seq },
      { header: { fr: 'Date', en: 'Date', it: 'Data' }, kind: 'instant', value: (e) => e.occurredAt },
      { header: { fr: 'Famille', en: 'Family', it: 'Famiglia' }, kind: 'text', value: (e) => e.family },
      { header: { fr: 'Action', en: 'Action', it: 'Azione' }, kind: 'text', value: (e) => e.action },
      { header: { fr: 'Auteur', en: 'Author', it: 'Autore' }, kind: 'text', value: (e) => e.actor.name },
      { header: { fr: 'Rôle', en: 'Role', it: 'Ruolo' }, kind: 'text', value: (e) => e.actor.role },
      { header: { fr: 'Dossier', en: 'Case', it: 'Pratica' }, kind: 'text', value: (e) => e.case?.name ?? null },
      { header: { fr: 'Débiteur', en: 'Debtor', it: 'Debitore' }, kind: 'text', value: (e) => e.debtor?.name ?? null },
      { header: { fr: 'Utilisateur', en: 'User', it: 'Utente' }, kind: 'text', value: (e) => e.user?.name ?? null },
      { header: { fr: 'Montant', en: 'Amount', it: 'Importo' }, kind: 'cents', value: (e) => e.facts.amountCents },
      {
        header: { fr: 'Référence', en: 'Reference', it: 'Riferimento' },
        kind: 'text',
        value: (e) => e.facts.reference,
      },
    ],
    readPage: pagesInOrder(auditEntries(deps, filter)),
  };
}
