import { ApiError, http } from '../../api/client.js';
import type {
  DraftView,
  Holiday,
  PolicyDocument,
  PolicyOverview,
  SimulationResult,
  VersionDetail,
  VersionSummary,
} from '../../../../src/contact-policy/contract.js';

/**
 * Policy administration (docs/contact-policy-api.md, "Policy administration"): the server's own types, imported
 * type-only, so the pages and the routes cannot drift apart.
 */

export type { Holiday, PolicyDocument, PolicyOverview, VersionDetail, VersionSummary, SimulationResult };
export type PolicyDraft = DraftView;
export type SimulationRule = SimulationResult['rules'][number];

/** One issue of a refused document: where (a dotted path into the document) and what is wrong, in English. */
export interface PolicyIssue {
  path: string;
  message: string;
}

const BASE = '/api/v1/contact-policy';

export const getPolicyOverview = (signal?: AbortSignal) => http.get<PolicyOverview>(BASE, undefined, signal);
export const getPolicyVersion = (version: number, signal?: AbortSignal) =>
  http.get<VersionDetail>(`${BASE}/versions/${encodeURIComponent(String(version))}`, undefined, signal);
/** The shared draft, or null when there is none (`404 contact_policy.no_draft`). */
export async function getPolicyDraft(signal?: AbortSignal): Promise<PolicyDraft | null> {
  try {
    return await http.get<PolicyDraft>(`${BASE}/draft`, undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'contact_policy.no_draft') return null;
    throw error;
  }
}
/** `expectedUpdatedAt`: the draft this edit started from (null: there was none), so an edit never overwrites a colleague's. */
export const savePolicyDraft = (draft: {
  document: unknown;
  basedOnVersion: number | null;
  expectedUpdatedAt: string | null;
}) => http.put<PolicyDraft>(`${BASE}/draft`, draft);
export const discardPolicyDraft = () => http.delete<void>(`${BASE}/draft`);
export const publishPolicyDraft = (publication: { effectiveFrom: string; note: string }) =>
  http.post<VersionDetail>(`${BASE}/draft/publish`, publication);
export const simulatePolicy = (simulation: { days: number; policy?: unknown }) =>
  http.post<SimulationResult>(`${BASE}/simulations`, simulation);

/** The answer's list, whichever name the route gives it (`holidays` or `items`). */
export async function listHolidays(
  query: { country: string; region?: string; year: number; draft?: boolean },
  signal?: AbortSignal,
): Promise<Holiday[]> {
  const answer = await http.get<Holiday[] | { holidays?: Holiday[]; items?: Holiday[] }>(
    `${BASE}/holidays`,
    { country: query.country, region: query.region, year: query.year, draft: query.draft ? 'true' : undefined },
    signal,
  );
  return Array.isArray(answer) ? answer : (answer.holidays ?? answer.items ?? []);
}

/** The issues a `contact_policy.invalid` problem carries, by path. */
export function issuesOf(problem: Readonly<Record<string, unknown>>): PolicyIssue[] {
  if (!Array.isArray(problem.issues)) return [];
  return problem.issues.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}
