import type { Message } from '../../affordability/core/types.js';
import type { TaskKind } from '../../platform/db/schema.js';

export const TASK_TITLES: Record<TaskKind, Message> = {
  promise_broken: { fr: 'Promesse non tenue : reprendre contact', en: 'Broken promise: get back in touch', it: 'Promessa non mantenuta: ricontattare' },
  callback_missed: { fr: 'Rappel manqué : rappeler et s’excuser', en: 'Missed callback: call back and apologise', it: 'Richiamata mancata: richiamare e scusarsi' },
  dispute_review: { fr: 'Contestation : demander au créancier de confirmer', en: 'Dispute: ask the creditor to confirm', it: 'Contestazione: chiedere conferma al creditore' },
  care_referral: { fr: 'Fragilité déclarée : prise en charge par l’équipe d’accompagnement', en: 'Hardship declared: care team to take over', it: 'Fragilità dichiarata: presa in carico dal team di accompagnamento' },
  payment_check: { fr: 'Paiement annoncé : vérifier qu’il est arrivé', en: 'Payment reported: check it arrived', it: 'Pagamento annunciato: verificare che sia arrivato' },
  trace_contact: { fr: 'Mauvais numéro : rechercher de nouvelles coordonnées', en: 'Wrong number: find new contact details', it: 'Numero errato: cercare nuovi recapiti' },
  refusal_review: { fr: 'Refus : revoir l’approche du dossier', en: 'Refusal: review the approach to the case', it: 'Rifiuto: rivedere l’approccio alla pratica' },
};
