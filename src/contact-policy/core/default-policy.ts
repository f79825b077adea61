import type { CareProfile, PolicyDocument } from './policy-document.js';

const weekdays = (from: string, to: string) => [{ from, to }];

/**
 * The softer contact profile shipped for debtors with an active vulnerability record (FCA FG21/1, REGULATION §5):
 * fewer touches (one call attempt a day, two in seven days, four contacts in thirty), three days between calls, and a
 * letter or an e-mail before any call or SMS. Published versions written before the profile existed read with it.
 */
export const DEFAULT_CARE_PROFILE: CareProfile = {
  caps: [
    { id: 'phone.day', channels: ['phone'], counts: 'attempts', max: 1, per: { localDay: true }, basis: 'CHOICE' },
    { id: 'phone.7d', channels: ['phone'], counts: 'attempts', max: 2, per: { rollingDays: 7 }, basis: 'CHOICE' },
    {
      id: 'all.30d',
      channels: ['phone', 'sms', 'email', 'letter'],
      counts: 'attempts',
      max: 4,
      per: { rollingDays: 30 },
      basis: 'CHOICE',
    },
  ],
  spacing: [{ id: 'phone', channels: ['phone'], minHours: 72, basis: 'CHOICE' }],
  writtenFirst: true,
  basis: 'CHOICE',
  source: 'FCA FG21/1',
};

/**
 * The shipped default, line by line from shared/domain/REGULATION.md §6. It becomes version 1 of the policy
 * when a database is created; from then on compliance officers change it by publishing new versions.
 */
