import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { phoneVerdict } from '../workspace/refresh-queue.js';
import type { ContactAdaptations } from './core/adaptations.js';
import { DEFAULT_POLICY } from './core/default-policy.js';
import { loadContactFacts } from './load-facts.js';
import { policyInForce } from './policy-store.js';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TUESDAY_10H = new Date('2026-11-24T09:00:00Z');
const RECORDED = new Date('2026-11-20T09:00:00Z');
const DIAGNOSTIC = /vulnerab|fragilit|care\.|adaptation/i;

type Decision = {
  allowed: boolean;
  reasons: { rule: string; message: string }[];
  notices: { rule: string }[];
  nextAllowedAt: string | null;
};
const rulesOf = (decision: Decision) => decision.reasons.map((reason) => reason.rule);

describe.each(ENGINES)(
  'a vulnerability record narrows the contact policy, through the permission endpoint, on %s',
  (engine) => {
    let t: TestApp;
    let care: ReturnType<typeof as>;
    let agent: ReturnType<typeof as>;
    let compliance: ReturnType<typeof as>;
    let careUserId = '';

    /** A Paris debtor with a mobile and an e-mail, whose case's first letter went out, and no contact yet. */
    async function freshDebtor(reference: string) {
      const db = t.deps.db;
      const creditor = await db
        .selectFrom('creditors')
        .select('id')
        .where('code', '=', 'BHORIZON')
        .executeTakeFirstOrThrow();
      const mandate = await db
        .selectFrom('mandates')
        .select('id')
        .where('creditor_id', '=', creditor.id)
        .executeTakeFirstOrThrow();
      const debtor = await db
        .insertInto('debtors')
        .values({ kind: 'person', first_name: 'Zoé', last_name: `Soin-${reference}`, language: 'fr' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('debtor_addresses')
        .values({
          debtor_id: debtor.id,
          line1: '1 rue de la Paix',
          postal_code: '75002',
          city: 'Paris',
          country: 'FR',
          subdivision: '75',
          time_zone: 'Europe/Paris',
          is_primary: true,
        })
        .execute();
      await db
        .insertInto('debtor_contact_points')
        .values([
          { debtor_id: debtor.id, channel: 'phone', value: `+3361235${reference.slice(-4)}`, usage: 'mobile' },
          { debtor_id: debtor.id, channel: 'email', value: `zoe.${reference}@mail.example`, usage: 'personal' },
        ])
        .execute();
      const created = await db
        .insertInto('cases')
        .values({
          reference,
          creditor_id: creditor.id,
          mandate_id: mandate.id,
          debtor_id: debtor.id,
          stage: 'amicable',
          opened_on: '2026-10-01',
          first_letter_sent_on: '2026-10-03',
          first_letter_reference: `LR-${reference}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { debtorId: debtor.id, caseId: created.id };
    }

    /** A record as the care unit writes it: the minimal note, a legal basis, a review date. */
    async function recordVulnerability(debtorId: string, adaptations: Partial<ContactAdaptations>) {
      await t.deps.db
        .insertInto('vulnerabilities')
        .values({
          debtor_id: debtorId,
          drivers: ['capability'],
          note: 'Contact écrit uniquement.',
          adaptations: JSON.stringify(adaptations),
          legal_basis: 'legal_claims',
          consent: 'not_asked',
          review_on: '2027-02-20',
          recorded_by: careUserId,
          recorded_at: RECORDED,
          updated_at: RECORDED,
        })
        .execute();
    }

    const permission = (ask: ReturnType<typeof as>, debtorId: string, caseId: string, channel: string) =>
      ask('GET', `/api/v1/debtors/${debtorId}/contact-permission?channel=${channel}&caseId=${caseId}`);

    beforeAll(async () => {
      t = await createTestApp(engine, { demo: true });
      t.clock.now = TUESDAY_10H;
      const careSession = await signIn(t.app, demoEmail('care_specialist'));
      careUserId = careSession.userId;
      care = as(t.app, careSession);
      agent = as(t.app, await signIn(t.app, demoEmail('agent')));
      compliance = as(t.app, await signIn(t.app, demoEmail('compliance_officer')));
    });
    afterAll(async () => t?.close());

    it('written contact only: a call is refused with the care reason to the care team, a neutral care rule to an agent who does not hold the case; a letter stays allowed', async () => {
      const { debtorId, caseId } = await freshDebtor('TEST-CARE-0001');
      const before = await permission(agent, debtorId, caseId, 'phone');
      expect(before.json()).toMatchObject({ allowed: true });

      await recordVulnerability(debtorId, { channels: ['letter', 'email'] });

      const full = await permission(care, debtorId, caseId, 'phone');
      expect(full.statusCode, full.body).toBe(200);
      const decision = full.json() as Decision;
      expect(decision.allowed).toBe(false);
      expect(decision.nextAllowedAt).toBeNull();
      // Nothing was written since the record: the care profile writes first, too.
      expect(rulesOf(decision)).toEqual(['care.channel', 'care.written_first']);
      expect(decision.reasons[0]!.message).toBe(
        'Adaptation convenue (fragilité) : ce débiteur n’est contacté que par : e-mail, courrier.',
      );

      const restricted = await permission(agent, debtorId, caseId, 'phone');
      expect(restricted.statusCode, restricted.body).toBe(200);
      expect(restricted.json()).toMatchObject({ allowed: false, nextAllowedAt: null });
      expect(rulesOf(restricted.json())).toEqual(['hold.care_rule']);
      expect(restricted.json().reasons[0].message).toMatch(/^Règle de soin en place/);
      expect(restricted.body).not.toMatch(DIAGNOSTIC);

      for (const channel of ['letter', 'email']) {
        for (const ask of [care, agent]) {
          const allowed = await permission(ask, debtorId, caseId, channel);
          expect(allowed.json(), `${channel}: ${allowed.body}`).toMatchObject({ allowed: true, reasons: [] });
        }
      }
      // SMS is outside the adaptations too.
      expect(rulesOf((await permission(care, debtorId, caseId, 'sms')).json())).toContain('care.channel');
    });

    it('the care profile writes first: a call waits for a letter sent after the record, then is allowed', async () => {
      const { debtorId, caseId } = await freshDebtor('TEST-CARE-0002');
      await recordVulnerability(debtorId, {});
      const waiting = (await permission(care, debtorId, caseId, 'phone')).json() as Decision;
      expect(waiting).toMatchObject({ allowed: false, nextAllowedAt: null });
      expect(rulesOf(waiting)).toEqual(['care.written_first']);
      const neutral = await permission(agent, debtorId, caseId, 'sms');
      expect(rulesOf(neutral.json())).toEqual(['hold.care_rule']);
      expect(neutral.body).not.toMatch(DIAGNOSTIC);

      const letter = await agent('POST', '/api/v1/contact-attempts', {
        debtorId,
        caseId,
        channel: 'letter',
        direction: 'outbound',
        outcome: 'sent',
        at: TUESDAY_10H.toISOString(),
      });
      expect(letter.statusCode, letter.body).toBe(201);
      t.clock.advance(60_000);
      const after = await permission(care, debtorId, caseId, 'phone');
      expect(after.json(), after.body).toMatchObject({ allowed: true, reasons: [] });
    });

    it('the queue keeps the neutral words of a care reason beside it, for readers without need-to-know', async () => {
      const { debtorId, caseId } = await freshDebtor('TEST-CARE-0004');
      await recordVulnerability(debtorId, { channels: ['letter', 'email'] });
      const policy = await policyInForce(t.deps.db, TUESDAY_10H);
      const { facts } = await loadContactFacts(t.deps.db, policy, { debtorId, caseId, at: TUESDAY_10H });
      const verdict = phoneVerdict(policy, facts, TUESDAY_10H.getTime());
      expect(verdict.allowed).toBe(false);
      expect(verdict.reason!.en).toContain('Agreed adaptation (vulnerability)');
      expect(verdict.reason!.restricted!.en).toBe(
        'Call refused by the contact policy: Care rule in place: this channel is not used for this debtor while the rule applies.',
      );
      expect(JSON.stringify(verdict.reason!.restricted)).not.toMatch(DIAGNOSTIC);
    });

    it('evaluates inline facts in care, a document written before the care profile reading with the shipped one', async () => {
      const { care: _care, ...withoutProfile } = DEFAULT_POLICY;
      const decide = (care: object | null) =>
        compliance('POST', '/api/v1/contact-policy/decisions', {
          policy: withoutProfile,
          facts: {
            location: { country: 'FR', region: '75', timeZone: 'Europe/Paris' },
            firstLetterSentAt: '2026-10-03T08:00:00Z',
            care,
          },
          channel: 'phone',
          at: TUESDAY_10H.toISOString(),
        });
      const inCare = await decide({ since: RECORDED.toISOString(), adaptations: { thirdPartyPresent: true } });
      expect(inCare.statusCode, inCare.body).toBe(200);
      expect(rulesOf(inCare.json())).toEqual(['care.written_first']);
      expect(inCare.json().notices.map((notice: { rule: string }) => notice.rule)).toContain('care.third_party');
      expect((await decide(null)).json()).toMatchObject({ allowed: true });
      const wrong = await decide({ since: RECORDED.toISOString(), adaptations: { channels: ['fax'] } });
      expect(wrong.statusCode).toBe(400);
    });

    it('an ended record no longer narrows anything', async () => {
      const { debtorId, caseId } = await freshDebtor('TEST-CARE-0003');
      await recordVulnerability(debtorId, { channels: ['letter'] });
      expect((await permission(care, debtorId, caseId, 'email')).json()).toMatchObject({ allowed: false });
      await t.deps.db
        .updateTable('vulnerabilities')
        .set({ status: 'ended', ended_at: TUESDAY_10H, ended_by: careUserId, end_reason: 'Situation rétablie.' })
        .where('debtor_id', '=', debtorId)
        .execute();
      expect((await permission(care, debtorId, caseId, 'email')).json()).toMatchObject({ allowed: true });
    });
  },
);
