// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/index.js';
import { makeFormatters } from '../../i18n/format.js';
import { labelOf } from '../../i18n/labels.js';
import { sayRecord } from './recordText.js';

// English and Italian are fetched the first time they are chosen (i18n/index.ts); these tests read them directly.
beforeAll(() => i18next.loadLanguages(['en', 'it']));

const say = (
  locale: 'fr' | 'en' | 'it',
  ...rest: Parameters<typeof sayRecord> extends [unknown, unknown, ...infer R] ? R : never
) => sayRecord(i18next.getFixedT(locale), makeFormatters(locale), ...rest);

describe('a line of the case file', () => {
  const payment = { key: 'payment_received', params: { amountCents: 456_525, receiptNumber: 'Q-2026-000042' } };

  it('is said in the reader’s language, with the amount in the locale’s grouping', () => {
    expect(say('fr', payment, null)?.words).toBe('Paiement reçu : 4\u202f565,25\u00a0€, quittance Q-2026-000042');
    expect(say('it', payment, null)?.words).toBe('Pagamento ricevuto: 4.565,25\u00a0€, quietanza Q-2026-000042');
    expect(say('en', payment, null)?.words).toBe('Payment received: €4,565.25, receipt Q-2026-000042');
  });

  it('translates the codes among its parameters and keeps what a person wrote as written', () => {
    const hold = { key: 'hold_lifted', params: { holdKind: 'dispute', reason: 'créance confirmée' } };
    expect(say('en', hold, null)?.words).toBe('Hold lifted: Dispute — créance confirmée');
    const task = {
      key: 'task_created',
      params: { title: { fr: 'Rappeler', en: 'Call back', it: 'Richiamare' }, dueOn: '2026-05-04' },
    };
    expect(say('it', task, null)?.words).toBe('Seguito da fare: Richiamare (scadenza 04/05/2026)');
  });

  it('says a complaint’s acts with their subject, outcome and deadlines translated', () => {
    const registered = {
      key: 'complaint_registered',
      params: {
        reference: 'RCL-2026-000001',
        subject: 'contact_frequency',
        receivedOn: '2026-05-06',
        acknowledgeBy: '2026-05-22',
        answerBy: '2026-07-06',
      },
    };
    for (const locale of ['fr', 'en', 'it'] as const) {
      const words = say(locale, registered, null)!.words;
      expect(words).toContain('RCL-2026-000001');
      expect(words).not.toContain('contact_frequency');
      expect(words).not.toContain('{{');
    }
    expect(say('fr', registered, null)?.words).toContain('22/05/2026');
    const answered = {
      key: 'complaint_answered_mediator',
      params: { reference: 'RCL-2026-000001', outcome: 'refused', mediator: 'Médiateur de l’ASF' },
    };
    expect(say('en', answered, null)?.words).toBe(
      'Complaint RCL-2026-000001 answered: Refused; the mediator was named: Médiateur de l’ASF',
    );
    expect(say('fr', answered, null)?.words).not.toContain('refused');
    expect(say('it', answered, null)?.words).not.toContain('refused');
  });

  it('says an estate’s acts on their own kind of line, the heir’s role and option translated', () => {
    for (const locale of ['fr', 'en', 'it'] as const) {
      const kind = labelOf(i18next.getFixedT(locale), 'values.eventKinds', 'estate');
      expect(kind).not.toBe('estate');
      const party = say(locale, { key: 'estate_party_added', params: { role: 'notary' } }, null)?.words ?? '';
      const option = say(locale, { key: 'estate_option_recorded', params: { option: 'renounce' } }, null)?.words;
      for (const words of [party, option ?? '']) {
        expect(words).not.toMatch(/notary|renounce\b|\{\{/);
        expect(words.length).toBeGreaterThan(10);
      }
    }
    expect(labelOf(i18next.getFixedT('fr'), 'values.eventKinds', 'estate')).toBe('Succession');
    expect(say('en', { key: 'estate_party_added', params: { role: 'notary' } }, null)?.words).toBe(
      'Estate: Notary identified',
    );
  });

  it('says a judicial procedure’s acts on their own kind of line, its codes translated', () => {
    const step = {
      key: 'judicial_step_due',
      params: {
        step: 'ordonnance_issued',
        on: '2026-11-25',
        by: 'partner',
        state: 'ordonnance_issued',
        deadline: 'service',
        dueOn: '2027-05-25',
      },
    };
    const cost = {
      key: 'judicial_cost_debtor',
      params: { cost: 'service_act', amountCents: 4520, on: '2026-11-25', claimReference: 'CR-1' },
    };
    const ended = {
      key: 'judicial_step_ended',
      params: { step: 'procedure_ended', on: '2026-12-29', by: 'agency', outcome: 'paid' },
    };
    for (const locale of ['fr', 'en', 'it'] as const) {
      expect(labelOf(i18next.getFixedT(locale), 'values.eventKinds', 'judicial')).not.toBe('judicial');
      for (const text of [step, cost, ended]) {
        const words = say(locale, text, null)?.words ?? '';
        expect(words).not.toMatch(/ordonnance_issued|service_act|procedure_ended|partner\b|\{\{/);
        expect(words.length).toBeGreaterThan(20);
      }
    }
    expect(say('en', step, null)?.words).toBe(
      'Judicial procedure: Order for payment issued on 25/11/2026 (source: Partner); state: Order issued (to serve); deadline Service (CPC 1411) until 25/05/2027',
    );
    expect(say('fr', cost, null)?.words).toBe(
      'Frais de procédure : Acte de signification, 45,20\u00a0€ le 25/11/2026, à la charge du débiteur : ajouté au solde de la créance CR-1',
    );
  });

  it('shows a line written before texts had keys in French, marked as French', () => {
    expect(say('en', null, 'Créances soldées')).toEqual({ words: 'Créances soldées', lang: 'fr' });
    expect(say('en', null, null)).toBeNull();
  });
});
