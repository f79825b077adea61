import type { CompiledPolicy } from './compile.js';
import type { Block } from './block.js';
import type { Cap, Channel, HoldKind } from './policy-document.js';

/** Every reason in French, English and Italian, in words an agent can repeat to the debtor. */
export interface Explanation {
  fr: string;
  en: string;
  it: string;
}

export const CHANNEL_NAMES: Record<Channel, Explanation> = {
  phone: { fr: 'téléphone', en: 'phone', it: 'telefono' },
  sms: { fr: 'SMS', en: 'SMS', it: 'SMS' },
  email: { fr: 'e-mail', en: 'email', it: 'e-mail' },
  letter: { fr: 'courrier', en: 'letter', it: 'lettera' },
};

export const HOLD_NAMES: Record<HoldKind, Explanation> = {
  overindebtedness_filed: {
    fr: 'dossier de surendettement déposé',
    en: 'over-indebtedness file lodged',
    it: 'domanda di sovraindebitamento depositata',
  },
  overindebtedness_admissible: {
    fr: 'dossier de surendettement recevable',
    en: 'over-indebtedness file admissible',
    it: 'domanda di sovraindebitamento ammessa',
  },
  commission_plan: {
    fr: 'plan adopté par la commission',
    en: 'plan adopted by the commission',
    it: 'piano approvato dalla commissione',
  },
  dispute: { fr: 'contestation en cours', en: 'dispute open', it: 'contestazione in corso' },
  vulnerability: { fr: 'fragilité signalée', en: 'vulnerability flagged', it: 'fragilità segnalata' },
  debt_advice: {
    fr: 'accompagnement budgétaire en cours',
    en: 'debt adviser involved',
    it: 'consulenza sul debito in corso',
  },
  represented: { fr: 'représenté par un avocat', en: 'represented by a lawyer', it: 'rappresentato da un avvocato' },
  deceased: { fr: 'décès', en: 'deceased', it: 'decesso' },
  time_barred: { fr: 'créance prescrite', en: 'time-barred debt', it: 'credito prescritto' },
};

function channelList(channels: readonly Channel[], language: keyof Explanation): string {
  return channels.map((channel) => CHANNEL_NAMES[channel][language]).join(', ');
}

/** "At most 2 attempts a day (local time) on: phone" — also used by the readable view of the policy. */
export function describeCap(cap: Cap): Explanation {
  const many = cap.max > 1;
  const noun =
    cap.counts === 'attempts'
      ? {
          fr: many ? 'contacts sortants' : 'contact sortant',
          en: many ? 'outbound contacts' : 'outbound contact',
          it: many ? 'contatti in uscita' : 'contatto in uscita',
        }
      : {
          fr: many ? 'conversations' : 'conversation',
          en: many ? 'conversations' : 'conversation',
          it: many ? 'conversazioni' : 'conversazione',
        };
  const period =
    'localDay' in cap.per
      ? { fr: 'par jour (heure locale)', en: 'a day (local time)', it: 'al giorno (ora locale)' }
      : 'rollingDays' in cap.per
        ? {
            fr: `sur ${cap.per.rollingDays} jours glissants`,
            en: `in any ${cap.per.rollingDays} rolling days`,
            it: `in ${cap.per.rollingDays} giorni mobili`,
          }
        : {
            fr: `sur ${cap.per.rollingHours} heures glissantes`,
            en: `in any ${cap.per.rollingHours} rolling hours`,
            it: `in ${cap.per.rollingHours} ore mobili`,
          };
  const where = cap.countries ? ` (${cap.countries.join(', ')})` : '';
  return {
    fr: `Au plus ${cap.max} ${noun.fr} ${period.fr} par : ${channelList(cap.channels, 'fr')}${where}.`,
    en: `At most ${cap.max} ${noun.en} ${period.en} by: ${channelList(cap.channels, 'en')}${where}.`,
    it: `Al massimo ${cap.max} ${noun.it} ${period.it} tramite: ${channelList(cap.channels, 'it')}${where}.`,
  };
}

function holdText(kind: HoldKind, until: number | null): Explanation {
  const name = HOLD_NAMES[kind];
  return until === null
    ? {
        fr: `Suspension en cours (${name.fr}) : ce canal est arrêté jusqu’à ce qu’une personne lève la suspension.`,
        en: `Hold in place (${name.en}): this channel is stopped until a person lifts the hold.`,
        it: `Sospensione attiva (${name.it}): questo canale è fermo finché una persona non revoca la sospensione.`,
      }
    : {
        fr: `Suspension en cours (${name.fr}) : ce canal est arrêté jusqu’à la fin de la suspension.`,
        en: `Hold in place (${name.en}): this channel is stopped until the hold ends.`,
        it: `Sospensione attiva (${name.it}): questo canale è fermo fino alla fine della sospensione.`,
      };
}

function capText(policy: CompiledPolicy, rule: string): Explanation {
  const cap = policy.caps.find((candidate) => `cap.${candidate.id}` === rule);
  const text = cap
    ? describeCap(cap.source)
    : { fr: 'Plafond de contacts atteint.', en: 'Contact cap reached.', it: 'Limite di contatti raggiunto.' };
  return { fr: `Plafond atteint. ${text.fr}`, en: `Cap reached. ${text.en}`, it: `Limite raggiunto. ${text.it}` };
}

