import type { NightlyReport } from '../../../../src/jobs/contract.js';
import { reportQuery, type ReportFilterValues } from './report-filters.js';
import type { Dashboard } from '../../../../src/reporting/contract.js';
import { http } from '../../api/client.js';

/** The dashboard's figures, and the nightly refresh an administrator may run from it. */

export type { Dashboard };

/** The server's own type (type-only import: nothing of the server is bundled). */
export type NightlyRefreshReport = NightlyReport;

export const getDashboard = (signal?: AbortSignal) => http.get<Dashboard>('/api/v1/dashboard', undefined, signal);
export const runNightlyRefresh = () => http.post<NightlyRefreshReport>('/api/v1/jobs/nightly-refresh/runs');

export type { CareReport } from '../../../../src/reporting/contract.js';
import type { CareReport } from '../../../../src/reporting/contract.js';

/** The care unit's figures over a period of the agency's calendar (both days optional). */
export const getCareReport = (period: { from: string; to: string }, signal?: AbortSignal) =>
  http.get<CareReport>(
    '/api/v1/reports/care',
    { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) },
    signal,
  );

export type { PortfolioReport } from '../../../../src/reporting/contract.js';
import type { PortfolioReport } from '../../../../src/reporting/contract.js';

/** The filters of the portfolio performance page, as the address holds them (each optional). */
/** The portfolio report's filters: creditor, mandate, months (empty: the last twelve vintages, every creditor). */
export type PortfolioFilters = ReportFilterValues;
/** The portfolio's query: it has no team filter. */
export const portfolioQuery = (filters: ReportFilterValues) => reportQuery({ ...filters, teamId: '' });

/** Recovery rates and liquidation curves by creditor and vintage, in the reader's scope. */
export const getPortfolioReport = (filters: PortfolioFilters, signal?: AbortSignal) =>
  http.get<PortfolioReport>('/api/v1/reports/portfolio', portfolioQuery(filters), signal);

export type { ChampionChallengerReport, ExperimentDecision } from '../../../../src/reporting/contract.js';
import type { ChampionChallengerReport, ExperimentDecision } from '../../../../src/reporting/contract.js';

/** The champion/challenger comparison's query: its facts are not kept by placement, so it has no placement filter. */
export const championQuery = (filters: ReportFilterValues) => reportQuery({ ...filters, teamId: '', placementId: '' });

/** Each segment's champion and challenger compared, in the reader's scope, on the cohorts of the page's months. */
export const getChampionChallenger = (filters: PortfolioFilters, signal?: AbortSignal) =>
  http.get<ChampionChallengerReport>('/api/v1/reports/champion-challenger', championQuery(filters), signal);

/** A manager's decision on one segment's test. */
export const decideExperiment = (body: { segmentId: string; decision: ExperimentDecision['decision']; note: string }) =>
  http.post<ExperimentDecision>('/api/v1/reports/champion-challenger/decisions', body);

export type { ReportPlacements } from '../../../../src/reporting/contract.js';
import type { ReportPlacements } from '../../../../src/reporting/contract.js';

/** The placements (intake batches) of a creditor, or of one of its mandates, the portfolio page may be filtered by. */
export const getReportPlacements = (scope: { creditorId: string; mandateId: string }, signal?: AbortSignal) =>
  http.get<ReportPlacements>(
    '/api/v1/reports/portfolio/placements',
    Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== '')),
    signal,
  );

export type { PortfolioOutcomes } from '../../../../src/reporting/contract.js';
import type { PortfolioOutcomes } from '../../../../src/reporting/contract.js';

/** Right-party contacts, promises, plans, first payments and stages, in the reader's scope and the page's months. */
export const getPortfolioOutcomes = (filters: PortfolioFilters, signal?: AbortSignal) =>
  http.get<PortfolioOutcomes>('/api/v1/reports/portfolio/outcomes', portfolioQuery(filters), signal);
export type { TeamsReport, TeamsReportLine, TeamFigures } from '../../../../src/reporting/teams/contract.js';
import type { TeamsReport } from '../../../../src/reporting/teams/contract.js';

/** The filters of the agents and teams page, as the address holds them (each optional but the granularity). */
export interface TeamsFilters {
  from: string;
  to: string;
  granularity: 'day' | 'week';
  teamId: string;
}

export function teamsQuery(filters: TeamsFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** Per agent and team, per day or week, quality and satisfaction beside the work and the money, in the reader's scope. */
export const getTeamsReport = (filters: TeamsFilters, signal?: AbortSignal) =>
  http.get<TeamsReport>('/api/v1/reports/teams', teamsQuery(filters), signal);
