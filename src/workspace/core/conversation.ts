import type { Message } from '../../platform/message.js';

/**
 * The call script, built on active listening. Identity comes first: until the person who answers is confirmed to be
 * the debtor, nothing about the debt is said (a wrong person or a third party: disclose nothing, record it). The
 * steps checked off are stored with the call, for quality reviews.
 */
export interface ScriptStep {
  id: string;
  title: Message;
  guidance: Message;
  rightPartyOnly: boolean;
}

export const SCRIPT: readonly ScriptStep[] = [
  {
    id: 'identity',
    title: { fr: 'Confirmer l’identité', en: 'Confirm identity', it: 'Confermare l’identità' },
    guidance: {
      fr: 'Demandez à parler à la personne par son nom et faites confirmer deux éléments (date de naissance, adresse) avant de parler de la dette. Si ce n’est pas elle : ne dites rien de la dette, proposez de rappeler.',
      en: 'Ask for the person by name and have two details confirmed (birth date, address) before mentioning the debt. If it is someone else: say nothing about the debt, offer to call back.',
      it: 'Chiedete della persona per nome e fate confermare due dati (data di nascita, indirizzo) prima di parlare del debito. Se non è lei: non dite nulla del debito, proponete di richiamare.',
    },
    rightPartyOnly: false,
  },
  {
    id: 'listen',
    title: { fr: 'Écouter', en: 'Listen', it: 'Ascoltare' },
    guidance: {
      fr: 'Présentez-vous et l’objet de l’appel en une phrase, puis laissez la personne expliquer sa situation sans l’interrompre.',
      en: 'Introduce yourself and the reason for the call in one sentence, then let the person explain their situation without interrupting.',
      it: 'Presentatevi e dite il motivo della chiamata in una frase, poi lasciate che la persona spieghi la sua situazione senza interromperla.',
    },
    rightPartyOnly: true,
  },
  {
    id: 'reformulate',
    title: { fr: 'Reformuler', en: 'Reformulate', it: 'Riformulare' },
    guidance: {
      fr: 'Redites avec vos mots ce que vous avez compris («\u00a0Si je comprends bien…\u00a0») et faites-le confirmer.',
      en: 'Say back in your own words what you understood (“If I understand you correctly…”) and have it confirmed.',
      it: 'Ripetete con parole vostre ciò che avete capito («Se ho capito bene…») e fatelo confermare.',
    },
    rightPartyOnly: true,
  },
  {
    id: 'situation',
    title: { fr: 'Comprendre la situation', en: 'Understand the situation', it: 'Capire la situazione' },
    guidance: {
      fr: 'Notez la situation (revenus, charges, événements) et proposez de faire le point sur le budget : un plan doit tenir dans ce que la personne peut payer.',
      en: 'Record the situation (income, expenses, events) and offer a budget assessment: a plan must fit what the person can pay.',
      it: 'Annotate la situazione (redditi, spese, eventi) e proponete di fare il punto sul bilancio: un piano deve stare in ciò che la persona può pagare.',
    },
    rightPartyOnly: true,
  },
  {
    id: 'propose',
    title: { fr: 'Proposer', en: 'Propose', it: 'Proporre' },
    guidance: {
      fr: 'Proposez ce que la personne peut payer : paiement, plan à sa mesure, ou orientation (Banque de France, conseil budgétaire gratuit) si elle ne peut pas.',
      en: 'Propose what the person can pay: a payment, a plan that fits, or orientation (Banque de France, free debt advice) if they cannot.',
      it: 'Proponete ciò che la persona può pagare: un pagamento, un piano adatto, o un orientamento (consulenza gratuita sul debito) se non può.',
    },
    rightPartyOnly: true,
  },
  {
    id: 'explain',
    title: { fr: 'Expliquer la procédure', en: 'Explain the procedure', it: 'Spiegare la procedura' },
    guidance: {
      fr: 'Lisez «\u00a0Où en est ce dossier\u00a0» : la procédure engagée, la suite et ce qui se passe sans solution. Aucuns frais de recouvrement amiable ne sont à sa charge.',
      en: 'Read “Where this file stands”: the procedure engaged, what comes next and what happens without a solution. No amicable collection fee is ever charged to them.',
      it: 'Leggete «A che punto è la pratica»: la procedura avviata, i prossimi passi e cosa succede senza soluzione.',
    },
    rightPartyOnly: true,
  },
  {
    id: 'agree',
    title: { fr: 'Conclure et confirmer', en: 'Agree and confirm', it: 'Concludere e confermare' },
    guidance: {
      fr: 'Récapitulez ce qui est convenu (montant, date, moyen de paiement, prochain contact) et faites-le confirmer ; un écrit suivra.',
      en: 'Sum up what was agreed (amount, date, means of payment, next contact) and have it confirmed; a written confirmation follows.',
      it: 'Riassumete quanto concordato (importo, data, mezzo di pagamento, prossimo contatto) e fatelo confermare; seguirà una conferma scritta.',
    },
    rightPartyOnly: true,
  },
];

export const STEP_IDS = new Set(SCRIPT.map((step) => step.id));

/** The only message a voicemail may carry: no debt, no creditor, no trade named (a third party may hear it). */
export const VOICEMAIL_SCRIPT: Message = {
  fr: 'Bonjour, ici {agent} de la part du cabinet {agency}. Merci de nous rappeler au {number}, du lundi au vendredi de 9 h à 20 h, le samedi de 9 h à 13 h. Bonne journée.',
  en: 'Hello, this is {agent} calling from {agency}. Please call us back on {number}, Monday to Friday 9 am to 8 pm, Saturday 9 am to 1 pm. Thank you.',
  it: 'Buongiorno, sono {agent} dello studio {agency}. La preghiamo di richiamarci al {number}, dal lunedì al venerdì dalle 9 alle 20, il sabato dalle 9 alle 13. Buona giornata.',
};
