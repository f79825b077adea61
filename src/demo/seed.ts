import { loadDemoJudicialProcedures } from './judicial-procedures.js';
import { loadDemoDocuments } from './documents.js';
import { loadDemoPayments, loadDemoPaymentHistory } from './payments.js';
import { refreshPerformance } from '../reporting/refresh-performance.js';
import { loadDemoTeamWork } from './team-work.js';
import { loadDemoAdministration } from './administration.js';
import { loadDemoDisputes } from './lifecycle.js';
import { loadDemoComplaints } from './complaints.js';
import { loadDemoHandoffs } from './judicial-handoffs.js';
import type { Transaction } from 'kysely';
import type { DB, Role } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { rebuildQueue } from '../workspace/rebuild-queue.js';
import { hashPassword } from '../identity/passwords.js';
import { Random } from './random.js';
import { CREDITORS, loadPortfolio, type DemoCreditor } from './seed-portfolio.js';

/** Demo only: every demo user signs in with it. Never used outside `npm run demo` and the tests. */
export const DEMO_PASSWORD = 'accord-demo-2026';
/** The demo agency's postal address (AGENCY_ADDRESS), for its first letters, unless one is configured. */
export const DEMO_AGENCY_ADDRESS = '8 rue des Archives;75004 Paris';

export const DEMO_USERS: { email: string; displayName: string; role: Role; team?: string; creditorCode?: string }[] = [
  { email: 'agent@demo.accord.test', displayName: 'Camille Martin', role: 'agent', team: 'Amiable Lyon' },
  { email: 'team.leader@demo.accord.test', displayName: 'Sophie Bernard', role: 'team_leader', team: 'Amiable Lyon' },
  {
    email: 'care@demo.accord.test',
    displayName: 'Nadia Haddad',
    role: 'care_specialist',
    team: 'Cellule accompagnement',
  },
  {
    email: 'overindebtedness@demo.accord.test',
    displayName: 'Julien Roux',
    role: 'overindebtedness_specialist',
    team: 'Surendettement',
  },
  {
    email: 'judicial@demo.accord.test',
    displayName: 'Hélène Fournier',
    role: 'judicial_specialist',
    team: 'Pôle judiciaire',
  },
  {
    email: 'compliance@demo.accord.test',
    displayName: 'Olivier Lambert',
    role: 'compliance_officer',
    team: 'Conformité',
  },
  { email: 'manager@demo.accord.test', displayName: 'Isabelle Moreau', role: 'manager', team: 'Direction' },
  {
    email: 'creditor@demo.accord.test',
    displayName: 'Paul Durand (Banque Horizon)',
    role: 'creditor_user',
    creditorCode: 'BHORIZON',
  },
  {
    email: 'creditor.energie@demo.accord.test',
    displayName: 'Lina Garcia (Énergie Rhône)',
    role: 'creditor_user',
    creditorCode: 'ENERHONE',
  },
  {
    email: 'admin@demo.accord.test',
    displayName: 'Marc Administrateur',
    role: 'administrator',
    team: 'Administration',
  },
];

const TEAMS = [
  { name: 'Amiable Lyon', kind: 'amicable' },
  { name: 'Cellule accompagnement', kind: 'care' },
  { name: 'Surendettement', kind: 'overindebtedness' },
  { name: 'Pôle judiciaire', kind: 'judicial' },
  { name: 'Conformité', kind: 'compliance' },
  { name: 'Direction', kind: 'management' },
  { name: 'Administration', kind: 'administration' },
] as const;

export interface DemoReport {
  loaded: boolean;
  creditors: number;
  debtors: number;
  cases: number;
  claims: number;
  events: number;
}

/**
 * Demo texts (timeline, reasons) are in French, as the agents of a French agency would write them.
 * Loads the demo agency: three creditors and their mandates, teams, one user per role, about 2,500 debtors
 * (France with Alsace-Moselle and overseas départements, and Italy) and their cases, claims, holds and
 * contact histories. Runs once: a database that already has the demo is left as it is.
 */
