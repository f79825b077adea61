import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_LIMITS, planCall, promiseBroken, promiseProgress, type CallInput } from './call-plan.js';
import { SCRIPT } from './conversation.js';
import { DEFAULT_STRATEGY } from './default-strategy.js';
import { queueEntry, TIER, waitUntil, type PhoneVerdict, type QueueFacts } from './queue-entry.js';
import { bucketOf, meets, segmentCase, type SegmentFacts } from './segment.js';
import { addMonths } from '../../plans/core/schedule.js';
import { standing, type StandingFacts } from './standing.js';
import { CLOSE_REASONS } from '../../cases/core/lifecycle.js';
import { LAST_OUTCOMES, LANGUAGES, PLAN_STATES, STRATEGY_STAGES, strategyDocumentSchema } from './strategy-document.js';

const NOW = Date.parse('2026-11-25T09:00:00Z'); // Wednesday 10:00 in Paris
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const segmentFacts = fc.record<SegmentFacts>({
  caseId: fc.uuid(),
  creditorCode: fc.constantFrom('BHORIZON', 'ENERHONE', 'TELCOIT'),
  stage: fc.constantFrom(...STRATEGY_STAGES),
  balanceCents: fc.integer({ min: 0, max: 5_000_000 }),
  ageDays: fc.integer({ min: 0, max: 2_000 }),
  lastOutcome: fc.constantFrom(...LAST_OUTCOMES),
  brokenPromises: fc.integer({ min: 0, max: 5 }),
  planState: fc.constantFrom(...PLAN_STATES),
  vulnerable: fc.boolean(),
  language: fc.constantFrom(...LANGUAGES),
});