export const DEFAULT_POLICY: PolicyDocument = {
  title: 'Politique de contact par défaut — la bible du recouvrement responsable',
  windows: {
    FR: {
      sun: [],
      mon: weekdays('09:00', '20:00'),
      tue: weekdays('09:00', '20:00'),
      wed: weekdays('09:00', '20:00'),
      thu: weekdays('09:00', '20:00'),
      fri: weekdays('09:00', '20:00'),
      sat: weekdays('09:00', '13:00'),
      holiday: [],
      basis: 'CHOICE',
      source: 'C. conso D223-9 (benchmark)',
    },
    IT: {
      sun: [],
      mon: weekdays('08:30', '21:00'),
      tue: weekdays('08:30', '21:00'),
      wed: weekdays('08:30', '21:00'),
      thu: weekdays('08:30', '21:00'),
      fri: weekdays('08:30', '21:00'),
      sat: weekdays('08:30', '15:00'),
      holiday: [],
      basis: 'SOFT',
      source: 'UNIREC code',
    },
  },
  windowsApplyTo: ['phone', 'sms', 'email'],
  holidays: {
    FR: {
      calendar: 'date-holidays',
      // Alsace-Moselle keeps its codes; overseas départements map to the calendar's region codes.
      regionCodes: {
        '57': '57',
        '67': '67',
        '68': '68',
        '971': 'GP',
        '972': 'MQ',
        '973': 'GF',
        '974': 'RE',
        '976': 'YT',
      },
      extra: [],
      ignore: [],
      basis: 'LAW',
      source: 'Code du travail L3133-1',
    },
    IT: {
      calendar: 'date-holidays',
      regionCodes: {},
      // Patron saints of the largest cities, by province code [CHECK: keep up to date].
      extra: [
        { monthDay: '06-29', name: 'Santi Pietro e Paolo (Roma)', regions: ['RM'] },
        { monthDay: '12-07', name: "Sant'Ambrogio (Milano)", regions: ['MI'] },
        { monthDay: '09-19', name: 'San Gennaro (Napoli)', regions: ['NA'] },
        { monthDay: '06-24', name: 'San Giovanni Battista (Torino, Genova, Firenze)', regions: ['TO', 'GE', 'FI'] },
        { monthDay: '07-15', name: 'Santa Rosalia (Palermo)', regions: ['PA'] },
        { monthDay: '10-04', name: 'San Petronio (Bologna)', regions: ['BO'] },
        { monthDay: '12-06', name: 'San Nicola (Bari)', regions: ['BA'] },
        { monthDay: '04-25', name: 'San Marco (Venezia)', regions: ['VE'] },
      ],
      ignore: [],
      basis: 'LAW',
      source: 'L. 260/1949 as amended',
    },
  },
  caps: [
    {
      id: 'phone.attempts.day',
      channels: ['phone'],
      counts: 'attempts',
      max: 2,
      per: { localDay: true },
      basis: 'CHOICE',
    },
    {
      id: 'phone.attempts.7d',
      channels: ['phone'],
      counts: 'attempts',
      max: 7,
      per: { rollingDays: 7 },
      basis: 'SOFT',
      source: 'Regulation F (US anchor)',
    },
    {
      id: 'phone.conversations.day.it',
      channels: ['phone'],
      counts: 'conversations',
      max: 1,
      per: { localDay: true },
      countries: ['IT'],
      basis: 'SOFT',
      source: 'UNIREC code',
    },
    {
      id: 'phone.conversations.7d.it',
      channels: ['phone'],
      counts: 'conversations',
      max: 3,
      per: { rollingDays: 7 },
      countries: ['IT'],
      basis: 'SOFT',
      source: 'UNIREC code',
    },
    {
      id: 'messages.7d',
      channels: ['sms', 'email'],
      counts: 'attempts',
      max: 2,
      per: { rollingDays: 7 },
      basis: 'CHOICE',
    },
    {
      id: 'messages.30d',
      channels: ['sms', 'email'],
      counts: 'attempts',
      max: 6,
      per: { rollingDays: 30 },
      basis: 'CHOICE',
    },
    { id: 'letters.14d', channels: ['letter'], counts: 'attempts', max: 1, per: { rollingDays: 14 }, basis: 'CHOICE' },
    {
      id: 'all.30d',
      channels: ['phone', 'sms', 'email', 'letter'],
      counts: 'attempts',
      max: 10,
      per: { rollingDays: 30 },
      basis: 'CHOICE',
    },
  ],
  spacing: [{ id: 'phone', channels: ['phone'], minHours: 4, basis: 'CHOICE' }],
  pauseAfterConversation: { channels: ['phone'], days: 7, basis: 'SOFT', source: 'Regulation F (US anchor)' },
  firstLetter: { required: true, daysBeforeOtherChannels: 0, basis: 'LAW', source: 'CPCE R124-4' },
  holds: {
    overindebtedness_filed: { stops: ['phone', 'sms'], basis: 'CHOICE' },
    overindebtedness_admissible: {
      stops: ['phone', 'sms', 'email', 'letter'],
      maxDays: 730,
      notice: {
        fr: 'Dossier de surendettement recevable : aucune action de recouvrement, aucun prélèvement.',
        en: 'Over-indebtedness file admissible: no collection at all, no direct debit.',
        it: 'Domanda di sovraindebitamento ammessa: nessuna azione di recupero, nessun addebito diretto.',
      },
      basis: 'LAW',
      source: 'C. conso L722-2, R722-5',
    },
    commission_plan: {
      stops: ['phone', 'sms'],
      notice: {
        fr: 'Plan adopté par la commission : ne réclamer que les échéances du plan.',
        en: "Plan adopted by the commission: ask only for the plan's instalments.",
        it: 'Piano approvato dalla commissione: chiedere solo le rate del piano.',
      },
      basis: 'LAW',
    },
    dispute: {
      stops: ['phone', 'sms', 'email', 'letter'],
      notice: {
        fr: 'Contestation en cours : aucun recouvrement avant que le créancier ait confirmé le fondement et le montant.',
        en: 'Dispute open: no collection until the creditor confirms the basis and the amount.',
        it: 'Contestazione in corso: nessun recupero finché il creditore non conferma il fondamento e l’importo.',
      },
      basis: 'CHOICE',
    },
    vulnerability: {
      stops: ['phone', 'sms', 'email', 'letter'],
      defaultDays: 30,
      notice: {
        fr: 'Fragilité signalée : pause, dossier suivi par l’équipe d’accompagnement, revue humaine.',
        en: 'Vulnerability flagged: pause, the care team follows the case, human review.',
        it: 'Fragilità segnalata: pausa, la pratica è seguita dal team di assistenza, revisione da parte di una persona.',
      },
      basis: 'CHOICE',
      source: 'FCA FG21/1, CCD2 art. 36',
    },
    debt_advice: {
      stops: ['phone', 'sms', 'email', 'letter'],
      defaultDays: 30,
      basis: 'SOFT',
      source: 'FCA CONC 7.3',
    },
    represented: {
      stops: ['phone', 'sms', 'email', 'letter'],
      notice: {
        fr: 'Représenté par un avocat : contacter uniquement le représentant.',
        en: 'Represented by a lawyer: contact the representative only.',
        it: 'Rappresentato da un avvocato: contattare solo il rappresentante.',
      },
      basis: 'CHOICE',
    },
    deceased: {
      stops: ['phone', 'sms', 'email', 'letter'],
      notice: {
        fr: 'Décès : aucun contact avec la succession avant la revue du dossier.',
        en: 'Deceased: no contact with the estate until the case is reviewed.',
        it: 'Decesso: nessun contatto con gli eredi prima della revisione della pratica.',
      },
      basis: 'CHOICE',
    },
    time_barred: {
      stops: [],
      notice: {
        fr: 'Créance prescrite : aucune action judiciaire ; informer le débiteur de la prescription.',
        en: 'Time-barred debt: no judicial action; tell the debtor the debt is time-barred.',
        it: 'Credito prescritto: nessuna azione giudiziaria; informare il debitore della prescrizione.',
      },
      basis: 'LAW',
    },
  },
  optOut: { effectiveWithinHours: 24, basis: 'CHOICE' },
  preferences: {
    alwaysOpen: ['letter'],
    callback: { toleranceMinutes: 15, within: { from: '08:00', to: '21:00' }, basis: 'SOFT', source: 'Regulation F' },
    basis: 'CHOICE',
  },
  notices: [
    {
      id: 'phone.identity',
      channels: ['phone'],
      text: {
        fr: 'Confirmer l’identité de l’interlocuteur avant toute information sur la dette ; jamais à un tiers, jamais à l’employeur.',
        en: 'Confirm who answers before saying anything about the debt; never to a third party, never to the employer.',
        it: 'Verificare l’identità dell’interlocutore prima di dire qualsiasi cosa sul debito; mai a terzi, mai al datore di lavoro.',
      },
      basis: 'LAW',
      source: 'Garante Privacy 2005; ASF code',
    },
    {
      id: 'messages.opt_out_text',
      channels: ['sms', 'email'],
      text: {
        fr: 'Chaque message porte un moyen simple de ne plus en recevoir.',
        en: 'Every message carries a simple way to opt out.',
        it: 'Ogni messaggio indica un modo semplice per non riceverne più.',
      },
      basis: 'SOFT',
    },
    {
      id: 'letters.neutral_envelope',
      channels: ['letter'],
      text: {
        fr: 'Enveloppe neutre : aucune mention du recouvrement visible.',
        en: 'Neutral envelope: no mention of debt collection visible.',
        it: 'Busta neutra: nessuna menzione visibile del recupero crediti.',
      },
      basis: 'LAW',
      source: 'Garante Privacy 2005',
    },
  ],
  care: DEFAULT_CARE_PROFILE,
};

/**
 * A document as stored or sent, with the care profile added when it has none: versions published before the profile
 * existed (and clients that do not know it yet) read with the shipped one. Anything else is left for the schema.
 */
export function withCareProfile(document: unknown): unknown {
  if (document === null || typeof document !== 'object' || Array.isArray(document) || 'care' in document)
    return document;
  return { ...document, care: DEFAULT_CARE_PROFILE };
}