/** The reasons whose words take no parameter, by rule id. */
const FIXED_REASONS: Readonly<Record<string, Explanation>> = {
  'case.closed': {
    fr: 'Le dossier est clos : plus aucun contact de recouvrement.',
    en: 'The case is closed: no more collection contact.',
    it: 'La pratica è chiusa: nessun altro contatto di recupero.',
  },
  opt_out: {
    fr: 'Le débiteur a demandé à ne plus être contacté par ce canal ; les autres restent ouverts.',
    en: 'The debtor asked not to be contacted on this channel; the others stay open.',
    it: 'Il debitore ha chiesto di non essere più contattato su questo canale; gli altri restano aperti.',
  },
  unreachable: {
    fr: 'Aucune coordonnée utilisable pour ce canal (numéro, mobile, e-mail ou adresse sans opposition).',
    en: 'No usable contact point for this channel (a number, a mobile, an email or an address not opted out).',
    it: 'Nessun recapito utilizzabile per questo canale (un numero, un cellulare, un’e-mail o un indirizzo senza opposizione).',
  },
  'preference.channel': {
    fr: 'Le débiteur a choisi d’autres canaux ; ses préférences restreignent la politique.',
    en: 'The debtor chose other channels; their preferences narrow the policy.',
    it: 'Il debitore ha scelto altri canali; le sue preferenze restringono la politica.',
  },
  'first_letter.missing': {
    fr: 'La première lettre (CPCE R124-4) doit être envoyée avant toute autre démarche.',
    en: 'The first letter (CPCE R124-4) must be sent before any other step.',
    it: 'La prima lettera (CPCE R124-4) deve partire prima di ogni altro passo.',
  },
  'first_letter.wait': {
    fr: 'La première lettre vient de partir : attendre le délai fixé avant une autre démarche.',
    en: 'The first letter has just been sent: wait the set delay before another step.',
    it: 'La prima lettera è appena partita: attendere il termine previsto prima di un altro passo.',
  },
  'window.holiday': {
    fr: 'Jour férié là où vit le débiteur : aucun contact.',
    en: 'Public holiday where the debtor lives: no contact.',
    it: 'Giorno festivo dove vive il debitore: nessun contatto.',
  },
  'window.day_closed': {
    fr: 'Aucun contact ce jour de la semaine (heure locale du débiteur).',
    en: 'No contact on this day of the week (debtor’s local time).',
    it: 'Nessun contatto in questo giorno della settimana (ora locale del debitore).',
  },
  'window.hours': {
    fr: 'En dehors des heures de contact (heure locale du débiteur).',
    en: 'Outside contact hours (debtor’s local time).',
    it: 'Fuori dagli orari di contatto (ora locale del debitore).',
  },
  'preference.hours': {
    fr: 'En dehors des heures que le débiteur a choisies.',
    en: 'Outside the hours the debtor chose.',
    it: 'Fuori dagli orari scelti dal debitore.',
  },
  'estate.relative': {
    fr: 'Un proche du débiteur décédé qui n’est pas héritier ne doit rien : aucune demande de paiement.',
    en: 'A relative of the deceased debtor who is not an heir owes nothing: no demand to pay.',
    it: 'Un familiare del debitore deceduto che non è erede non deve nulla: nessuna richiesta di pagamento.',
  },
  'estate.unproven': {
    fr: 'Décès signalé : aucun contact avec la succession avant l’acte de décès.',
    en: 'Death reported: no contact with the estate before the death certificate.',
    it: 'Decesso segnalato: nessun contatto con la successione prima del certificato di morte.',
  },
  'care.hours': {
    fr: 'Adaptation convenue (fragilité) : en dehors des heures convenues pour ce débiteur (heure locale du débiteur).',
    en: 'Agreed adaptation (vulnerability): outside the hours agreed for this debtor (debtor’s local time).',
    it: 'Adattamento concordato (fragilità): fuori dagli orari concordati per questo debitore (ora locale del debitore).',
  },
  'care.written_first': {
    fr: 'Profil de contact adapté (fragilité) : écrire d’abord ; un courrier ou un e-mail part avant tout appel ou SMS.',
    en: 'Care contact profile (vulnerability): write first; a letter or an email goes out before any call or SMS.',
    it: 'Profilo di contatto adattato (fragilità): prima per iscritto; una lettera o un’e-mail parte prima di ogni chiamata o SMS.',
  },
  'callback.hours': {
    fr: 'Même un rappel demandé par le débiteur reste dans les heures permises.',
    en: 'Even a callback the debtor asked for stays within the permitted hours.',
    it: 'Anche una richiamata chiesta dal debitore resta negli orari consentiti.',
  },
};