const queueFacts: fc.Arbitrary<QueueFacts> = fc
  .record({
    base: segmentFacts,
    callbacks: fc.array(fc.integer({ min: -3 * DAY, max: 3 * DAY }), { maxLength: 2 }),
    promiseInDays: fc.option(fc.integer({ min: -5, max: 30 })),
    tasks: fc.array(
      fc.record({
        kind: fc.constantFrom('promise_broken', 'payment_check', 'refusal_review'),
        dueIn: fc.integer({ min: -3 * DAY, max: 12 * DAY }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ base, callbacks, promiseInDays, tasks }) => ({
    ...base,
    timeZone: 'Europe/Paris',
    callbacks: callbacks.map((offset) => NOW + offset),
    openPromise:
      promiseInDays === null
        ? null
        : { dueOn: new Date(NOW + promiseInDays * DAY).toISOString().slice(0, 10), amountCents: 5_000 },
    openTasks: tasks.map((task) => ({ kind: task.kind, dueAt: NOW + task.dueIn })),
  }));

const verdict: fc.Arbitrary<PhoneVerdict> = fc.oneof(
  fc.constant<PhoneVerdict>({ allowed: true, nextAllowedAt: NOW, reason: null }),
  fc.integer({ min: 1, max: 10 * DAY }).map<PhoneVerdict>((later) => ({
    allowed: false,
    nextAllowedAt: NOW + later,
    reason: { fr: 'non', en: 'no', it: 'no' },
  })),
  fc.constant<PhoneVerdict>({
    allowed: false,
    nextAllowedAt: null,
    reason: { fr: 'suspendu', en: 'held', it: 'sospeso' },
  }),
);

describe('strategy documents', () => {
  it('ships a valid default, the same as migration 0011 loads', () => {
    expect(strategyDocumentSchema.parse(DEFAULT_STRATEGY)).toEqual(DEFAULT_STRATEGY);
    const sql = readFileSync(new URL('../../platform/db/migrations/0011_workspace.sql', import.meta.url), 'utf8');
    const json = /values \(1, '(.*)', 'Stratégie par défaut/.exec(sql)![1]!.replace(/''/g, "'");
    expect(JSON.parse(json)).toEqual(DEFAULT_STRATEGY);
  });

  it('refuses a strategy whose last segment has conditions, twice the same id, or an empty range', () => {
    const last = structuredClone(DEFAULT_STRATEGY);
    last.segments.pop();
    expect(strategyDocumentSchema.safeParse(last).error?.issues[0]?.path).toEqual([
      'segments',
      last.segments.length - 1,
      'when',
    ]);
    const twice = structuredClone(DEFAULT_STRATEGY);
    twice.segments[1]!.id = twice.segments[0]!.id;
    expect(strategyDocumentSchema.safeParse(twice).error?.issues[0]?.message).toMatch(/used twice/);
    const range = structuredClone(DEFAULT_STRATEGY);
    range.segments[0]!.when = { minBalanceCents: 10, maxBalanceCents: 5 };
    expect(strategyDocumentSchema.safeParse(range).success).toBe(false);
  });
});

describe('segmentation', () => {
  it('gives each case the first segment whose conditions all hold', () => {
    fc.assert(
      fc.property(segmentFacts, (facts) => {
        const assignment = segmentCase(DEFAULT_STRATEGY, facts);
        const index = DEFAULT_STRATEGY.segments.findIndex((segment) => segment.id === assignment.segment.id);
        expect(meets(assignment.segment.when, facts)).toBe(true);
        for (const earlier of DEFAULT_STRATEGY.segments.slice(0, index)) expect(meets(earlier.when, facts)).toBe(false);
      }),
    );
  });

  it('routes fragile debtors to the care team before anything else, and names what matched', () => {
    const facts: SegmentFacts = {
      caseId: 'c',
      creditorCode: 'BHORIZON',
      stage: 'amicable',
      balanceCents: 900_000,
      ageDays: 10,
      lastOutcome: 'none',
      brokenPromises: 2,
      planState: 'none',
      vulnerable: true,
      language: 'fr',
    };
    const assignment = segmentCase(DEFAULT_STRATEGY, facts);
    expect(assignment.treatment.team).toBe('care');
    expect(assignment.reasons[0]!.fr).toMatch(/fragilité signalée/);
    expect(segmentCase(DEFAULT_STRATEGY, { ...facts, vulnerable: false }).segment.id).toBe('broken-promises');
    expect(
      segmentCase(DEFAULT_STRATEGY, { ...facts, vulnerable: false, brokenPromises: 0, stage: 'judicial' }).treatment
        .team,
    ).toBe('judicial');
  });

  it('keeps a case in the same arm, and sends about the challenger share to it', () => {
    const ids = Array.from(
      { length: 10_000 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    const challengers = ids.filter((id) => bucketOf('new-large', id) < 20).length;
    expect(challengers / ids.length).toBeGreaterThan(0.18);
    expect(challengers / ids.length).toBeLessThan(0.22);
    fc.assert(
      fc.property(
        fc.uuid(),
        (id) => bucketOf('new-large', id) === bucketOf('new-large', id) && bucketOf('new-large', id) < 100,
      ),
    );
  });
});

describe('queue entries', () => {
  it('ranks a due callback first, then a promise due or broken, then a follow-up; never callable while the policy refuses', () => {
    fc.assert(
      fc.property(
        queueFacts,
        verdict,
        fc.boolean(),
        fc.integer({ min: -500, max: 500 }),
        (facts, phone, paused, boost) => {
          const controls = new Map([
            [segmentCase(DEFAULT_STRATEGY, facts).segment.id, { paused, priorityBoost: boost, note: 'test' }],
          ]);
          const entry = queueEntry(DEFAULT_STRATEGY, controls, facts, phone, NOW, { callbackToleranceMs: 15 * 60_000 });
          const assignment = segmentCase(DEFAULT_STRATEGY, facts);
          expect(entry.priority).toBe(assignment.treatment.priority + boost);
          expect(entry.paused).toBe(paused);
          const callbackDue = facts.callbacks.some((at) => at + 15 * 60_000 >= NOW);
          if (callbackDue) expect(entry.tier).toBe(TIER.callback);
          else expect(entry.tier).toBeLessThan(TIER.callback);
          if (!assignment.treatment.channels.includes('phone') || (!phone.allowed && phone.nextAllowedAt === null)) {
            expect(entry.callableFrom).toBeNull();
          } else {
            // Never before the policy allows, nor before a running commitment ends.
            expect(entry.callableFrom).toBeGreaterThanOrEqual(phone.allowed ? NOW : phone.nextAllowedAt!);
            const wait = waitUntil(facts, NOW);
            if (wait !== null) expect(entry.callableFrom).toBeGreaterThanOrEqual(wait);
          }
          expect(entry.reasons.length).toBeGreaterThanOrEqual(2);
        },
      ),
    );
  });

  it('holds a case back until the promised date, and until an announced payment can have arrived', () => {
    const facts: QueueFacts = {
      caseId: 'c',
      creditorCode: 'BHORIZON',
      stage: 'amicable',
      balanceCents: 10_000,
      ageDays: 200,
      lastOutcome: 'promise',
      brokenPromises: 0,
      planState: 'none',
      vulnerable: false,
      language: 'fr',
      timeZone: 'Europe/Paris',
      callbacks: [],
      openPromise: { dueOn: '2026-12-04', amountCents: 5_000 },
      openTasks: [],
    };
    expect(waitUntil(facts, NOW)).toBe(Date.parse('2026-12-03T23:00:00Z'));
    expect(
      waitUntil({ ...facts, openPromise: null, openTasks: [{ kind: 'payment_check', dueAt: NOW + 10 * DAY }] }, NOW),
    ).toBe(NOW + 10 * DAY);
    expect(waitUntil({ ...facts, openPromise: { dueOn: '2026-11-25', amountCents: 1 } }, NOW)).toBeNull();
  });
});

describe('the guided conversation', () => {
  const everything = Object.fromEntries(SCRIPT.map((step) => [step.id, true]));
  const context = {
    now: NOW,
    timeZone: 'Europe/Paris',
    balanceCents: 50_000,
    hasOpenPromise: false,
    phonePoints: ['p1'],
  };

  it('never records a result, nor a step past identity, for a call that did not reach the debtor', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('no_answer', 'busy', 'voicemail', 'third_party', 'wrong_number' as const),
        fc.dictionary(fc.constantFrom(...SCRIPT.map((s) => s.id)), fc.boolean()),
        (outcome, checklist) => {
          const plan = planCall({ outcome, checklist, contactPointId: 'p1' } as CallInput, context);
          const disclosed = SCRIPT.some((step) => step.rightPartyOnly && checklist[step.id]);
          expect(plan.ok).toBe(!disclosed);
          if (plan.ok) {
            expect(plan.result).toBeNull();
            expect(
              plan.actions.every(
                (action) =>
                  action.kind === 'flag_wrong_number' ||
                  (action.kind === 'task' && action.taskKind === 'trace_contact'),
              ),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('drives the next action from each result', () => {
    const plan = (input: Partial<CallInput>) =>
      planCall({ outcome: 'right_party', checklist: everything, ...input }, context);
    const kinds = (input: Partial<CallInput>) => {
      const result = plan(input);
      if (!result.ok) throw new Error(result.problem.code);
      return result.actions.map((action) =>
        action.kind === 'task'
          ? `task:${action.taskKind}`
          : action.kind === 'hold'
            ? `hold:${action.holdKind}`
            : action.kind,
      );
    };
    expect(kinds({ result: 'promise', promise: { amountCents: 10_000, dueOn: '2026-12-10' } })).toEqual(['promise']);
    expect(kinds({ result: 'callback', callbackAt: NOW + DAY })).toEqual(['callback']);
    expect(kinds({ result: 'refusal' })).toEqual(['task:refusal_review']);
    expect(kinds({ result: 'dispute', reason: 'Conteste la dette' })).toEqual(['hold:dispute', 'task:dispute_review']);
    expect(kinds({ result: 'hardship', reason: 'Perte d’emploi' })).toEqual([
      'hold:vulnerability',
      'move_team',
      'task:care_referral',
    ]);
    expect(kinds({ result: 'bereavement', reason: 'Décès de son conjoint' })).toEqual([
      'hold:vulnerability',
      'move_team',
      'task:care_referral',
    ]);
    expect(kinds({ result: 'already_paid' })).toEqual(['task:payment_check']);
    expect(kinds({})).toEqual([]);
    expect(planCall({ outcome: 'wrong_number', checklist: {}, contactPointId: 'p1' }, context)).toMatchObject({
      ok: true,
      actions: [{ kind: 'flag_wrong_number' }, { kind: 'task', taskKind: 'trace_contact' }],
    });
  });

  it('keeps promises within what is owed and the next 45 days', () => {
    const promise = (amountCents: number, dueOn: string, extra = {}) =>
      planCall(
        { outcome: 'right_party', result: 'promise', checklist: { identity: true }, promise: { amountCents, dueOn } },
        { ...context, ...extra },
      );
    expect(promise(50_001, '2026-12-01')).toMatchObject({ ok: false, problem: { code: 'promise.amount_too_high' } });
    expect(promise(100, '2026-11-24')).toMatchObject({ ok: false, problem: { code: 'promise.due_out_of_range' } });
    expect(promise(100, '2026-11-25')).toMatchObject({ ok: true });
    expect(promise(100, '2027-01-09')).toMatchObject({ ok: true });
    expect(promise(100, '2027-01-10')).toMatchObject({ ok: false, problem: { code: 'promise.due_out_of_range' } });
    expect(promise(100, '2026-12-01', { hasOpenPromise: true })).toMatchObject({
      ok: false,
      problem: { code: 'promise.already_open' },
    });
    expect(
      planCall(
        { outcome: 'right_party', result: 'callback', checklist: { identity: true }, callbackAt: NOW - 1 },
        context,
      ),
    ).toMatchObject({ ok: false, problem: { code: 'contact.callback_in_past' } });
    expect(
      planCall({ outcome: 'right_party', result: 'dispute', checklist: { identity: true } }, context),
    ).toMatchObject({ ok: false, problem: { code: 'call.reason_missing' } });
  });

  it('breaks a promise only after its date and the grace days, unless it is paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: -10, max: 10 }),
        (amount, paid, daysAfter) => {
          const today = new Date(Date.parse('2026-12-10T12:00:00Z') + daysAfter * DAY).toISOString().slice(0, 10);
          const broken = promiseBroken(
            { dueOn: '2026-12-10', amountCents: amount, paidCents: Math.min(paid, amount) },
            today,
          );
          expect(broken).toBe(paid < amount && daysAfter > CALL_LIMITS.promiseGraceDays);
          expect(promiseProgress(amount, paid)).toEqual({ paidCents: Math.min(paid, amount), kept: paid >= amount });
        },
      ),
    );
  });
});

describe('where the file stands', () => {
  const base: StandingFacts = {
    stage: 'amicable',
    closeReason: null,
    mandateKind: 'collection',
    creditorName: 'Banque Horizon',
    openedOn: '2026-10-31',
    firstLetterSentOn: '2026-11-02',
    balanceCents: 123_456,
    plan: null,
    openPromise: null,
    holds: [],
    today: '2026-11-25',
    dispute: null,
    complaint: null,
    timeBar: null,
  };

  it('says the procedure, what comes next and what happens without a solution, in three languages, at every stage', () => {
    for (const stage of ['amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'closed'] as const) {
      const text = standing({ ...base, stage });
      for (const message of [text.procedure, text.next, text.ifNoSolution]) {
        for (const language of ['fr', 'en', 'it'] as const) expect(message[language].length).toBeGreaterThan(10);
      }
    }
    const amicable = standing(base);
    expect(amicable.procedure.fr).toBe(
      'Recouvrement amiable pour le compte de Banque Horizon, depuis le 31 octobre 2026.',
    );
    // The balance is a parameter in cents, which the reader's page formats in its locale, in every language.
    for (const language of ['fr', 'en', 'it'] as const) expect(amicable.next[language]).toContain('{{eur:123456}}');
    expect(amicable.facts.find((fact) => fact.label.en === 'Outstanding')?.value).toEqual({
      fr: '{{eur:123456}}',
      en: '{{eur:123456}}',
      it: '{{eur:123456}}',
    });
    expect(amicable.ifNoSolution.fr).toContain('28 février 2027');
    expect(amicable.ifNoSolution.it).toContain('28 febbraio 2027');
    expect(amicable.ifNoSolution.fr).toContain('Aucuns frais de recouvrement amiable');
    expect(standing({ ...base, openPromise: { dueOn: '2026-12-04', amountCents: 5_000 } }).next.en).toBe(
      'We expect the promised payment of {{eur:5000}} by 4 December 2026.',
    );
    expect(standing({ ...base, holds: [{ kind: 'dispute', until: '2026-12-25' }] }).next.fr).toContain(
      '25 décembre 2026',
    );
    expect(
      standing({
        ...base,
        stage: 'plan',
        plan: { status: 'active', nextInstalment: { dueOn: '2026-12-05', amountCents: 10_000 } },
      }).next.it,
    ).toBe('Prossima rata: {{eur:10000}} il 5 dicembre 2026.');
  });

  const inThree = (text: { fr: string; en: string; it: string }, fr: string, en: string, it: string) => {
    expect(text.fr).toContain(fr);
    expect(text.en).toContain(en);
    expect(text.it).toContain(it);
  };

  it('a dispute waiting for the creditor’s evidence says by when, then that a person decides', () => {
    const hold = [{ kind: 'dispute', until: '2026-12-26' }];
    const waiting = standing({
      ...base,
      stage: 'dispute',
      holds: hold,
      dispute: { status: 'evidence_requested', evidenceDueOn: '2026-12-25' },
    });
    inThree(waiting.next, '25 décembre 2026', '25 December 2026', '25 dicembre 2026');
    inThree(waiting.procedure, 'contestation', 'dispute', 'contestazione');
    expect(waiting.facts.at(-1)?.value.en).toBe('25 December 2026');
    const late = standing({
      ...base,
      stage: 'dispute',
      holds: hold,
      today: '2026-12-27',
      dispute: { status: 'evidence_requested', evidenceDueOn: '2026-12-25' },
    });
    inThree(late.next, 'une personne décide maintenant', 'a person now decides', 'ora decide una persona');
    const answered = standing({
      ...base,
      stage: 'dispute',
      holds: hold,
      dispute: { status: 'answered', evidenceDueOn: '2026-12-25' },
    });
    inThree(answered.next, 'a répondu', 'has answered', 'ha risposto');
  });

  it('a complaint being handled adds its deadline to what comes next', () => {
    const received = standing({
      ...base,
      complaint: {
        reference: 'RCL-2026-000001',
        status: 'received',
        acknowledgeBy: '2026-12-09',
        answerBy: '2027-01-25',
      },
    });
    inThree(received.next, '9 décembre 2026', '9 December 2026', '9 dicembre 2026');
    inThree(received.next, 'RCL-2026-000001', '25 January 2027', '25 gennaio 2027');
    const acknowledged = standing({
      ...base,
      complaint: {
        reference: 'RCL-2026-000001',
        status: 'acknowledged',
        acknowledgeBy: '2026-12-09',
        answerBy: '2027-01-25',
      },
    });
    expect(acknowledged.next.en).not.toContain('9 December');
    expect(acknowledged.facts.at(-1)?.value.fr).toBe('25 janvier 2027');
  });

  it('a time-barred claim is never threatened with court, and a voluntary payment is still accepted', () => {
    const barred = standing({ ...base, timeBar: { status: 'time_barred', lastDay: '2026-10-31' } });
    inThree(barred.ifNoSolution, '1 novembre 2026', '1 November 2026', '1 novembre 2026');
    inThree(
      barred.ifNoSolution,
      'paiement volontaire reste accepté',
      'voluntary payment is still accepted',
      'pagamento volontario resta accettato',
    );
    expect(barred.ifNoSolution.fr).not.toContain('phase judiciaire');
    expect(barred.ifNoSolution.en).not.toContain('judicial stage');
    const near = standing({ ...base, timeBar: { status: 'approaching', lastDay: '2027-01-15' } });
    inThree(near.ifNoSolution, '15 janvier 2027', '15 January 2027', '15 gennaio 2027');
    inThree(near.ifNoSolution, 'paiement volontaire', 'voluntary payment', 'pagamento volontario');
    expect(near.facts.at(-1)?.label.en).toBe('May be claimed until');
  });

  it('a closed file says why in words for every reason, never a code', () => {
    for (const reason of CLOSE_REASONS) {
      const closed = standing({ ...base, stage: 'closed', closeReason: reason });
      for (const language of ['fr', 'en', 'it'] as const) {
        expect(closed.procedure[language]).not.toContain(reason.includes('_') ? reason : `(${reason})`);
        expect(closed.next[language].length).toBeGreaterThan(10);
      }
    }
    inThree(
      standing({ ...base, stage: 'closed', closeReason: 'time_barred' }).next,
      'paiement volontaire',
      'voluntary payment',
      'pagamento volontario',
    );
    // A time bar says nothing more of a closed file.
    const closed = standing({
      ...base,
      stage: 'closed',
      closeReason: 'paid',
      timeBar: { status: 'time_barred', lastDay: '2026-10-31' },
    });
    expect(closed.ifNoSolution.en).toBe('Not applicable.');
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 4)).toBe('2027-03-15');
  });
});
