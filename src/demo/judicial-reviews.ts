import { recordAssessment } from '../affordability/assessments.js';
import type { Actor } from '../identity/actor.js';
import { decideReview } from '../judicial/decide-review.js';
import { refreshReviewQueue } from '../judicial/review-queue.js';
import { escalationFactsOf } from '../judicial/review-facts.js';
import { addDays, agencyToday, instantAt, isBusinessDay, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { cancelPlan, createPlan } from '../plans/record-plan.js';
import { demoActors } from './actors.js';

const AGENT = 'agent@demo.accord.test';
const JUDICIAL = 'judicial@demo.accord.test';
/** A household whose budget leaves 200 € a month (REGULATION.md's worked example). */
const BUDGET = {
  household: { adults: 2, children: 2, dependants: 3 },
  resources: [{ type: 'salary' as const, amountCents: 220_000 }],
  expenses: [{ category: 'housing' as const, amountCents: 200_000, basis: 'actual' as const }],
};
/** How many cases the demo prepares for the judicial team: a plan offered five months ago, then nothing. */
const PREPARED = 5;

/** The services as they ran on a business day at a time of the agency's working hours. */
function onDay(deps: Deps, day: IsoDate, time: string): Deps {
  let business = day;
  while (!isBusinessDay(business, { country: 'FR', region: null })) business = addDays(business, -1);
  const at = instantAt(business, deps.config.AGENCY_TZ, time);
  return { ...deps, now: () => at };
}

/**
 * Work for the judicial team (issue 15): Telco Alpi's and Énergie Rhône's oldest quiet amicable cases (no hold, no
 * plan, no payment, one open case for the debtor) were offered a plan five months ago that the debtor let go; one of
 * them is a consumer credit unpaid for three years (time-barred). The queue is then refreshed as the nightly job
 * does (the disputed and the time-barred cases come in blocked, like every case never offered a plan), and the
 * judicial specialist decides two: one escalated (the debtor told, nothing filed for eight days), one kept amicable.
 */
export async function loadDemoJudicialReviews(deps: Deps): Promise<{ waiting: number; decided: number }> {
  const people = await demoActors(deps, [AGENT, JUDICIAL]);
  const agent = people.get(AGENT);
  const judicial = people.get(JUDICIAL);
  if (!agent || !judicial) return { waiting: 0, decided: 0 };
  const today = agencyToday(deps.now(), deps.config);
  const cases = await quietOldCases(deps, addDays(today, -160));
  // Cases nothing but the missing offer blocks (their claims run), and one time-barred (forced when none is).
  const facts = await escalationFactsOf(
    deps.db,
    cases.map((c) => c.id),
    today,
  );
  const onlyOffer = (c: Quiet) => facts.get(c.id)?.blocks.join() === 'no_forbearance_offered';
  const clear = cases.filter(onlyOffer);
  const barredAlready = cases.find((c) => facts.get(c.id)?.blocks.includes('time_barred'));
  const prepared: string[] = [];
  for (const c of [...clear, ...(barredAlready ? [barredAlready] : [])]) {
    if (prepared.length === PREPARED) break;
    if (c !== barredAlready && prepared.length === PREPARED - 1 && barredAlready) continue;
    if (await offerAndLetGo(deps, agent, c, today)) prepared.push(c.id);
  }
  const barred = barredAlready?.id ?? prepared[PREPARED - 1];
  if (barred && !barredAlready)
    await deps.db
      .updateTable('claims')
      .set({ contract_type: 'consumer_credit', default_on: addDays(today, -3 * 365), last_payment_on: null })
      .where('case_id', '=', barred)
      .execute();
  const refreshed = await refreshReviewQueue(deps);
  const decided = await decideTwo(deps, judicial, prepared.slice(0, 2), today);
  return { waiting: refreshed.waiting - decided, decided };
}

interface Quiet {
  id: string;
  debtorId: string;
}

async function quietOldCases(deps: Deps, openedBefore: IsoDate): Promise<Quiet[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .select(['c.id', 'c.debtor_id'])
    .where('cr.code', 'in', ['TELCOALPI', 'ENERHONE'])
    .where('c.stage', '=', 'amicable')
    .where('c.status', '=', 'open')
    .where('c.opened_on', '<=', openedBefore)
    .where('c.balance_cents', '>=', 60_000)
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
      not(exists(selectFrom('plans as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payments as p').select('p.id').whereRef('p.case_id', '=', 'c.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cases as o')
            .select('o.id')
            .whereRef('o.debtor_id', '=', 'c.debtor_id')
            .whereRef('o.id', '<>', 'c.id')
            .where('o.status', '<>', 'closed'),
        ),
      ),
    )
    .orderBy('c.opened_on')
    .orderBy('c.reference')
    .limit(PREPARED * 3)
    .execute();
  return rows.map((row) => ({ id: row.id, debtorId: row.debtor_id }));
}

/** A budget and a plan offered on the phone five months ago, which the debtor let go a week later. */
async function offerAndLetGo(deps: Deps, agent: Actor, c: Quiet, today: IsoDate): Promise<boolean> {
  const offeredOn = addDays(today, -150);
  const offered = onDay(deps, offeredOn, '10:30');
  try {
    await recordAssessment(offered, agent, c.debtorId, { date: offeredOn, ...BUDGET }, null);
    const plan = await createPlan(
      offered,
      agent,
      c.id,
      { kind: 'instalments', months: 12, firstDueOn: addDays(offeredOn, 20), knowinglyAboveCapacity: true },
      'Proposé au téléphone : douze mensualités.',
      null,
    );
    await cancelPlan(
      onDay(deps, addDays(offeredOn, 7), '15:00'),
      agent,
      plan.id,
      'Le débiteur ne donne plus suite.',
      null,
    );
    return true;
  } catch {
    // A case the plan service refuses (its balance, its mandate) is left as it is.
    return false;
  }
}

async function decideTwo(deps: Deps, judicial: Actor, caseIds: string[], today: IsoDate): Promise<number> {
  const reviews = await deps.db
    .selectFrom('judicial_reviews')
    .select(['id', 'case_id'])
    .where('case_id', 'in', caseIds.length > 0 ? caseIds : ['00000000-0000-4000-8000-000000000000'])
    .where('status', '=', 'waiting')
    .execute();
  const facts = await escalationFactsOf(
    deps.db,
    reviews.map((r) => r.case_id),
    today,
  );
  let decided = 0;
  for (const [index, caseId] of caseIds.entries()) {
    const review = reviews.find((r) => r.case_id === caseId);
    const view = facts.get(caseId);
    if (!review || !view || view.blocks.length > 0) continue;
    await decideReview(
      deps,
      judicial,
      review.id,
      index === 0
        ? {
            decision: 'escalate',
            route: view.route.proposed,
            reason: 'Plan proposé puis abandonné, aucune réponse depuis cinq mois : voie judiciaire proposée.',
          }
        : {
            decision: 'keep_amicable',
            nextReviewOn: addDays(today, 60),
            reason: 'Nouvelle adresse trouvée : un dernier courrier amiable avant toute action.',
          },
      'demo',
    );
    decided += 1;
  }
  return decided;
}
