import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEFAULT_STRATEGY } from './core/default-strategy.js';
import { segmentCase } from './core/segment.js';
import type { StrategyDocument } from './core/strategy-document.js';
import { loadQueueFacts } from './queue-facts.js';

const NOW = new Date('2026-11-25T09:00:00Z');

/** A draft that names every condition the strategy knows, so that each of them is read in SQL. */
const EVERY_CONDITION: StrategyDocument = {
  title: 'Essai',
  segments: [
    {
      id: 'care',
      name: 'Fragiles',
      when: { vulnerable: true, languages: ['fr', 'en'] },
      treatment: { team: 'care', channels: ['phone'], priority: 600 },
    },
    {
      id: 'late',
      name: 'Plans en retard',
      when: { planStates: ['late', 'broken', 'active'], minBrokenPromises: 1 },
      treatment: { team: 'amicable', channels: ['phone'], priority: 500 },
    },
    {
      id: 'plans',
      name: 'Plans',
      when: { planStates: ['late', 'broken', 'active', 'proposed'] },
      treatment: { team: 'amicable', channels: ['phone'], priority: 450 },
    },
    {
      id: 'silent',
      name: 'Jamais joints, anciens',
      when: { lastOutcomes: ['none', 'no_answer'], minAgeDays: 30, maxBalanceCents: 500_000 },
      treatment: { team: 'amicable', channels: ['phone'], priority: 400 },
    },
    {
      id: 'big',
      name: 'Gros soldes récents',
      when: { stages: ['amicable', 'plan'], minBalanceCents: 200_000, maxAgeDays: 400 },
      treatment: { team: 'amicable', channels: ['phone'], priority: 300 },
    },
    { id: 'rest', name: 'Le reste', when: {}, treatment: { team: 'amicable', channels: ['letter'], priority: 100 } },
  ],
};

describe.each(ENGINES)('strategy preview on %s', (engine) => {
  let t: TestApp;
  let manager: Session;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: NOW });
    manager = await signIn(t.app, demoEmail('manager'));
  });
  afterAll(async () => t?.close());

  /** What the queue refresh would decide for every open case, counted by segment id. */
  async function expected(strategy: StrategyDocument) {
    const open = await t.deps.db.selectFrom('cases').select('id').where('status', '<>', 'closed').execute();
    const loaded = await loadQueueFacts(
      t.deps.db,
      open.map((row) => row.id),
      NOW,
    );
    const counts = new Map<string, number>();
    for (const { facts } of loaded) {
      const id = segmentCase(strategy, facts).segment.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return { total: open.length, counts };
  }

  it.each([
    ['the shipped strategy', DEFAULT_STRATEGY],
    ['a draft naming every condition', EVERY_CONDITION],
  ])('counts the cases each segment of %s would take as the queue refresh places them', async (_name, draft) => {
    const response = await as(t.app, manager)('POST', '/api/v1/strategies/previews', { document: draft });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as { total: number; segments: { segmentId: string; cases: number }[] };
    const want = await expected(draft);
    expect(preview.total).toBe(want.total);
    expect(preview.segments.map((segment) => segment.segmentId)).toEqual(draft.segments.map((segment) => segment.id));
    for (const segment of preview.segments)
      expect(segment.cases, segment.segmentId).toBe(want.counts.get(segment.segmentId) ?? 0);
  });

  it('moves cases between segments when a condition changes, and gives the queue’s figures beside them', async () => {
    const draft = structuredClone(DEFAULT_STRATEGY);
    const before = await as(t.app, manager)('POST', '/api/v1/strategies/previews', { document: draft });
    const newLarge = draft.segments.find((segment) => segment.id === 'new-large')!;
    newLarge.when.minBalanceCents = 0;
    const after = await as(t.app, manager)('POST', '/api/v1/strategies/previews', { document: draft });
    const cases = (response: typeof before, id: string) =>
      (response.json() as { segments: { segmentId: string; cases: number }[] }).segments.find(
        (segment) => segment.segmentId === id,
      )!.cases;
    // Every new amicable case now goes to the first of the two "new" segments; none is left for the second.
    expect(cases(after, 'new-large')).toBe(cases(before, 'new-large') + cases(before, 'new'));
    expect(cases(after, 'new')).toBe(0);
    const inQueue = await t.deps.db
      .selectFrom('case_queue')
      .select('case_id')
      .where('segment_id', '=', 'new-large')
      .execute();
    const segment = (before.json() as { segments: { segmentId: string; inQueueNow: number }[] }).segments.find(
      (each) => each.segmentId === 'new-large',
    )!;
    expect(segment.inQueueNow).toBe(inQueue.length);
  });

  it('refuses a draft the strategy’s schema refuses, by path, and a reader who may not edit the strategy', async () => {
    const draft = { title: 'x', segments: [{ id: 'a', name: 'A', when: { stages: ['amicable'] }, treatment: {} }] };
    const invalid = await as(t.app, manager)('POST', '/api/v1/strategies/previews', { document: draft });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().code).toBe('strategy.invalid');
    const leader = await signIn(t.app, demoEmail('team_leader'));
    const refused = await as(t.app, leader)('POST', '/api/v1/strategies/previews', { document: DEFAULT_STRATEGY });
    expect(refused.statusCode).toBe(403);
  });
});