export async function loadDemo(deps: Deps, options: { debtors?: number; seed?: number } = {}): Promise<DemoReport> {
  const existing = await deps.db.selectFrom('creditors').select('id').where('code', '=', 'BHORIZON').executeTakeFirst();
  if (existing) return { loaded: false, creditors: 0, debtors: 0, cases: 0, claims: 0, events: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = new Random(options.seed ?? 20261124);
  const now = deps.now();
  const { loaded, disputes } = await deps.db.transaction().execute(async (trx) => {
    const { teamIds, creditors, agentId } = await loadAgency(trx, now, passwordHash);
    const portfolio = await loadPortfolio(trx, random, now, creditors, options.debtors ?? 2_500, teamIds, agentId);
    const report = portfolio.report;
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.loaded',
      targetType: 'system',
      targetId: 'demo',
      after: report,
      at: now,
    });
    return { loaded: { loaded: true, creditors: creditors.length, ...report }, disputes: portfolio.disputes };
  });
  // The disputed cases' disputes, recorded through the service on their days before anything else touches them.
  await loadDemoDisputes(deps, disputes);
  // One payment for every hundred debtors, recorded through the payment service after the portfolio exists.
  await loadDemoPayments(deps, random, Math.max(3, Math.round((options.debtors ?? 2_500) / 100)));
  // A year of older payments, one for every eight debtors, with a random sequence of its own.
  await loadDemoPaymentHistory(
    deps,
    new Random((options.seed ?? 20261124) + 1),
    Math.max(3, Math.round((options.debtors ?? 2_500) / 8)),
  );
  await loadDemoAdministration(deps, passwordHash);
  // Months of training: the specialists certified for their queues, the others on their way (training/).
  await (await import('./training.js')).loadDemoTraining(deps);
  await loadDemoDocuments(deps);
  await (await import('./estates.js')).loadDemoEstates(deps);
  // The judicial team's partners and handoff files, on whatever cases the demo has at the judicial stage.
  await loadDemoHandoffs(deps);
  await loadDemoJudicialProcedures(deps);
  await loadDemoComplaints(deps);
  // The work queues, built from the strategy and the contact policy as the nightly refresh does.
  await rebuildQueue(deps);
  // What waits for the team leader: a broken promise, a missed callback, a plan to approve.
  await loadDemoTeamWork(deps);
  // The judicial team's review queue, after everything else chose its cases: cases offered a plan long ago, decided.
  await (await import('./judicial-reviews.js')).loadDemoJudicialReviews(deps);
  // The over-indebtedness team's procedures at every step, on quiet debtors the judicial team did not take.
  await (await import('./overindebtedness.js')).loadDemoOverindebtedness(deps, options.debtors ?? 2_500);
  // The care unit's records, breathing spaces, first calls, referrals and signals, on debtors no one else took.
  await (await import('./care.js')).loadDemoCare(deps);
  // Campaigns of e-mails and SMS the compliance officer drafted, paused, and a new wording of an SMS for review.
  const campaigns = await import('./campaigns.js');
  await campaigns.loadDemoCampaigns(deps);
  await campaigns.loadDemoTemplateDraft(deps);
  // Months of satisfaction surveys and answers over the case workers and their teams (satisfaction/).
  await (await import('./satisfaction.js')).loadDemoSatisfaction(deps);
  // Months of call reviews and coaching notes for the amicable team, after the surveys they are read beside (quality/).
  await (await import('./quality.js')).loadDemoQuality(deps);
  // A year of the default strategy's champion/challenger test on the large cases placed then, with their payments.
  await (await import('./challenger.js')).loadDemoChallenger(deps);
  // Weeks of the amicable team's calls, promises, plans and the payments that followed (the agents and teams report).
  await (await import('./agent-activity.js')).loadDemoAgentActivity(deps);
  // The portfolio performance figures, as the five-minute job would write them, so the reports show the demo at once.
  await refreshPerformance(deps);
  return loaded;
}

/** The agency itself: its teams, the creditors and their mandates, one user per role (the agent among them). */
async function loadAgency(trx: Transaction<DB>, now: Date, passwordHash: string) {
  const teamIds = new Map<string, string>();
  for (const team of TEAMS) {
    const row = await trx.insertInto('teams').values(team).returning('id').executeTakeFirstOrThrow();
    teamIds.set(team.name, row.id);
  }
  const creditors: DemoCreditor[] = [];
  for (const spec of CREDITORS) {
    const { mandate, contracts: _contracts, share: _share, ...fields } = spec;
    const creditor = await trx.insertInto('creditors').values(fields).returning('id').executeTakeFirstOrThrow();
    const mandateRow = await trx
      .insertInto('mandates')
      .values({
        ...mandate,
        creditor_id: creditor.id,
        starts_on: '2026-01-01',
        allocation_order: JSON.stringify(['debtor_choice', 'due_first', 'interest_before_principal', 'oldest_first']),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    creditors.push({ id: creditor.id, mandateId: mandateRow.id, spec });
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'creditor.created',
      targetType: 'creditor',
      targetId: creditor.id,
      creditorId: creditor.id,
      after: { ...fields, mandate },
      at: now,
    });
  }
  const creditorByCode = new Map<string, string>(creditors.map((c) => [c.spec.code, c.id]));
  for (const user of DEMO_USERS) {
    const row = await trx
      .insertInto('users')
      .values({
        email: user.email,
        display_name: user.displayName,
        role: user.role,
        team_id: user.team ? teamIds.get(user.team)! : null,
        creditor_id: user.creditorCode ? creditorByCode.get(user.creditorCode)! : null,
        locale: 'fr',
        password_hash: passwordHash,
      })
      .returning(['id', 'creditor_id'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'user.created',
      targetType: 'user',
      targetId: row.id,
      creditorId: row.creditor_id,
      after: { email: user.email, role: user.role },
      at: now,
    });
  }
  const agentId = (
    await trx.selectFrom('users').select('id').where('email', '=', DEMO_USERS[0]!.email).executeTakeFirstOrThrow()
  ).id;
  return { teamIds, creditors, agentId };
}
