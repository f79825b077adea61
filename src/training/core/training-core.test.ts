import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../platform/calendar/dates.js';
import {
  CERTIFICATIONS,
  CERTIFICATION_KINDS,
  EXPIRY_NOTICE_DAYS,
  POLICY_GRACE_DAYS,
  QUEUE_CERTIFICATIONS,
  WORK_QUEUES,
  type CertificationKind,
} from './catalogue.js';
import {
  certificationEarned,
  certificationState,
  openQueues,
  queueAccess,
  validUntilFor,
  type HeldCertification,
  type PolicyInForce,
} from './certification.js';
import { inlineRuns, markdownBlocks } from './markdown.js';
import { drawQuestions, scoreAttempt, type Question } from './quiz.js';

const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const kind = fc.constantFrom(...CERTIFICATION_KINDS);
const held = fc.record({
  kind,
  earnedOn: isoDate,
  policyVersion: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const heldCertification = held.map((h): HeldCertification => ({
  ...h,
  validUntil: validUntilFor(h.kind as CertificationKind, h.earnedOn),
}));
const policy = fc.option(fc.record({ version: fc.integer({ min: 1, max: 5 }), effectiveOn: isoDate }), {
  nil: null,
}) as fc.Arbitrary<PolicyInForce | null>;

const bank = (size: number): Question[] =>
  Array.from({ length: size }, (_, i) => ({
    id: `q${i + 1}`,
    text: `Q${i + 1}`,
    options: ['a', 'b', 'c'],
    answer: i % 3,
  }));

describe('the attempt draw', () => {
  it('draws distinct questions of the bank, as many as asked (or the whole bank), the same for the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer(),
        (size, count, seed) => {
          const ids = bank(size).map((q) => q.id);
          const drawn = drawQuestions(ids, count, seed);
          expect(drawn).toHaveLength(Math.min(count, size));
          expect(new Set(drawn).size).toBe(drawn.length);
          for (const id of drawn) expect(ids).toContain(id);
          expect(drawQuestions(ids, count, seed)).toEqual(drawn);
        },
      ),
    );
  });

  it('draws different sets for different seeds, over many seeds', () => {
    const ids = bank(7).map((q) => q.id);
    const sets = new Set(Array.from({ length: 50 }, (_, seed) => drawQuestions(ids, 5, seed).join(',')));
    expect(sets.size).toBeGreaterThan(5);
  });
});

describe('scoring', () => {
  it('counts the right answers of the questions drawn, and passes exactly at the pass mark', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 20 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 20, maxLength: 20 }),
        (size, passMark, seed, picks) => {
          const questions = bank(size);
          const drawn = drawQuestions(
            questions.map((q) => q.id),
            5,
            seed,
          );
          const chosen = Object.fromEntries(drawn.map((id, i) => [id, picks[i]!]));
          const score = scoreAttempt(questions, drawn, chosen, passMark);
          const expected = drawn.filter((id) => questions.find((q) => q.id === id)!.answer === chosen[id]).length;
          expect(score.correct).toBe(expected);
          expect(score.outOf).toBe(drawn.length);
          expect(score.passed).toBe(score.correct * 100 >= passMark * drawn.length);
          expect(Object.keys(score.answers).sort()).toEqual([...drawn].sort());
        },
      ),
    );
  });

  it('scores all right answers at 100 and unanswered questions at nothing', () => {
    const questions = bank(7);
    const drawn = ['q1', 'q2', 'q3', 'q4', 'q5'];
    const right = Object.fromEntries(drawn.map((id) => [id, questions.find((q) => q.id === id)!.answer]));
    expect(scoreAttempt(questions, drawn, right, 80)).toMatchObject({ correct: 5, percent: 100, passed: true });
    expect(scoreAttempt(questions, drawn, {}, 80)).toMatchObject({ correct: 0, percent: 0, passed: false });
  });
});

