import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { signInCaseReaders } from '../../test/support/need-to-know.js';
import { rebuildQueue } from '../workspace/rebuild-queue.js';

const START = new Date('2026-11-25T09:00:00Z');
const MARKER = 'MARQUEUR-SOIN-4K';
const CHANNELS = ['phone', 'sms', 'email', 'letter'] as const;
const DIAGNOSTIC = /vulnerab|fragilit/i;
const NEUTRAL = /Règle de soin|Care rule|Regola di tutela/;

type Reason = { rule: string; message: string; until: string | null };
type Decision = { allowed: boolean; reasons: Reason[]; notices: { rule: string }[] };

const rulesOf = (decision: Decision) => decision.reasons.map((reason) => reason.rule);

/** What an answer says of the person: the contact view's `holdRules` is the policy's list of every kind, on every case. */
function personal(body: string): string {
  const json = JSON.parse(body) as Record<string, unknown>;
  delete json.holdRules;
  return JSON.stringify(json);
}

function expectNeutral(body: string) {
  expect(body).not.toContain(MARKER);
  expect(body).not.toMatch(DIAGNOSTIC);
  expect(body).not.toContain('hold.vulnerability');
}

describe.each(ENGINES)(
  'contact decisions and queues say "care rule" to readers without need-to-know, on %s',
  (engine) => {
    let t: TestApp;
    // The agent who takes the case, one of the same team who does not, and the roles that read without holding it.
    let holder: Session, otherAgent: Session, leader: Session, manager: Session, care: Session, compliance: Session;
    let caseId: string;
    let debtorId: string;
    let holdId: string;

    beforeAll(async () => {
      t = await createTestApp(engine, { demo: true, now: START });
      ({ holder, otherAgent, leader, manager, care, compliance } = await signInCaseReaders(t));

      // The agent takes a case from the queue and flags a vulnerability; the queue is rebuilt from the new facts.
      const next = await as(t.app, holder)('POST', '/api/v1/workspace/next-case');
      expect(next.statusCode, next.body).toBe(200);
      caseId = next.json().entry.caseId;
      debtorId = (
        await t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', caseId).executeTakeFirstOrThrow()
      ).debtor_id;
      const hold = await as(t.app, holder)('POST', `/api/v1/debtors/${debtorId}/holds`, {
        kind: 'vulnerability',
        reason: `${MARKER} hospitalisation`,
        caseId,
      });
      expect(hold.statusCode, hold.body).toBe(201);
      // The placer wrote the reason: they get it back.
      expect(hold.json()).toMatchObject({ kind: 'vulnerability', reason: `${MARKER} hospitalisation` });
      holdId = hold.json().id;
      await rebuildQueue(t.deps);
    });
    afterAll(() => t.close());

    it('the per-channel permissions of the case refuse every channel for everyone, naming the vulnerability only to those who need to know', async () => {
      const other = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}/contact`);
      expect(other.statusCode, other.body).toBe(200);
      expectNeutral(personal(other.body));
      for (const channel of CHANNELS) {
        const decision = other.json().permissions[channel] as Decision;
        expect(decision.allowed).toBe(false);
        expect(rulesOf(decision)).toContain('hold.care_rule');
        const careReason = decision.reasons.find((reason) => reason.rule === 'hold.care_rule')!;
        expect(careReason.message).toMatch(NEUTRAL);
        expect(careReason.until).not.toBeNull();
        expect(decision.notices.map((notice) => notice.rule)).toContain('hold.care_rule');
      }
      const leaderPlain = await as(t.app, leader)('GET', `/api/v1/cases/${caseId}/contact`);
      expectNeutral(personal(leaderPlain.body));

      const reason = encodeURIComponent('Réclamation 2026-131 du débiteur');
      for (const [session, query] of [
        [holder, ''],
        [care, ''],
        [compliance, ''],
        [leader, `?reason=${reason}`],
      ] as const) {
        const full = await as(t.app, session)('GET', `/api/v1/cases/${caseId}/contact${query}`);
        expect(full.statusCode, full.body).toBe(200);
        expect(full.body).toContain(MARKER);
        for (const channel of CHANNELS) {
          const decision = full.json().permissions[channel] as Decision;
          expect(decision.allowed).toBe(false);
          expect(rulesOf(decision)).toContain('hold.vulnerability');
          expect(rulesOf(decision)).not.toContain('hold.care_rule');
        }
      }
    });

    it('the contact permission a dialer asks for says "care rule" to an agent not holding the case and refuses all the same', async () => {
      for (const channel of CHANNELS) {
        const other = await as(t.app, otherAgent)(
          'GET',
          `/api/v1/debtors/${debtorId}/contact-permission?channel=${channel}&caseId=${caseId}`,
        );
        expect(other.statusCode, other.body).toBe(200);
        expectNeutral(other.body);
        expect(other.json()).toMatchObject({ allowed: false });
        expect(rulesOf(other.json())).toContain('hold.care_rule');
      }
      // Asked for the case the hold is on: the debtor may have other cases, which the hold does not cover.
      for (const session of [holder, care, compliance]) {
        const full = await as(t.app, session)(
          'GET',
          `/api/v1/debtors/${debtorId}/contact-permission?channel=phone&caseId=${caseId}`,
        );
        expect(full.json()).toMatchObject({ allowed: false });
        expect(rulesOf(full.json())).toContain('hold.vulnerability');
      }
      const managerView = await as(t.app, manager)(
        'GET',
        `/api/v1/debtors/${debtorId}/contact-permission?channel=phone`,
      );
      expectNeutral(managerView.body);
    });

    it('a refused contact is a 409 for everyone; its reasons name the vulnerability only to those who need to know', async () => {
      const attempt = { debtorId, caseId, channel: 'phone', direction: 'outbound', outcome: 'no_answer' };
      const contacts = () => t.deps.db.selectFrom('contacts').select('id').where('debtor_id', '=', debtorId).execute();
      const before = await contacts();
      const other = await as(t.app, otherAgent)('POST', '/api/v1/contact-attempts', attempt);
      expect(other.statusCode, other.body).toBe(409);
      expect(other.json().code).toBe('contact.refused');
      expectNeutral(other.body);
      expect(other.json().reasons.map((reason: Reason) => reason.rule)).toContain('hold.care_rule');
      expect(other.json().detail ?? other.json().message ?? '').toMatch(/Care rule in place/);

      const full = await as(t.app, holder)('POST', '/api/v1/contact-attempts', attempt);
      expect(full.statusCode, full.body).toBe(409);
      expect(full.json().reasons.map((reason: Reason) => reason.rule)).toContain('hold.vulnerability');
      // Refused: nothing recorded, whoever asked.
      expect(await contacts()).toEqual(before);
    });

    it('an override and the contact it lets through are told neutrally to those without need-to-know, and kept in full', async () => {
      const granted = await as(t.app, manager)('POST', '/api/v1/contact-overrides', {
        caseId,
        channel: 'letter',
        reason: 'Courrier de confirmation demandé par le débiteur',
      });
      expect(granted.statusCode, granted.body).toBe(201);
      expectNeutral(granted.body);
      expect(rulesOf(granted.json().refusal)).toContain('hold.care_rule');
      const stored = await t.deps.db
        .selectFrom('contact_overrides')
        .select('refusal')
        .where('id', '=', granted.json().id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored.refusal)).toContain('hold.vulnerability');

      const sent = await as(t.app, otherAgent)('POST', '/api/v1/contact-attempts', {
        debtorId,
        caseId,
        channel: 'letter',
        direction: 'outbound',
        outcome: 'sent',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      expectNeutral(sent.body);
      expect(rulesOf(sent.json().decision)).toContain('hold.care_rule');

      const otherView = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}/contact`);
      expectNeutral(personal(otherView.body));
      expect(rulesOf(otherView.json().contacts[0].decision)).toContain('hold.care_rule');
      const holderView = await as(t.app, holder)('GET', `/api/v1/cases/${caseId}/contact`);
      expect(rulesOf(holderView.json().contacts[0].decision)).toContain('hold.vulnerability');
    });

    it('the workspace explains the queue entry with a care rule to an agent not holding the case, and the vulnerability to its holder', async () => {
      const other = await as(t.app, otherAgent)('GET', `/api/v1/cases/${caseId}/workspace`);
      expect(other.statusCode, other.body).toBe(200);
      expectNeutral(other.body);
      const queue = other.json().queue as { segment: { id: string; name: string }; reasons: string[] };
      expect(queue.segment.id).toBe('fragile');
      expect(queue.segment.name).toMatch(NEUTRAL);
      expect(queue.reasons.join(' ')).toMatch(NEUTRAL);

      for (const session of [holder, care, compliance]) {
        const full = await as(t.app, session)('GET', `/api/v1/cases/${caseId}/workspace`);
        expect(full.statusCode, full.body).toBe(200);
        expect(full.json().queue.segment.name).toMatch(/Fragilité/);
        expect(full.json().queue.reasons.join(' ')).toMatch(/fragilité signalée/);
      }
    });

    it('team queues name the segment that selects by vulnerability neutrally for team leaders and managers', async () => {
      for (const session of [leader, manager]) {
        const queues = await as(t.app, session)('GET', '/api/v1/team-queues');
        expect(queues.statusCode, queues.body).toBe(200);
        expectNeutral(queues.body);
        const segments = (queues.json().items as { segments: { segmentId: string; name: string }[] }[]).flatMap(
          (item) => item.segments,
        );
        expect(segments.find((segment) => segment.segmentId === 'fragile')?.name).toMatch(NEUTRAL);
      }
    });

    it('an agent not holding the case who lifts a care hold gets it back as a care rule; the hold is lifted all the same', async () => {
      const lifted = await as(t.app, otherAgent)('POST', `/api/v1/holds/${holdId}/lift`, {
        reason: 'Fin de la période convenue',
      });
      expect(lifted.statusCode, lifted.body).toBe(200);
      expectNeutral(lifted.body);
      expect(lifted.json()).toMatchObject({
        id: holdId,
        kind: 'care_rule',
        reason: null,
        restricted: true,
        status: 'lifted',
      });
      const row = await t.deps.db
        .selectFrom('holds')
        .select(['status', 'kind'])
        .where('id', '=', holdId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'lifted', kind: 'vulnerability' });

      // The holder lifts a second care hold and reads it in full.
      const again = await as(t.app, holder)('POST', `/api/v1/debtors/${debtorId}/holds`, {
        kind: 'vulnerability',
        reason: `${MARKER} rechute`,
        caseId,
      });
      expect(again.statusCode, again.body).toBe(201);
      const liftedByHolder = await as(t.app, holder)('POST', `/api/v1/holds/${again.json().id}/lift`, {
        reason: 'Situation revue avec l’équipe',
      });
      expect(liftedByHolder.json()).toMatchObject({
        kind: 'vulnerability',
        reason: `${MARKER} rechute`,
        restricted: false,
      });
    });
  },
);
