import type { needToKnowFr, needToKnowProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Italian texts of need-to-know on special-category data and of its problem codes: complete. */
export const needToKnowIt: Widen<typeof needToKnowFr> = {
  reasonWithheld: 'Regola di tutela: dettagli riservati (necessità di conoscere)',
  careRule: {
    untilEnd: 'Regola di tutela in vigore: questo canale è sospeso fino alla fine della regola.',
    untilLifted: 'Regola di tutela in vigore: questo canale è sospeso finché una persona non revoca la regola.',
    notice: 'Regola di tutela in vigore: la rispetti; i motivi sono riservati a chi ha necessità di conoscerli.',
  },
  reads: {
    heading: 'Letture di dati sensibili',
    intro:
      'Chi ha letto il bilancio o la fragilità di un debitore, quando, a quale titolo e, fuori dalla pratica che segue, per quale motivo. Le letture sono sigillate nel registro di audit a lotti ogni cinque minuti.',
    by: 'Cerca per',
    byDebtor: 'debitore',
    byUser: 'utente',
    id: 'Identificativo',
    idHint: 'L’identificativo del debitore (pagina della pratica) o dell’utente.',
    search: 'Mostra le letture',
    none: 'Nessuna lettura registrata.',
    caption: 'Letture di dati sensibili, dalle più recenti',
    older: 'Letture precedenti',
    columns: {
      at: 'Data',
      user: 'Utente',
      role: 'Ruolo',
      debtor: 'Debitore',
      case: 'Pratica',
      subject: 'Dato letto',
      basis: 'A quale titolo',
      reason: 'Motivo',
      sealed: 'Sigillata',
    },
    subjects: {
      budget: 'Bilancio',
      vulnerability: 'Fragilità',
      audit_trail: 'Registro del debitore',
      document: 'Documento di categoria particolare',
    },
    bases: {
      care_team: 'Team di sostegno',
      case_holder: 'Segue la pratica',
      compliance: 'Conformità',
      stated_reason: 'Motivo indicato',
      restricted: 'Lettura oscurata',
    },
  },
};

export const needToKnowProblemsIt: Widen<typeof needToKnowProblemsFr> = {
  need_to_know: {
    reason_not_accepted:
      'Il suo ruolo legge i dettagli di salute e fragilità solo sulle pratiche che segue: la prenda dalla sua coda o chieda al suo capo squadra di assegnargliela.',
    reason_too_short:
      'Indichi perché le servono questi dettagli (almeno 10 caratteri): il motivo è conservato con la sua lettura.',
  },
  sensitive_reads: {
    one_filter: 'Scelga un debitore o un utente, non entrambi.',
  },
};
