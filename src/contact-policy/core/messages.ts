import type { CompiledPolicy } from './compile.js';
import type { Block } from './decide.js';
import type { Cap, Channel, HoldKind } from './policy-document.js';

/** Every reason in French and English, in words an agent can repeat to the debtor. */
export interface Explanation {
  fr: string;
  en: string;
}

export const CHANNEL_NAMES: Record<Channel, Explanation> = {
  phone: { fr: 'téléphone', en: 'phone' },
  sms: { fr: 'SMS', en: 'SMS' },
  email: { fr: 'e-mail', en: 'email' },
  letter: { fr: 'courrier', en: 'letter' },
};

export const HOLD_NAMES: Record<HoldKind, Explanation> = {
  overindebtedness_filed: { fr: 'dossier de surendettement déposé', en: 'over-indebtedness file lodged' },
  overindebtedness_admissible: { fr: 'dossier de surendettement recevable', en: 'over-indebtedness file admissible' },
  commission_plan: { fr: 'plan adopté par la commission', en: 'plan adopted by the commission' },
  dispute: { fr: 'contestation en cours', en: 'dispute open' },
  vulnerability: { fr: 'fragilité signalée', en: 'vulnerability flagged' },
  debt_advice: { fr: 'accompagnement budgétaire en cours', en: 'debt adviser involved' },
  represented: { fr: 'représenté par un avocat', en: 'represented by a lawyer' },
  deceased: { fr: 'décès', en: 'deceased' },
  time_barred: { fr: 'créance prescrite', en: 'time-barred debt' },
};

function channelList(channels: readonly Channel[], language: keyof Explanation): string {
  return channels.map((channel) => CHANNEL_NAMES[channel][language]).join(', ');
}

/** "At most 2 attempts a day (local time) on: phone" — also used by the readable view of the policy. */
export function describeCap(cap: Cap): Explanation {
  const noun =
    cap.counts === 'attempts'
      ? { fr: cap.max > 1 ? 'contacts sortants' : 'contact sortant', en: cap.max > 1 ? 'outbound contacts' : 'outbound contact' }
      : { fr: cap.max > 1 ? 'conversations' : 'conversation', en: cap.max > 1 ? 'conversations' : 'conversation' };
  const period =
    'localDay' in cap.per
      ? { fr: 'par jour (heure locale)', en: 'a day (local time)' }
      : 'rollingDays' in cap.per
        ? { fr: `sur ${cap.per.rollingDays} jours glissants`, en: `in any ${cap.per.rollingDays} rolling days` }
        : { fr: `sur ${cap.per.rollingHours} heures glissantes`, en: `in any ${cap.per.rollingHours} rolling hours` };
  const where = cap.countries ? { fr: ` (${cap.countries.join(', ')})`, en: ` (${cap.countries.join(', ')})` } : { fr: '', en: '' };
  return {
    fr: `Au plus ${cap.max} ${noun.fr} ${period.fr} par : ${channelList(cap.channels, 'fr')}${where.fr}.`,
    en: `At most ${cap.max} ${noun.en} ${period.en} by: ${channelList(cap.channels, 'en')}${where.en}.`,
  };
}

export function explain(policy: CompiledPolicy, block: Block): Explanation {
  const { rule, params = {} } = block;
  if (rule.startsWith('hold.')) {
    const kind = rule.slice(5) as HoldKind;
    const name = HOLD_NAMES[kind];
    return block.until === null
      ? {
          fr: `Suspension en cours (${name.fr}) : ce canal est arrêté jusqu’à ce qu’une personne lève la suspension.`,
          en: `Hold in place (${name.en}): this channel is stopped until a person lifts the hold.`,
        }
      : {
          fr: `Suspension en cours (${name.fr}) : ce canal est arrêté jusqu’à la fin de la suspension.`,
          en: `Hold in place (${name.en}): this channel is stopped until the hold ends.`,
        };
  }
  if (rule.startsWith('cap.')) {
    const cap = policy.caps.find((candidate) => `cap.${candidate.id}` === rule);
    const text = cap ? describeCap(cap.source) : { fr: 'Plafond de contacts atteint.', en: 'Contact cap reached.' };
    return { fr: `Plafond atteint. ${text.fr}`, en: `Cap reached. ${text.en}` };
  }
  if (rule.startsWith('spacing.')) {
    return {
      fr: `Au moins ${params.hours} h entre deux contacts sortants sur ce canal.`,
      en: `At least ${params.hours} hours between two outbound contacts on this channel.`,
    };
  }
  switch (rule) {
    case 'case.closed':
      return { fr: 'Le dossier est clos : plus aucun contact de recouvrement.', en: 'The case is closed: no more collection contact.' };
    case 'opt_out':
      return {
        fr: 'Le débiteur a demandé à ne plus être contacté par ce canal ; les autres restent ouverts.',
        en: 'The debtor asked not to be contacted on this channel; the others stay open.',
      };
    case 'unreachable':
      return {
        fr: 'Aucune coordonnée utilisable pour ce canal (numéro, mobile, e-mail ou adresse sans opposition).',
        en: 'No usable contact point for this channel (a number, a mobile, an email or an address not opted out).',
      };
    case 'preference.channel':
      return {
        fr: 'Le débiteur a choisi d’autres canaux ; ses préférences restreignent la politique.',
        en: 'The debtor chose other channels; their preferences narrow the policy.',
      };
    case 'first_letter.missing':
      return {
        fr: 'La première lettre (CPCE R124-4) doit être envoyée avant toute autre démarche.',
        en: 'The first letter (CPCE R124-4) must be sent before any other step.',
      };
    case 'first_letter.wait':
      return {
        fr: 'La première lettre vient de partir : attendre le délai fixé avant une autre démarche.',
        en: 'The first letter has just been sent: wait the set delay before another step.',
      };
    case 'window.no_hours':
      return {
        fr: `Aucun horaire de contact n’est défini pour le pays ${params.country} : ajoutez-le à la politique.`,
        en: `No contact hours are defined for country ${params.country}: add them to the policy.`,
      };
    case 'window.holiday':
      return {
        fr: 'Jour férié là où vit le débiteur : aucun contact.',
        en: 'Public holiday where the debtor lives: no contact.',
      };
    case 'window.day_closed':
      return {
        fr: 'Aucun contact ce jour de la semaine (heure locale du débiteur).',
        en: 'No contact on this day of the week (debtor’s local time).',
      };
    case 'window.hours':
      return {
        fr: 'En dehors des heures de contact (heure locale du débiteur).',
        en: 'Outside contact hours (debtor’s local time).',
      };
    case 'preference.hours':
      return {
        fr: 'En dehors des heures que le débiteur a choisies.',
        en: 'Outside the hours the debtor chose.',
      };
    case 'callback.hours':
      return {
        fr: 'Même un rappel demandé par le débiteur reste dans les heures permises.',
        en: 'Even a callback the debtor asked for stays within the permitted hours.',
      };
    case 'pause_after_conversation':
      return {
        fr: `Pas d’appel sortant dans les ${params.days} jours qui suivent une conversation, sauf rappel demandé.`,
        en: `No outbound call within ${params.days} days after a conversation, unless the debtor asked for a callback.`,
      };
    default:
      return { fr: rule, en: rule };
  }
}

export function noticeText(kind: 'callback'): Explanation {
  switch (kind) {
    case 'callback':
      return {
        fr: 'Rappel demandé par le débiteur, à l’heure qu’il a choisie.',
        en: 'Callback the debtor asked for, at the time they chose.',
      };
  }
}
