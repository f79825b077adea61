import { describe, expect, it } from 'vitest';
import { auditFilterWords, dayInWords, type AppliedAuditFilter } from './filter-words.js';

const NONE: AppliedAuditFilter = {
  from: null,
  to: null,
  author: null,
  case: null,
  debtor: null,
  family: null,
  action: null,
};

describe('the audit filter in words', () => {
  it('reads a period, an author and a family as a person writes them, in each language', () => {
    const filter: AppliedAuditFilter = {
      ...NONE,
      from: '2026-12-01',
      to: '2026-12-03',
      author: { id: 'u', name: 'Marie Dupont' },
      family: 'payments',
    };
    expect(auditFilterWords(filter, 'fr')).toBe(
      'Du 1 déc. 2026 au 3 déc. 2026 · Auteur : Marie Dupont · Domaine : paiements',
    );
    expect(auditFilterWords(filter, 'en')).toBe(
      'From 1 Dec 2026 to 3 Dec 2026 · Author: Marie Dupont · Area: payments',
    );
    expect(auditFilterWords(filter, 'it')).toBe(
      'Dal 1 dic 2026 al 3 dic 2026 · Autore: Marie Dupont · Ambito: pagamenti',
    );
  });

  it('names a case by its reference, a debtor by name, an open period by its one end, and no filter as such', () => {
    expect(
      auditFilterWords(
        {
          ...NONE,
          from: '2026-01-05',
          case: { id: null, reference: 'BH-2026-0001' },
          debtor: { id: 'd', name: 'Jean MARTIN' },
        },
        'fr',
      ),
    ).toBe('Depuis le 5 janv. 2026 · Dossier : BH-2026-0001 · Débiteur : Jean MARTIN');
    expect(auditFilterWords({ ...NONE, to: '2026-03-31' }, 'en')).toBe('Until 31 Mar 2026');
    expect(auditFilterWords({ ...NONE, author: { id: 'x', name: null } }, 'it')).toBe('Autore: sconosciuto');
    expect(auditFilterWords(NONE, 'fr')).toBe('Toutes les entrées, sans filtre');
    expect(dayInWords('2026-12-25', 'fr')).toBe('25 déc. 2026');
  });

  it('gives one action by the code the rows of the file use, with its area in words', () => {
    expect(auditFilterWords({ ...NONE, action: 'payment.recorded' }, 'fr')).toBe(
      'Action : payment.recorded (paiements)',
    );
    expect(auditFilterWords({ ...NONE, action: 'no.such_action' }, 'en')).toMatch(/^Action: no\.such_action \(.+\)$/);
  });
});
