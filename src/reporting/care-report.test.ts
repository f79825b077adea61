import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { SMALLEST_CELL } from './core/small-cells.js';
import { refreshPerformance } from './refresh-performance.js';

const START = new Date('2026-11-25T09:00:00Z');
const HOUR_MS = 3_600_000;

/**
 * The care unit's report on the demo, with the demo's own care rows removed first so every figure is this test's:
 * four fragile debtors of one creditor (shown, with their share), one of another (withheld), the hours to the first
 * care contact, referrals and their outcomes, an overdue review, signals below the smallest cell.
 */
describe.each(ENGINES)('the care report on %s', (engine) => {
  let t: TestApp;
  let manager: Session;
  let care: Session;
  let horizon: Session;
  let agent: Session;
  let horizonDebtors: string[];
  let energieDebtor: string;
  let energieId: string;

  const report = (session: Session, query = '') => as(t.app, session)('GET', `/api/v1/reports/care${query}`);

  async function openDebtors(creditorId: string, count: number): Promise<{ debtor_id: string; case_id: string }[]> {
    const rows = await t.deps.db
      .selectFrom('cases')
      .select(['debtor_id', 'id as case_id'])
      .where('creditor_id', '=', creditorId)
      .where('status', '<>', 'closed')
      .orderBy('reference')
      .execute();
    const seen = new Set<string>();
    return rows.filter((row) => !seen.has(row.debtor_id) && seen.add(row.debtor_id)).slice(0, count);
  }

  async function record(debtorId: string, hoursAgo: number, reviewOn: string, careUserId: string) {
    return t.deps.db
      .insertInto('vulnerabilities')
      .values({
        debtor_id: debtorId,
        drivers: ['life_event'],
        note: 'Écrire plutôt qu’appeler.',
        adaptations: JSON.stringify({}),
        legal_basis: 'explicit_consent',
        consent: 'given',
        consent_at: new Date(START.getTime() - hoursAgo * HOUR_MS),
        review_on: reviewOn,
        recorded_by: careUserId,
        recorded_at: new Date(START.getTime() - hoursAgo * HOUR_MS),
        updated_at: START,
      })
      .returning(['id', 'recorded_at'])
      .executeTakeFirstOrThrow();
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    manager = await signIn(t.app, demoEmail('manager'));
    care = await signIn(t.app, demoEmail('care_specialist'));
    horizon = await signIn(t.app, demoEmail('creditor_user'));
    agent = await signIn(t.app, demoEmail('agent'));
    const db = t.deps.db;
    await db.deleteFrom('care_referrals').execute();
    await db.deleteFrom('vulnerability_reviews').execute();
    await db.updateTable('vulnerabilities').set({ signal_id: null }).execute();
    await db.deleteFrom('vulnerability_signals').execute();
    await db.deleteFrom('vulnerabilities').execute();

    const energie = await db
      .selectFrom('creditors')
      .select('id')
      .where('id', '<>', horizon.creditorId!)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    energieId = energie.id;
    const horizonRows = await openDebtors(horizon.creditorId!, 4);
    horizonDebtors = horizonRows.map((row) => row.debtor_id);
    const energieRows = (await openDebtors(energieId, 10)).filter((row) => !horizonDebtors.includes(row.debtor_id));
    energieDebtor = energieRows[0]!.debtor_id;

    const careUser = care.userId;
    // Three records of the period contacted by the care team after 5, 10 and 30 hours; one waits; one is older.
    const made = [
      await record(horizonDebtors[0]!, 48, '2027-02-01', careUser),
      await record(horizonDebtors[1]!, 40, '2027-02-01', careUser),
      await record(horizonDebtors[2]!, 35, '2027-02-01', careUser),
      await record(horizonDebtors[3]!, 2, '2026-11-30', careUser),
    ];
    await record(energieDebtor, 24 * 60, '2026-11-20', careUser); // recorded long ago, its review has passed
    const contactCase = new Map(horizonRows.map((row) => [row.debtor_id, row.case_id]));
    for (const [index, delay] of [5, 10, 30].entries()) {
      const debtorId = horizonDebtors[index]!;
      await db
        .insertInto('contacts')
        .values({
          debtor_id: debtorId,
          case_id: contactCase.get(debtorId)!,
          channel: 'phone',
          direction: 'outbound',
          outcome: 'conversation',
          conversation: true,
          occurred_at: new Date(made[index]!.recorded_at.getTime() + delay * HOUR_MS),
          recorded_at: START,
          recorded_by: careUser,
          policy_version: 1,
          decision: JSON.stringify({}),
        })
        .execute();
    }
    // Referrals: three proposed in the period, of which three closed as helped, and one whose follow-up passed.
    const organisation = await db
      .insertInto('care_organisations')
      .values({
        country: 'FR',
        name: 'Point Conseil Budget de test',
        helps_with: ['budget_advice'],
        coverage: 'national',
        website: 'https://example.org',
        created_at: START,
        updated_at: START,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, debtorId] of horizonDebtors.entries()) {
      const at = new Date(START.getTime() - (10 - index) * HOUR_MS);
      const closed = index < 3;
      await db
        .insertInto('care_referrals')
        .values({
          debtor_id: debtorId,
          organisation_id: organisation.id,
          need: 'Faire le point sur le budget',
          status: closed ? 'closed' : 'proposed',
          consent_at: at,
          proposed_at: at,
          proposed_by: careUser,
          follow_up_on: closed ? '2026-12-09' : '2026-11-20',
          outcome: closed ? 'helped' : null,
          closed_at: closed ? START : null,
          closed_by: closed ? careUser : null,
        })
        .execute();
    }
    for (const debtorId of horizonDebtors.slice(0, 2)) {
      await db
        .insertInto('vulnerability_signals')
        .values({ debtor_id: debtorId, kind: 'hardship_outcome', reasons: JSON.stringify({}), detected_at: START })
        .execute();
    }
    // Fragile debtors by creditor and team are the five-minute refresh's facts.
    await refreshPerformance(t.deps);
  });
  afterAll(() => t.close());

  it('counts fragile debtors by creditor and withholds a count below the smallest cell, with its share', async () => {
    const answer = await report(manager);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ from: '2026-10-27', to: '2026-11-25', today: '2026-11-25', smallestCell: 3 });
    const horizonRow = body.fragileByCreditor.find((row: { id: string }) => row.id === horizon.creditorId);
    const debtors = await t.deps.db
      .selectFrom('cases')
      .select((eb) => eb.fn.count<string>('debtor_id').distinct().as('n'))
      .where('creditor_id', '=', horizon.creditorId!)
      .where('status', '<>', 'closed')
      .executeTakeFirstOrThrow();
    expect(horizonRow).toMatchObject({ debtors: Number(debtors.n), fragile: 4 });
    expect(horizonRow.shareBasisPoints).toBe(Math.floor((4 * 20_000 + Number(debtors.n)) / (2 * Number(debtors.n))));
    const energieRow = body.fragileByCreditor.find((row: { id: string }) => row.id === energieId);
    expect(energieRow).toMatchObject({ fragile: null, shareBasisPoints: null });
    expect(energieRow.debtors).toBeGreaterThan(0);
    const teamFragile = body.fragileByTeam.reduce(
      (sum: number, row: { fragile: number | null }) => sum + (row.fragile ?? 0),
      0,
    );
    expect(teamFragile).toBeLessThanOrEqual(5);
  });

  it('says how long the care team took to make a first contact, how many wait, and the referrals’ outcomes', async () => {
    const body = (await report(manager)).json();
    expect(body.firstCareContact).toEqual({ recorded: 4, contacted: 3, waiting: null, medianHours: 10 });
    expect(body.referrals).toEqual({
      proposed: 4,
      sent: 0,
      closed: 3,
      outcomes: { helped: 3, not_reached: 0, refused: 0, file_lodged: 0 },
      followUpsOverdue: null,
    });
    expect(body.reviews).toEqual({ overdue: null, dueWithinWeek: null });
    expect(body.signals).toEqual({ detected: null, confirmed: 0, dismissed: 0, open: null });
    expect(SMALLEST_CELL).toBe(3);
  });

  it('counts a period of the agency calendar and refuses a reversed or too long one', async () => {
    const before = (await report(manager, '?from=2026-10-01&to=2026-11-22')).json();
    expect(before.firstCareContact).toMatchObject({ recorded: 0, contacted: 0, medianHours: null });
    expect((await report(manager, '?from=2026-11-25&to=2026-11-01')).statusCode).toBe(400);
    const long = await report(manager, '?from=2025-01-01&to=2026-11-25');
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('care_report.period_too_long');
    expect((await report(manager, '?from=yesterday')).statusCode).toBe(400);
  });

  it('is read by team leaders, compliance and managers only: never a case worker or a creditor', async () => {
    expect((await report(care)).statusCode).toBe(403);
    expect((await report(agent)).statusCode).toBe(403);
    expect((await report(horizon)).statusCode).toBe(403);
    const compliance = await signIn(t.app, demoEmail('compliance_officer'));
    expect((await report(compliance)).statusCode).toBe(200);
  });
});
