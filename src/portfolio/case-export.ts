import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import type { ExportColumn } from '../platform/export/table.js';
import type { ExportTable } from '../platform/export/send.js';
import type { Message } from '../platform/message.js';
import type { CaseExportQuery, CaseStatus, CaseSummary, Stage } from './contract.js';
import { searchCases } from './cases.js';

const STAGE: Record<Stage, Message> = {
  amicable: { fr: 'Amiable', en: 'Amicable', it: 'Stragiudiziale' },
  plan: { fr: 'Plan de paiement', en: 'Payment plan', it: 'Piano di rientro' },
  dispute: { fr: 'Contestation', en: 'Dispute', it: 'Contestazione' },
  overindebtedness: { fr: 'Surendettement', en: 'Over-indebtedness', it: 'Sovraindebitamento' },
  judicial: { fr: 'Judiciaire', en: 'Judicial', it: 'Giudiziale' },
  deceased: { fr: 'Décès (succession)', en: 'Deceased (estate)', it: 'Decesso (successione)' },
  closed: { fr: 'Clos', en: 'Closed', it: 'Chiusa' },
};
const STATUS: Record<CaseStatus, Message> = {
  open: { fr: 'Ouvert', en: 'Open', it: 'Aperta' },
  on_hold: { fr: 'Suspendu', en: 'On hold', it: 'Sospesa' },
  closed: { fr: 'Clos', en: 'Closed', it: 'Chiusa' },
};

/** The case list's columns, as the list shows them; a creditor user's list holds only its own cases. */
function caseColumns(locale: Actor['locale']): ExportColumn<CaseSummary>[] {
  return [
    { header: { fr: 'Référence', en: 'Reference', it: 'Riferimento' }, kind: 'text', value: (c) => c.reference },
    { header: { fr: 'Débiteur', en: 'Debtor', it: 'Debitore' }, kind: 'text', value: (c) => c.debtor.displayName },
    { header: { fr: 'Créancier', en: 'Creditor', it: 'Creditore' }, kind: 'text', value: (c) => c.creditor.name },
    { header: { fr: 'Étape', en: 'Stage', it: 'Fase' }, kind: 'text', value: (c) => STAGE[c.stage][locale] },
    { header: { fr: 'Statut', en: 'Status', it: 'Stato' }, kind: 'text', value: (c) => STATUS[c.status][locale] },
    { header: { fr: 'Encours', en: 'Balance', it: 'Saldo' }, kind: 'cents', value: (c) => c.balanceCents },
    { header: { fr: 'Devise', en: 'Currency', it: 'Valuta' }, kind: 'text', value: (c) => c.currency, width: 8 },
    { header: { fr: 'Ouvert le', en: 'Opened on', it: 'Aperta il' }, kind: 'date', value: (c) => c.openedOn },
  ];
}

/** The case list with its filters, every page, read by the list's own search (so in the actor's scope). */
export function caseExport(deps: Deps, actor: Actor, query: CaseExportQuery): ExportTable<CaseSummary> {
  const { format: _format, ...filters } = query;
  return {
    fileStem: 'cases',
    title: { fr: 'Dossiers', en: 'Cases', it: 'Pratiche' },
    columns: caseColumns(actor.locale),
    readPage: (paging) => searchCases(deps, actor, { ...filters, ...paging }),
  };
}
