import type { StrategyDocument } from './strategy-document.js';

/**
 * Version 1 of the strategy, shipped with Accord (migration 0011 holds the same document; a test keeps them equal).
 * Managers publish their own versions from it. Fragile debtors go to the care team first; then what was promised
 * and not kept; then the freshest and largest amicable cases, where a call helps most; the specialised stages go to
 * their teams by letter; the rest is worked by the amicable team.
 */
export const DEFAULT_STRATEGY: StrategyDocument = {
  title: 'Stratégie par défaut',
  segments: [
    {
      id: 'fragile',
      name: 'Fragilité signalée : équipe d’accompagnement',
      when: { vulnerable: true },
      treatment: { team: 'care', channels: ['phone', 'letter'], priority: 600 },
    },
    {
      id: 'overindebtedness',
      name: 'Surendettement : équipe spécialisée, par courrier',
      when: { stages: ['overindebtedness'] },
      treatment: { team: 'overindebtedness', channels: ['letter'], priority: 100 },
    },
    {
      id: 'judicial',
      name: 'Phase judiciaire : pôle judiciaire',
      when: { stages: ['judicial'] },
      treatment: { team: 'judicial', channels: ['letter', 'phone'], priority: 100 },
    },
    {
      id: 'dispute',
      name: 'Contestation : en attente du créancier',
      when: { stages: ['dispute'] },
      treatment: { team: 'amicable', channels: ['letter'], priority: 50 },
    },
    {
      id: 'broken-promises',
      name: 'Promesses non tenues',
      when: { stages: ['amicable', 'plan'], minBrokenPromises: 1 },
      treatment: { team: 'amicable', channels: ['phone', 'sms', 'email'], priority: 800 },
    },
    {
      id: 'plan-late',
      name: 'Plan en retard',
      when: { planStates: ['late', 'broken'] },
      treatment: { team: 'amicable', channels: ['phone', 'sms', 'email'], priority: 750 },
    },
    {
      id: 'plan-on-track',
      name: 'Plan en cours : suivi par écrit',
      when: { stages: ['plan'] },
      treatment: { team: 'amicable', channels: ['email', 'letter'], priority: 150 },
    },
    {
      id: 'new-large',
      name: 'Nouveaux dossiers, montants élevés',
      when: { stages: ['amicable'], maxAgeDays: 90, minBalanceCents: 300_000 },
      treatment: { team: 'amicable', channels: ['phone', 'letter'], priority: 700 },
      challenger: {
        sharePercent: 20,
        treatment: { team: 'amicable', channels: ['sms', 'email', 'phone'], priority: 650 },
        note: 'Un premier message écrit avant l’appel fait-il mieux qu’un appel d’emblée ?',
      },
    },
    {
      id: 'new',
      name: 'Nouveaux dossiers',
      when: { stages: ['amicable'], maxAgeDays: 90 },
      treatment: { team: 'amicable', channels: ['phone', 'sms', 'letter'], priority: 600 },
    },
    {
      id: 'no-contact-yet',
      name: 'Jamais joints',
      when: { stages: ['amicable'], lastOutcomes: ['none', 'no_answer', 'busy', 'voicemail'] },
      treatment: { team: 'amicable', channels: ['phone', 'sms', 'email', 'letter'], priority: 450 },
    },
    {
      id: 'standard',
      name: 'Amiable : autres dossiers',
      when: {},
      treatment: { team: 'amicable', channels: ['phone', 'sms', 'email', 'letter'], priority: 400 },
    },
  ],
};
