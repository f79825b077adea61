import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import type { StepBody } from '../overindebtedness/contract.js';
import { recordFiling, recordStep } from '../overindebtedness/record-procedure.js';
import { addDays, addMonths, agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { demoActors } from './actors.js';

const SPECIALIST = 'overindebtedness@demo.accord.test';

/**
 * A procedure of the demo: its filing's age and the steps that followed, each so many days before today. Each is
 * recorded today (the letters came in lately), so the holds start today and stop no contact the demo's history has.
 */
interface Script {
  country?: 'FR' | 'IT';
  filedDaysAgo: number;
  withLetter?: boolean;
  steps: { state: StepBody['state']; daysAgo: number; schedule?: boolean }[];
}

/**
 * Procedures at every step, so the over-indebtedness team finds work: the first ones (a filing waiting for its
 * decision, a statement of liabilities to answer, imposed measures to contest or follow, a personal recovery to
 * record) in every demo; the rest (a filing without its letter, a plan proposed, a plan applying, an Italian
 * procedure, an erasure done) in the full one.
 */
const SCRIPTS: readonly Script[] = [
  { filedDaysAgo: 12, steps: [] },
  {
    filedDaysAgo: 28,
    steps: [
      { state: 'admissible', daysAgo: 24 },
      { state: 'liabilities_stated', daysAgo: 8 },
    ],
  },
  {
    filedDaysAgo: 29,
    steps: [
      { state: 'admissible', daysAgo: 26 },
      { state: 'liabilities_stated', daysAgo: 22 },
      { state: 'mesures_imposees', daysAgo: 10 },
    ],
  },
  {
    filedDaysAgo: 30,
    steps: [
      { state: 'admissible', daysAgo: 27 },
      { state: 'prp_sans_liquidation', daysAgo: 15 },
    ],
  },
  { filedDaysAgo: 5, withLetter: false, steps: [] },
  {
    filedDaysAgo: 25,
    steps: [
      { state: 'admissible', daysAgo: 20 },
      { state: 'plan_conventionnel', daysAgo: 6 },
    ],
  },
  {
    filedDaysAgo: 30,
    steps: [
      { state: 'admissible', daysAgo: 28 },
      { state: 'mesures_imposees', daysAgo: 26 },
      { state: 'plan_applies', daysAgo: 2, schedule: true },
    ],
  },
  { country: 'IT', filedDaysAgo: 25, steps: [{ state: 'protective_measures', daysAgo: 20 }] },
  {
    filedDaysAgo: 30,
    steps: [
      { state: 'admissible', daysAgo: 28 },
      { state: 'prp_sans_liquidation', daysAgo: 25 },
      { state: 'erased', daysAgo: 10 },
    ],
  },
];

/**
 * Work for the over-indebtedness team (issue 15), made through the services on their days: debtors whose open cases
 * are all amicable, quiet (no hold, no dispute, no judicial review), the first one with cases at two
 * creditors when there is one. Answers the procedures made.
 */
export async function loadDemoOverindebtedness(deps: Deps, debtors: number): Promise<number> {
  const specialist = (await demoActors(deps, [SPECIALIST])).get(SPECIALIST);
  if (!specialist) return 0;
  const today = agencyToday(deps.now(), deps.config);
  const scripts = SCRIPTS.slice(0, debtors >= 500 ? SCRIPTS.length : 4);
  const chosen = await quietDebtors(deps, scripts.length);
  let made = 0;
  for (const [index, debtorId] of chosen.entries()) {
    if (await play(deps, specialist, debtorId, scripts[index]!, today, made)) made += 1;
  }
  return made;
}

async function play(deps: Deps, specialist: Actor, debtorId: string, script: Script, today: IsoDate, n: number) {
  const filedOn = addDays(today, -script.filedDaysAgo);
  try {
    const procedure = await recordFiling(deps, specialist, debtorId, {
      country: script.country ?? 'FR',
      filedOn,
      fileReference: `${script.country === 'IT' ? 'OCC-MI' : 'BDF-069'}-${filedOn.slice(0, 4)}-${String(4200 + n)}`,
      documentRef: script.withLetter === false ? null : 'Courrier du débiteur',
      note: '',
    });
    for (const step of script.steps) {
      const on = addDays(today, -step.daysAgo);
      const schedules = step.schedule
        ? procedure.cases.map((c) => ({
            caseId: c.caseId,
            instalments: Array.from({ length: 24 }, (_, i) => ({
              dueOn: addMonths(addDays(on, 10), i),
              amountCents: Math.max(1_000, Math.floor(c.balanceCents / 48)),
            })),
          }))
        : [];
      await recordStep(deps, specialist, procedure.id, {
        state: step.state,
        on,
        documentRef: `Courrier de la commission du ${on}`,
        note: '',
        schedules,
      });
    }
    return true;
  } catch {
    // A debtor the services refuse (a case that changed meanwhile) is left as it is.
    return false;
  }
}

async function quietDebtors(deps: Deps, count: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .select(['c.debtor_id', (eb) => eb.fn.count<number>('c.creditor_id').distinct().as('creditors')])
    .where('c.status', '<>', 'closed')
    .where('c.balance_cents', '>', 0)
    .groupBy('c.debtor_id')
    .having((eb) => eb.fn.count<number>('c.id').filterWhere('c.stage', '<>', 'amicable'), '=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('holds as h')
            .select('h.id')
            .whereRef('h.debtor_id', '=', 'c.debtor_id')
            .where('h.status', '=', 'active'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('disputes as d')
            .innerJoin('cases as x', 'x.id', 'd.case_id')
            .select('d.id')
            .whereRef('x.debtor_id', '=', 'c.debtor_id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('judicial_reviews as j').select('j.id').whereRef('j.debtor_id', '=', 'c.debtor_id'))),
    )
    // An admissible filing cancels the debtor's amicable plans: the demo's plans (one waits for a team leader's
    // approval) stay with debtors the procedure does not take.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('plans as p').select('p.id').whereRef('p.debtor_id', '=', 'c.debtor_id'))),
    )
    // A hash of the references, not the ids: ids drawn in the same millisecond come in any order, and a demo that
    // picks other debtors on each run makes the tests that read it pass or fail by chance; hashed, so the picks are not
    // the first or last cases either.
    .orderBy(sql`md5(min(c.reference))`)
    .limit(count * 4)
    .execute();
  const twice = rows.find((r) => Number(r.creditors) > 1);
  const others = rows.filter((r) => r !== twice).map((r) => r.debtor_id);
  return [...(twice ? [twice.debtor_id] : []), ...others].slice(0, count);
}
