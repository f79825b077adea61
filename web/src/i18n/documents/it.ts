import type { documentsFr, documentsProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Italian texts of the documents on a case: complete. */
export const documentsIt: Widen<typeof documentsFr> = {
  heading: 'Documenti',
  caption: 'Documenti della pratica',
  none: 'Nessun documento su questa pratica.',
  creditorIntro: 'I documenti che l’agenzia condivide con voi su questa pratica, e quelli che avete caricato.',
  column: {
    document: 'Documento',
    type: 'Tipo',
    source: 'Provenienza',
    uploaded: 'Caricato',
    retention: 'Conservazione',
    size: 'Dimensione',
    actions: 'Azioni',
  },
  uploadedBy: '{{date}} da {{name}}',
  uploadedOnPortal: '{{date}} dal debitore, nel suo spazio',
  uploadedAt: '{{date}}',
  download: 'Scarica {{name}}',
  restricted: 'Documento protetto (necessità di conoscere)',
  sharedBadge: 'Condiviso con il creditore',
  specialBadge: 'Categoria particolare',
  retentionOpen: '{{period}} dopo la chiusura della pratica',
  retentionUntil: 'Fino al {{date}}',
  months: '{{count}} mesi',
  years: '{{count}} anni',
  bases: {
    limitation: 'Prescrizione quinquennale (Codice civile francese, art. 2224)',
    enforcement:
      'Una sentenza è eseguibile per dieci anni (Codice francese delle procedure civili di esecuzione, art. L111-4)',
    minimisation: 'Minimizzazione dei dati (GDPR, art. 5)',
  },
  types: {
    proof_of_income: 'Prova di reddito',
    identity_proof: 'Documento d’identità',
    medical_proof: 'Certificato medico',
    death_certificate: 'Certificato di morte',
    creditor_evidence: 'Documento del creditore',
    court_decision: 'Decisione giudiziaria',
    correspondence: 'Corrispondenza',
    other: 'Altro',
  },
  sources: {
    agent: 'Agenzia',
    debtor: 'Debitore',
    creditor: 'Creditore',
    court: 'Tribunale',
    bailiff: 'Ufficiale giudiziario',
    third_party: 'Terzo',
  },
  erase: {
    button: 'Cancella',
    buttonLabel: 'Cancella {{name}}',
    heading: 'Cancellare «{{name}}»?',
    intro:
      'Il documento e il suo file saranno eliminati prima della fine del periodo di conservazione. La cancellazione e il suo motivo sono registrati nel registro di audit; non può essere annullata.',
    confirm: 'Cancella il documento',
    done: 'Documento «{{name}}» cancellato.',
  },
  readWithReason: {
    button: 'Leggi con un motivo',
    heading: 'Leggere un documento protetto',
    intro:
      'Questo documento contiene dati di categoria particolare (salute). Puoi aprirlo indicando perché ti serve: la lettura e il motivo sono registrati.',
    confirm: 'Apri il documento',
  },
  reasonDialog: {
    reason: 'Motivo',
    hint: 'Almeno {{count}} caratteri: il motivo è conservato con l’atto.',
    cancel: 'Annulla',
  },
  upload: {
    heading: 'Aggiungi un documento',
    file: 'File',
    fileHint: 'PDF, PNG, JPEG, TIFF o testo, al massimo {{size}}. Il tipo è verificato dal contenuto.',
    type: 'Tipo di documento',
    source: 'Provenienza',
    description: 'Descrizione (facoltativa)',
    shared: 'Condividi con il creditore',
    special: 'Categoria particolare (salute…): letto solo da chi ha necessità di conoscere, mai condiviso',
    submit: 'Aggiungi il documento',
    sending: 'Invio…',
    done: 'Documento «{{name}}» aggiunto.',
    chooseFile: 'Scegliete un file.',
  },
};

export const documentsProblemsIt: Widen<typeof documentsProblemsFr> = {
  documents: {
    type_not_allowed:
      'Questo file non è di un tipo ammesso (PDF, PNG, JPEG, TIFF o testo): scansionatelo o salvatelo in PDF.',
    empty: 'Il file è vuoto: scegliete di nuovo il documento.',
    special_category_not_shared:
      'Un documento di categoria particolare (salute, per esempio) non è mai condiviso con il creditore: togliete la condivisione.',
    creditor_source_only: 'Un creditore carica i propri documenti: scegliete «Creditore» come provenienza.',
    no_retention_period:
      'Nessun periodo di conservazione è in vigore per questo tipo di documento: un amministratore deve aggiungerne uno.',
    need_to_know:
      'Questo documento contiene dati di categoria particolare: si apre per il team di assistenza, la conformità e chi segue la pratica.',
    file_missing: 'Il file di questo documento non è più conservato.',
  },
};