/** The words of a care rule (`care-rules.ts`): a vulnerability's adaptations, then the policy's care profile. */
function careText(policy: CompiledPolicy, block: Block): Explanation {
  const { rule, params = {} } = block;
  if (rule.startsWith('care.cap.')) {
    const cap = policy.care.caps.find((candidate) => `care.cap.${candidate.id}` === rule);
    const text = cap ? describeCap(cap.source) : { fr: '', en: '', it: '' };
    return {
      fr: `Profil de contact adapté (fragilité) : plafond atteint. ${text.fr}`.trimEnd(),
      en: `Care contact profile (vulnerability): cap reached. ${text.en}`.trimEnd(),
      it: `Profilo di contatto adattato (fragilità): limite raggiunto. ${text.it}`.trimEnd(),
    };
  }
  if (rule.startsWith('care.spacing.')) {
    return {
      fr: `Profil de contact adapté (fragilité) : au moins ${params.hours} h entre deux contacts sortants sur ce canal.`,
      en: `Care contact profile (vulnerability): at least ${params.hours} hours between two outbound contacts on this channel.`,
      it: `Profilo di contatto adattato (fragilità): almeno ${params.hours} ore tra due contatti in uscita su questo canale.`,
    };
  }
  if (rule === 'care.channel') {
    const channels = String(params.channels ?? '')
      .split(',')
      .filter((channel): channel is Channel => Object.hasOwn(CHANNEL_NAMES, channel));
    return {
      fr: `Adaptation convenue (fragilité) : ce débiteur n’est contacté que par : ${channelList(channels, 'fr')}.`,
      en: `Agreed adaptation (vulnerability): this debtor is contacted only by: ${channelList(channels, 'en')}.`,
      it: `Adattamento concordato (fragilità): questo debitore è contattato solo tramite: ${channelList(channels, 'it')}.`,
    };
  }
  if (rule === 'care.pace') {
    return {
      fr: `Adaptation convenue (fragilité) : au moins ${params.days} jours entre deux contacts sortants, tous canaux confondus.`,
      en: `Agreed adaptation (vulnerability): at least ${params.days} days between two outbound contacts, all channels together.`,
      it: `Adattamento concordato (fragilità): almeno ${params.days} giorni tra due contatti in uscita, tutti i canali insieme.`,
    };
  }
  return Object.hasOwn(FIXED_REASONS, rule) ? FIXED_REASONS[rule]! : { fr: rule, en: rule, it: rule };
}

export function explain(policy: CompiledPolicy, block: Block): Explanation {
  const { rule, params = {} } = block;
  if (rule.startsWith('care.')) return careText(policy, block);
  if (rule.startsWith('hold.')) return holdText(rule.slice(5) as HoldKind, block.until);
  if (rule.startsWith('cap.')) return capText(policy, rule);
  if (rule.startsWith('spacing.')) {
    return {
      fr: `Au moins ${params.hours} h entre deux contacts sortants sur ce canal.`,
      en: `At least ${params.hours} hours between two outbound contacts on this channel.`,
      it: `Almeno ${params.hours} ore tra due contatti in uscita su questo canale.`,
    };
  }
  if (rule === 'window.no_hours') {
    return {
      fr: `Aucun horaire de contact n’est défini pour le pays ${params.country} : ajoutez-le à la politique.`,
      en: `No contact hours are defined for country ${params.country}: add them to the policy.`,
      it: `Nessun orario di contatto è definito per il paese ${params.country}: aggiungili alla politica.`,
    };
  }
  if (rule === 'estate.option_period') {
    return {
      fr: `Les héritiers ont 4 mois pour choisir (C. civ. 771) : aucune demande avant le ${params.optionEndsOn}.`,
      en: `Heirs have 4 months to choose (C. civ. 771): no demand before ${params.optionEndsOn}.`,
      it: `Gli eredi hanno 4 mesi per scegliere (C. civ. 771): nessuna richiesta prima del ${params.optionEndsOn}.`,
    };
  }
  if (rule === 'pause_after_conversation') {
    return {
      fr: `Pas d’appel sortant dans les ${params.days} jours qui suivent une conversation, sauf rappel demandé.`,
      en: `No outbound call within ${params.days} days after a conversation, unless the debtor asked for a callback.`,
      it: `Nessuna chiamata in uscita nei ${params.days} giorni successivi a una conversazione, salvo richiamata chiesta dal debitore.`,
    };
  }
  return Object.hasOwn(FIXED_REASONS, rule) ? FIXED_REASONS[rule]! : { fr: rule, en: rule, it: rule };
}

export function noticeText(kind: 'callback' | 'care.third_party'): Explanation {
  switch (kind) {
    case 'callback':
      return {
        fr: 'Rappel demandé par le débiteur, à l’heure qu’il a choisie.',
        en: 'Callback the debtor asked for, at the time they chose.',
        it: 'Richiamata chiesta dal debitore, all’ora da lui scelta.',
      };
    case 'care.third_party':
      return {
        fr: 'Adaptation convenue (fragilité) : toute conversation se tient en présence du tiers désigné (un proche, un accompagnant).',
        en: 'Agreed adaptation (vulnerability): any conversation takes place with the named third party present (a relative, a support worker).',
        it: 'Adattamento concordato (fragilità): ogni conversazione si svolge alla presenza del terzo indicato (un familiare, un accompagnatore).',
      };
  }
}
