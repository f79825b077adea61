import type { Message } from '../../platform/message.js';
import { familyOf, type AuditFamily } from './actions.js';

/** The filters of an audit trail as a person chose them, each named (an author, a case, a debtor by name). */
export interface AppliedAuditFilter {
  from: string | null;
  to: string | null;
  author: { id: string; name: string | null } | null;
  case: { id: string | null; reference: string } | null;
  debtor: { id: string; name: string | null } | null;
  family: AuditFamily | null;
  action: string | null;
}

type Lang = keyof Message;

export const AUDIT_FAMILY_WORDS: Record<AuditFamily, Message> = {
  payments: { fr: 'paiements', en: 'payments', it: 'pagamenti' },
  plans: { fr: 'plans et promesses', en: 'plans and promises', it: 'piani e promesse' },
  contacts: { fr: 'contacts', en: 'contacts', it: 'contatti' },
  holds: { fr: 'suspensions', en: 'holds', it: 'sospensioni' },
  casework: { fr: 'suivi des dossiers', en: 'casework', it: 'gestione delle pratiche' },
  access: { fr: 'accès et utilisateurs', en: 'access and users', it: 'accessi e utenti' },
  special_reads: { fr: 'lectures de données sensibles', en: 'sensitive data reads', it: 'letture di dati sensibili' },
  settings: { fr: 'paramètres et politique', en: 'settings and policy', it: 'impostazioni e politica' },
  imports: { fr: 'imports', en: 'imports', it: 'importazioni' },
  remittances: { fr: 'reversements', en: 'remittances', it: 'riversamenti' },
  documents: { fr: 'documents', en: 'documents', it: 'documenti' },
  exports: { fr: 'exports', en: 'exports', it: 'esportazioni' },
  other: { fr: 'autres', en: 'other', it: 'altro' },
};

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' };

/** A calendar day as a person writes it: "1 déc. 2026", "1 Dec 2026", "1 dic 2026". */
export function dayInWords(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

const WORDS = {
  between: { fr: 'Du {from} au {to}', en: 'From {from} to {to}', it: 'Dal {from} al {to}' },
  since: { fr: 'Depuis le {from}', en: 'From {from}', it: 'Dal {from}' },
  until: { fr: 'Jusqu’au {to}', en: 'Until {to}', it: 'Fino al {to}' },
  author: { fr: 'Auteur : ', en: 'Author: ', it: 'Autore: ' },
  case: { fr: 'Dossier : ', en: 'Case: ', it: 'Pratica: ' },
  debtor: { fr: 'Débiteur : ', en: 'Debtor: ', it: 'Debitore: ' },
  family: { fr: 'Domaine : ', en: 'Area: ', it: 'Ambito: ' },
  action: { fr: 'Action : ', en: 'Action: ', it: 'Azione: ' },
  unknown: { fr: 'inconnu', en: 'unknown', it: 'sconosciuto' },
  none: { fr: 'Toutes les entrées, sans filtre', en: 'Every entry, no filter', it: 'Tutte le voci, senza filtro' },
} satisfies Record<string, Message>;

/** The period of the filter in words, if it has one. */
function periodWords(filter: AppliedAuditFilter, lang: Lang): string | null {
  const fill = (text: string) =>
    text
      .replace('{from}', filter.from ? dayInWords(filter.from, lang) : '')
      .replace('{to}', filter.to ? dayInWords(filter.to, lang) : '');
  if (filter.from && filter.to) return fill(WORDS.between[lang]);
  if (filter.from) return fill(WORDS.since[lang]);
  if (filter.to) return fill(WORDS.until[lang]);
  return null;
}

/**
 * The filters as a person reads them, joined by " · ": "Du 1 déc. 2026 au 3 déc. 2026 · Auteur : Marie Dupont ·
 * Domaine : paiements". An author or a debtor no longer found reads "inconnu"; no filter says so.
 */
export function auditFilterWords(filter: AppliedAuditFilter, lang: Lang): string {
  const parts: string[] = [];
  const period = periodWords(filter, lang);
  if (period) parts.push(period);
  const named = (name: string | null | undefined) => name ?? WORDS.unknown[lang];
  if (filter.author) parts.push(WORDS.author[lang] + named(filter.author.name));
  if (filter.case) parts.push(WORDS.case[lang] + filter.case.reference);
  if (filter.debtor) parts.push(WORDS.debtor[lang] + named(filter.debtor.name));
  if (filter.family) parts.push(WORDS.family[lang] + AUDIT_FAMILY_WORDS[filter.family][lang]);
  // The file's rows give each action by its stable code: the caption names it alike, with its area in words.
  if (filter.action)
    parts.push(`${WORDS.action[lang]}${filter.action} (${AUDIT_FAMILY_WORDS[familyOf(filter.action)][lang]})`);
  return parts.length === 0 ? WORDS.none[lang] : parts.join(' · ');
}
