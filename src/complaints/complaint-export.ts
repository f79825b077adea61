import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { ExportColumn } from '../platform/export/table.js';
import type { Message } from '../platform/message.js';
import type { ComplaintExportQuery, ComplaintView } from './contract.js';
import type { ComplaintOutcome, ComplaintStatus, ComplaintSubject, DeadlineStatus, RootCause } from './core/lists.js';
import { complaintRegister } from './read-complaints.js';

const SUBJECT: Record<ComplaintSubject, Message> = {
  contact_frequency: { fr: 'Fréquence des contacts', en: 'Contact frequency', it: 'Frequenza dei contatti' },
  amount: { fr: 'Montant', en: 'Amount', it: 'Importo' },
  hardship_not_heard: { fr: 'Difficultés non écoutées', en: 'Hardship not heard', it: 'Difficoltà non ascoltate' },
  fraud: { fr: 'Fraude', en: 'Fraud', it: 'Frode' },
  data: { fr: 'Données personnelles', en: 'Personal data', it: 'Dati personali' },
  agent_conduct: { fr: 'Comportement d’un agent', en: 'Conduct of an agent', it: 'Comportamento di un operatore' },
  other: { fr: 'Autre', en: 'Other', it: 'Altro' },
};
const STATUS: Record<ComplaintStatus, Message> = {
  received: { fr: 'Reçue', en: 'Received', it: 'Ricevuto' },
  acknowledged: { fr: 'Accusé de réception envoyé', en: 'Acknowledged', it: 'Ricevuta confermata' },
  answered: { fr: 'Répondue', en: 'Answered', it: 'Risposto' },
  closed: { fr: 'Close', en: 'Closed', it: 'Chiuso' },
  mediator: { fr: 'Chez le médiateur', en: 'With the mediator', it: 'Presso il mediatore' },
};
const OUTCOME: Record<ComplaintOutcome, Message> = {
  upheld: { fr: 'Fondée', en: 'Upheld', it: 'Accolto' },
  partially_upheld: { fr: 'Partiellement fondée', en: 'Partly upheld', it: 'Parzialmente accolto' },
  refused: { fr: 'Rejetée', en: 'Refused', it: 'Respinto' },
};
const ROOT_CAUSE: Record<RootCause, Message> = {
  contact_policy: { fr: 'Politique de contact', en: 'Contact policy', it: 'Politica di contatto' },
  process: { fr: 'Procédure', en: 'Process', it: 'Procedura' },
  agent_error: { fr: 'Erreur d’un agent', en: 'Agent error', it: 'Errore di un operatore' },
  creditor_data: { fr: 'Données du créancier', en: 'Creditor’s data', it: 'Dati del creditore' },
  system: { fr: 'Système', en: 'System', it: 'Sistema' },
  third_party: { fr: 'Tiers', en: 'Third party', it: 'Terzi' },
  no_fault: { fr: 'Aucun manquement', en: 'No fault found', it: 'Nessuna mancanza' },
};
const DEADLINE: Record<DeadlineStatus, Message> = {
  on_time: { fr: 'Dans les délais', en: 'On time', it: 'Nei termini' },
  due_soon: { fr: 'Échéance proche', en: 'Due soon', it: 'In scadenza' },
  overdue: { fr: 'En retard', en: 'Overdue', it: 'In ritardo' },
  met: { fr: 'Respecté', en: 'Met', it: 'Rispettato' },
  missed: { fr: 'Dépassé', en: 'Missed', it: 'Superato' },
};

/** The register of complaints and measures (CMF L54-11-33) for the regulator: one line a complaint. */
function columns(locale: Actor['locale']): ExportColumn<ComplaintView>[] {
  const column =
    (kind: 'text' | 'date') =>
    (header: Message, value: (c: ComplaintView) => string | null): ExportColumn<ComplaintView> => ({
      header,
      kind,
      value,
    });
  const text = column('text');
  const date = column('date');
  return [
    text({ fr: 'Référence', en: 'Reference', it: 'Riferimento' }, (c) => c.reference),
    text({ fr: 'Dossier', en: 'Case', it: 'Pratica' }, (c) => c.caseReference),
    text({ fr: 'Créancier', en: 'Creditor', it: 'Creditore' }, (c) => c.creditorName),
    text({ fr: 'Canal', en: 'Channel', it: 'Canale' }, (c) => c.channel),
    text({ fr: 'Objet', en: 'Subject', it: 'Oggetto' }, (c) => SUBJECT[c.subject][locale]),
    date({ fr: 'Reçue le', en: 'Received on', it: 'Ricevuto il' }, (c) => c.receivedOn),
    date({ fr: 'Accusé dû le', en: 'Acknowledge by', it: 'Conferma entro' }, (c) => c.acknowledgeBy),
    date({ fr: 'Accusé le', en: 'Acknowledged on', it: 'Confermato il' }, (c) => c.acknowledgedOn),
    date({ fr: 'Réponse due le', en: 'Answer by', it: 'Risposta entro' }, (c) => c.answerBy),
    date({ fr: 'Répondue le', en: 'Answered on', it: 'Risposto il' }, (c) => c.answeredOn),
    text({ fr: 'Délai', en: 'Deadline', it: 'Termine' }, (c) => DEADLINE[c.deadline.current][locale]),
    text({ fr: 'Statut', en: 'Status', it: 'Stato' }, (c) => STATUS[c.status][locale]),
    text({ fr: 'Issue', en: 'Outcome', it: 'Esito' }, (c) => (c.outcome ? OUTCOME[c.outcome][locale] : null)),
    text({ fr: 'Cause', en: 'Root cause', it: 'Causa' }, (c) => (c.rootCause ? ROOT_CAUSE[c.rootCause][locale] : null)),
    text({ fr: 'Mesures', en: 'Measures', it: 'Misure' }, (c) => c.measures),
    text({ fr: 'Médiateur', en: 'Mediator', it: 'Mediatore' }, (c) => c.mediator?.name ?? null),
    date({ fr: 'Close le', en: 'Closed on', it: 'Chiuso il' }, (c) => c.closedOn),
  ];
}

/** The register with its filters, whole (the regulator's copy). The summaries stay out: they may name a hardship. */
export function complaintExport(deps: Deps, actor: Actor, query: ComplaintExportQuery): ExportTable<ComplaintView> {
  const { format: _format, ...filter } = query;
  return {
    fileStem: 'complaints',
    title: { fr: 'Réclamations', en: 'Complaints', it: 'Reclami' },
    columns: columns(actor.locale),
    readPage: pagesOf(() => complaintRegister(deps, filter)),
  };
}
