import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { can } from '../identity/core/permissions.js';
import { creditorFilter } from '../cases/scope.js';
import { policyInForce } from '../contact-policy/policy-store.js';
import type { Deps } from '../platform/deps.js';
import { forbidden } from '../platform/errors.js';
import { satisfactionSettings } from '../satisfaction/settings.js';
import { conductByTeam, conductFigures, type ConductFact } from './conduct-figures.js';
import type { ConductReport, ConductReportQuery } from './contract.js';
import { addMonths, monthsBetween, type IsoMonth } from './core/liquidation.js';
import { SMALLEST_CELL } from './core/small-cells.js';
import { spanOf } from './portfolio-performance.js';
import { teamChoices, teamScope } from './team-scope.js';

const firstDay = (month: IsoMonth) => `${month}-01`;

/** A `date` column (a string on both engines, or a Date from some drivers) as its month. */
const monthOf = (value: string | Date): IsoMonth =>
  (typeof value === 'string' ? value : value.toISOString()).slice(0, 7);

/** The facts the "by team" table reads: the contacts against the caps and the policy's refusals. */
const TEAM_FIGURES = ['case_weeks', 'contact_weeks', 'refused_attempts', 'refusals'] as const;

/**
 * The responsible-collection report: contacts per case and week against the policy's caps, refusals by rule,
 * complaints, disputes, fragile debtors and referrals, satisfaction, and the money collected, per month of the
 * period, within the actor's scope (a creditor user reads its own creditor's, whatever it asks for), and for the staff
 * who may read the teams report, one team's (a team leader's own, whatever they ask) and the contacts by team. Reads
 * the facts the reporting job keeps (refresh-conduct.ts): a few hundred rows, never the cases.
 */
export async function conductReport(deps: Deps, actor: Actor, query: ConductReportQuery): Promise<ConductReport> {
  const span = spanOf(deps, query);
  const creditorId = creditorFilter(actor, query.creditorId);
  const byTeam = can(actor.role, 'reports.teams');
  if (query.teamId && !byTeam) throw forbidden('reports.teams');
  const team = byTeam ? await teamScope(deps, actor, query.teamId) : undefined;
  const scoped = (from: IsoMonth, to: IsoMonth) => {
    let rows = deps.db
      .selectFrom('conduct_facts')
      .where('month', '>=', firstDay(from))
      .where('month', '<=', firstDay(to));
    if (creditorId) rows = rows.where('creditor_id', '=', creditorId);
    if (query.mandateId) rows = rows.where('mandate_id', '=', query.mandateId);
    // A team leader without a team reads nothing.
    if (team === null) rows = rows.where(sql<boolean>`false`);
    else if (team) rows = rows.where('team_id', '=', team);
    return rows;
  };
  const facts = (from: IsoMonth, to: IsoMonth) =>
    scoped(from, to)
      .select(['month', 'figure', 'dimension', 'bucket'])
      .select((eb) => eb.fn.sum<string>('count').as('count'))
      .groupBy(['month', 'figure', 'dimension', 'bucket'])
      .execute();
  const teamFacts = () =>
    scoped(span.from, span.to)
      .leftJoin('teams', 'teams.id', 'conduct_facts.team_id')
      .select(['conduct_facts.team_id', 'teams.name', 'figure', 'dimension', 'bucket'])
      .select((eb) => eb.fn.sum<string>('count').as('count'))
      .where('figure', 'in', TEAM_FIGURES)
      .groupBy(['conduct_facts.team_id', 'teams.name', 'figure', 'dimension', 'bucket'])
      .orderBy('teams.name')
      .orderBy('conduct_facts.team_id')
      .execute();
  const [periodFacts, todayFacts, teamRows, choices, refreshed, settings, policy] = await Promise.all([
    facts(span.from, span.to),
    facts(span.asOf, span.asOf),
    byTeam ? teamFacts() : [],
    byTeam ? teamChoices(deps, actor, team) : [],
    deps.db.selectFrom('performance_refreshes').select('refreshed_at').executeTakeFirst(),
    satisfactionSettings(deps.db),
    policyInForce(deps.db, deps.now()).catch(() => null),
  ]);
  const months = Array.from({ length: monthsBetween(span.from, span.to) + 1 }, (_, i) => addMonths(span.from, i));
  const asFact = (row: Omit<(typeof periodFacts)[number], 'month'> & { month?: string | Date }): ConductFact => ({
    month: row.month === undefined ? '' : monthOf(row.month),
    figure: row.figure,
    dimension: row.dimension,
    bucket: row.bucket,
    count: Number(row.count),
  });
  const collectedByMonth = new Map<string, number>();
  for (const fact of periodFacts.map(asFact)) {
    if (fact.figure === 'collected')
      collectedByMonth.set(fact.month, (collectedByMonth.get(fact.month) ?? 0) + fact.count);
  }
  const teams = new Map<string, { teamId: string | null; teamName: string | null; facts: ConductFact[] }>();
  for (const row of teamRows) {
    const key = row.team_id ?? '';
    const entry = teams.get(key) ?? { teamId: row.team_id, teamName: row.name, facts: [] };
    teams.set(key, entry);
    entry.facts.push(asFact(row));
  }
  const caps = policy?.document.caps ?? [];
  return {
    ...span,
    refreshedAt: refreshed ? new Date(refreshed.refreshed_at).toISOString() : null,
    smallestCell: SMALLEST_CELL,
    policyVersion: policy?.version ?? null,
    teamId: team ?? null,
    teamChoices: choices,
    byTeam: conductByTeam([...teams.values()], caps),
    ...conductFigures({
      months,
      facts: periodFacts.map(asFact),
      today: todayFacts.map(asFact),
      collected: collectedByMonth,
      caps,
      minimumAnswers: settings.minimumAnswers,
    }),
  };
}