describe('certification validity', () => {
  it('counts from the day earned to its last valid day, with notice in the last days, and never after', () => {
    fc.assert(
      fc.property(heldCertification, isoDate, (cert, today) => {
        const state = certificationState(
          { ...cert, kind: cert.kind === 'contact_policy' ? 'judicial' : cert.kind },
          today,
          null,
        );
        const inside = compareDates(cert.earnedOn, today) <= 0 && compareDates(today, cert.validUntil) <= 0;
        expect(state.counts).toBe(inside);
        if (!inside) expect(state.status).toBe('expired');
        else expect(state.status).toBe(state.daysLeft < EXPIRY_NOTICE_DAYS ? 'expiring' : 'valid');
      }),
    );
  });

  it('makes a contact-policy certification earned on an older version stale, counting only during the grace', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        (earnedOn, after, into) => {
          const cert: HeldCertification = {
            kind: 'contact_policy',
            earnedOn,
            validUntil: validUntilFor('contact_policy', earnedOn),
            policyVersion: 1,
          };
          const effectiveOn = addDays(earnedOn, after);
          const today = addDays(effectiveOn, into);
          const state = certificationState(cert, today, { version: 2, effectiveOn });
          const withinGrace = into < POLICY_GRACE_DAYS && compareDates(today, cert.validUntil) <= 0;
          expect(state.counts).toBe(withinGrace);
          expect(state.status).toBe(withinGrace ? 'stale' : 'expired');
          // The same certification under the version it was earned on is not stale.
          expect(certificationState(cert, today, { version: 1, effectiveOn: earnedOn }).status).not.toBe('stale');
        },
      ),
    );
  });
});

describe('gating', () => {
  it('opens a queue exactly when every certification it asks for counts today', () => {
    fc.assert(
      fc.property(fc.array(heldCertification, { maxLength: 8 }), isoDate, policy, (certs, today, inForce) => {
        for (const queue of WORK_QUEUES) {
          const access = queueAccess(queue, certs, today, inForce);
          const counting = (k: CertificationKind) =>
            certs.some((c) => c.kind === k && certificationState(c, today, inForce).counts);
          const expected = QUEUE_CERTIFICATIONS[queue].every(counting);
          expect(access.allowed).toBe(expected);
          if (!access.allowed) {
            expect(access.missing).toEqual(QUEUE_CERTIFICATIONS[queue].filter((k) => !counting(k)));
            for (const k of access.expired) expect(certs.some((c) => c.kind === k)).toBe(true);
          }
        }
        expect(openQueues(WORK_QUEUES, certs, today, inForce)).toContain('amicable');
      }),
    );
  });

  it('moves a person back once a certification expires: the day after its last valid day the queue closes', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom('care', 'overindebtedness', 'judicial' as const), (earnedOn, queue) => {
        const inForce = { version: 1, effectiveOn: '2020-01-01' };
        const certs = QUEUE_CERTIFICATIONS[queue].map((k) => ({
          kind: k,
          earnedOn,
          validUntil: validUntilFor(k, earnedOn),
          policyVersion: 1,
        }));
        const lastDay = certs.map((c) => c.validUntil).sort()[0]!;
        expect(queueAccess(queue, certs, lastDay, inForce).allowed).toBe(true);
        const after = queueAccess(queue, certs, addDays(lastDay, 1), inForce);
        expect(after.allowed).toBe(false);
        if (!after.allowed) expect(after.expired.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('the modules’ Markdown', () => {
  it('reads headings, paragraphs, lists and inline emphasis as text runs, never markup', () => {
    const blocks = markdownBlocks(
      '# Title\n\nA **bold** word and <script>x</script>.\n\n- one\n- *two*\n\n1. first\n2. second',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Title' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'A ' }, { text: 'bold', strong: true }, { text: ' word and <script>x</script>.' }],
      },
      { kind: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two', em: true }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] },
    ]);
  });

  it('keeps every character of the text across its runs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const joined = inlineRuns(text)
          .map((run) => (run.strong ? `**${run.text}**` : run.em ? `*${run.text}*` : run.text))
          .join('');
        expect(joined).toBe(text);
      }),
    );
  });
});

describe('earning a certification', () => {
  it('needs a pass of every module it asks for, and lasts until the oldest pass runs out', () => {
    fc.assert(
      fc.property(
        kind,
        isoDate,
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 2, maxLength: 2 }),
        (k, today, ages) => {
          const modules = CERTIFICATIONS[k].modules;
          const passes = new Map(modules.map((m, i) => [m, addDays(today, -ages[i]!)]));
          const earned = certificationEarned(k, passes, today);
          const untils = modules.map((m) => validUntilFor(k, passes.get(m)!)).sort();
          if (compareDates(today, untils[0]!) <= 0) expect(earned).toEqual({ validUntil: untils[0] });
          else expect(earned).toBeNull();
          const missingOne = new Map(passes);
          missingOne.delete(modules[0]!);
          expect(certificationEarned(k, missingOne, today)).toBeNull();
        },
      ),
    );
  });
});
