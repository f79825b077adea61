/** Italian texts of the procedures' figures of law (merged into it.ts as `legalFigures`). */
export const legalFiguresIt = {
  heading: 'Termini e tariffe delle procedure',
  intro:
    'I termini che contano le procedure di sovraindebitamento e giudiziarie, e il compenso proporzionale del commissaire de justice. Ogni valore vale dalla sua data; un termine si conta con il valore in vigore il giorno in cui inizia, poi non cambia più.',
  readOnly: 'Un addetto alla conformità o un amministratore aggiunge un valore da una data.',
  add: 'Aggiungi un valore datato',
  added: 'Valore aggiunto: {{deadline}}, dal {{date}}.',
  procedures: { overindebtedness: 'Sovraindebitamento', judicial: 'Procedura giudiziaria' },
  columns: { deadline: 'Termine', length: 'Durata', moves: 'Giorno festivo', validFrom: 'Dal' },
  length: {
    days_one: '{{count}} giorno',
    days_other: '{{count}} giorni',
    months_one: '{{count}} mese',
    months_other: '{{count}} mesi',
  },
  units: { days: 'giorni', months: 'mesi' },
  moves: 'Prorogato al primo giorno lavorativo',
  stays: 'Non prorogato',
  upcoming: 'In arrivo',
  replaced: 'Sostituito',
  inForce: 'In vigore',
  tags: { law: 'Legge', check: 'Da confermare', choice: 'Scelta dell’agenzia' },
  fee: {
    heading: 'Compenso proporzionale del commissaire de justice (A444-32)',
    intro:
      'A carico del creditore (R444-55), sulle somme incassate dal commissaire: un’aliquota per scaglione, un minimo e un massimo.',
    from: 'Tariffa dal {{date}}',
    band: 'Scaglione',
    rate: 'Aliquota',
    between: 'Da {{from}} a {{to}}',
    above: 'Oltre {{from}}',
    bounds: 'Minimo {{floor}} (e compenso fisso fino a {{upto}}), massimo {{cap}}.',
  },
  form: {
    heading: 'Aggiungi un valore datato',
    deadline: 'Termine',
    amount: 'Durata',
    unit: 'Unità',
    tag: 'Stato del valore',
    validFrom: 'Dal',
    validFromHint: 'Oggi o più tardi: un termine già iniziato mantiene il suo valore.',
    source: 'Fonte (testo, articolo)',
    moves:
      'Un termine che scade di sabato, di domenica o in un giorno festivo è prorogato al primo giorno lavorativo (CPC 642)',
    submit: 'Aggiungi il valore',
    close: 'Chiudi il modulo',
  },
  addFee: 'Aggiungi una tabella datata',
  feeForm: {
    heading: 'Aggiungi una tabella del diritto proporzionale (A444-32)',
    validFromHint: 'Oggi o più tardi: ogni incasso è calcolato con la tabella in vigore il giorno in cui è ricevuto.',
    floor: 'Minimo (€)',
    floorUpto: 'Diritto fisso fino a (€)',
    cap: 'Massimo (€)',
    amountHint: 'In euro, per esempio 1250,50.',
    amountInvalid: '{{field}}: inserisci un importo in euro, per esempio 1250,50.',
    bands: 'Scaglioni',
    bandsHint:
      'Ogni scaglione arriva fino a un importo, a un’aliquota in percentuale (al massimo due decimali); l’ultimo prende tutto ciò che supera.',
    bandUpto: 'Scaglione {{n}}: fino a (€)',
    bandRate: 'Scaglione {{n}}: aliquota (%)',
    openBandRate: 'Scaglione {{n}}, oltre: aliquota (%)',
    rateInvalid: '{{field}}: inserisci un’aliquota in percentuale, al massimo due decimali, per esempio 4,50.',
    addBand: 'Aggiungi uno scaglione',
    removeBand: 'Togli',
    removeBandLabel: 'Togli lo scaglione {{n}}',
    submit: 'Aggiungi la tabella',
    added: 'Tabella aggiunta, dal {{date}}.',
    seeField: 'Il server ha rifiutato la tabella: vedi il campo «{{field}}».',
  },
};

export const legalFiguresProblemsIt = {
  legal_figures: {
    valid_from_past:
      'Un valore si aggiunge da oggi o da un giorno futuro: un termine già contato mantiene il suo valore.',
    already_dated: 'Questo valore ha già una riga in quel giorno: scegliete un altro giorno.',
    bands_unordered: 'Gli scaglioni devono salire: ogni limite sopra il precedente.',
    last_band_open: 'Solo l’ultimo scaglione è aperto (senza limite); tutti gli altri ne hanno uno.',
    floor_above_cap: 'Il minimo non può superare il massimo.',
  },
};
