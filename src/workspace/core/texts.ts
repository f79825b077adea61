import type { Message } from '../../platform/message.js';
import type { TaskKind } from '../../platform/db/schema.js';

export const TASK_TITLES: Record<TaskKind, Message> = {
  promise_broken: {
    fr: 'Promesse non tenue : reprendre contact',
    en: 'Broken promise: get back in touch',
    it: 'Promessa non mantenuta: ricontattare',
  },
  callback_missed: {
    fr: 'Rappel manqué : rappeler et s’excuser',
    en: 'Missed callback: call back and apologise',
    it: 'Richiamata mancata: richiamare e scusarsi',
  },
  dispute_review: {
    fr: 'Contestation : demander au créancier de confirmer',
    en: 'Dispute: ask the creditor to confirm',
    it: 'Contestazione: chiedere conferma al creditore',
  },
  // Every reader of the case sees its tasks and timeline: the title says that a care rule applies, not why (need-to-know).
  care_referral: {
    fr: 'Règle de soin : prise en charge par l’équipe d’accompagnement',
    en: 'Care rule: care team to take over',
    it: 'Regola di tutela: presa in carico dal team di accompagnamento',
  },
  payment_check: {
    fr: 'Paiement annoncé : vérifier qu’il est arrivé',
    en: 'Payment reported: check it arrived',
    it: 'Pagamento annunciato: verificare che sia arrivato',
  },
  trace_contact: {
    fr: 'Coordonnées erronées (numéro, adresse) : rechercher de nouvelles coordonnées',
    en: 'Wrong contact details (number, address): find new ones',
    it: 'Recapiti errati (numero, indirizzo): cercarne di nuovi',
  },
  refusal_review: {
    fr: 'Refus : revoir l’approche du dossier',
    en: 'Refusal: review the approach to the case',
    it: 'Rifiuto: rivedere l’approccio alla pratica',
  },
  liabilities_statement: {
    fr: 'Surendettement : vérifier l’état du passif et envoyer le décompte de la créance',
    en: 'Over-indebtedness: check the statement of liabilities and send the claim’s itemised statement',
    it: 'Sovraindebitamento: verificare lo stato passivo e inviare il dettaglio del credito',
  },
  // The title says a care rule is due for review, not why (need-to-know): every reader of the case sees its tasks.
  vulnerability_review: {
    fr: 'Règle de soin : revue à faire par l’équipe d’accompagnement',
    en: 'Care rule: review due by the care team',
    it: 'Regola di tutela: revisione da fare dal team di accompagnamento',
  },
  // The title never quotes the reply (it may hold special-category data): the text is on the case, for its readers.
  sms_reply: {
    fr: 'Réponse du débiteur par SMS : la lire et lui répondre',
    en: 'The debtor replied by SMS: read it and answer',
    it: 'Il debitore ha risposto via SMS: leggere e rispondere',
  },
  // The title never quotes the address or the number: they are on the case's contact details, for its readers.
  contact_check: {
    fr: 'Le débiteur a donné une nouvelle coordonnée sur son espace : la vérifier',
    en: 'The debtor gave new contact details on the portal: verify them',
    it: 'Il debitore ha indicato un nuovo recapito nel suo spazio: verificarlo',
  },
  card_payment_check: {
    fr: 'Paiement par carte reçu par le prestataire mais non enregistré : l’enregistrer à la main ou le rembourser',
    en: 'Card payment taken by the provider but not recorded: record it by hand or refund it',
    it: 'Pagamento con carta incassato dal fornitore ma non registrato: registrarlo a mano o rimborsarlo',
  },
};

const TAGS = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' } as const;
const dayFormats = Object.fromEntries(
  Object.entries(TAGS).map(([lang, tag]) => [
    lang,
    new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  ]),
) as Record<keyof Message, Intl.DateTimeFormat>;

/** A calendar date in words: 4 décembre 2026 / 4 December 2026 / 4 dicembre 2026. */
export function dateWords(isoDate: string): Message {
  const at = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return { fr: dayFormats.fr.format(at), en: dayFormats.en.format(at), it: dayFormats.it.format(at) };
}

/** An instant on the debtor's own clock, in words: mercredi 25 novembre 2026 à 10:30 (Europe/Paris). */
export function momentWords(timeZone: string, at: number): Message {
  const format = (tag: string) =>
    new Intl.DateTimeFormat(tag, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  return {
    fr: `${format(TAGS.fr)} (${timeZone})`,
    en: `${format(TAGS.en)} (${timeZone})`,
    it: `${format(TAGS.it)} (${timeZone})`,
  };
}

export const OUTCOME_WORDS: Record<string, Message> = {
  none: { fr: 'jamais contacté', en: 'never contacted', it: 'mai contattato' },
  no_answer: { fr: 'pas de réponse', en: 'no answer', it: 'nessuna risposta' },
  busy: { fr: 'occupé', en: 'busy', it: 'occupato' },
  voicemail: { fr: 'messagerie', en: 'voicemail', it: 'segreteria' },
  wrong_number: { fr: 'mauvais numéro', en: 'wrong number', it: 'numero errato' },
  third_party: { fr: 'tiers', en: 'third party', it: 'terzo' },
  right_party: { fr: 'conversation', en: 'conversation', it: 'conversazione' },
  promise: { fr: 'promesse', en: 'promise', it: 'promessa' },
  callback: { fr: 'rappel demandé', en: 'callback requested', it: 'richiamata chiesta' },
  refusal: { fr: 'refus', en: 'refusal', it: 'rifiuto' },
  dispute: { fr: 'contestation', en: 'dispute', it: 'contestazione' },
  hardship: { fr: 'difficultés déclarées', en: 'hardship declared', it: 'difficoltà dichiarate' },
  bereavement: { fr: 'deuil déclaré', en: 'bereavement declared', it: 'lutto dichiarato' },
  already_paid: { fr: 'déjà payé', en: 'already paid', it: 'già pagato' },
  information: { fr: 'information', en: 'information', it: 'informazione' },
};

export const PLAN_STATE_WORDS: Record<string, Message> = {
  none: { fr: 'aucun', en: 'none', it: 'nessuno' },
  proposed: { fr: 'proposé', en: 'proposed', it: 'proposto' },
  pending_approval: { fr: 'en attente de validation', en: 'awaiting approval', it: 'in attesa di approvazione' },
  agreed: { fr: 'convenu', en: 'agreed', it: 'concordato' },
  active: { fr: 'en cours', en: 'active', it: 'in corso' },
  late: { fr: 'en retard', en: 'late', it: 'in ritardo' },
  broken: { fr: 'rompu', en: 'broken', it: 'decaduto' },
  completed: { fr: 'terminé', en: 'completed', it: 'completato' },
  cancelled: { fr: 'annulé', en: 'cancelled', it: 'annullato' },
  refused: { fr: 'refusé', en: 'refused', it: 'rifiutato' },
};

export const TASK_KIND_WORDS = TASK_TITLES;
