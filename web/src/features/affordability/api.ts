import type { z } from 'zod';
import type {
  assessmentBody,
  assessmentVersionSchema,
  capacityResultSchema,
  ExpenseCategory,
  FigureStatus,
  LivingFloor,
  ReferenceData,
  RsaAmounts,
  ScaleBracket,
  SeizureScale,
  StandardAllowance,
} from '../../../../src/affordability/contract.js';
import { http } from '../../api/client.js';

export { readSource, type SourceNote } from '../../../../src/affordability/contract.js';

/**
 * The dated reference data of affordability (`/api/v1/affordability/reference-data`): the server's own types,
 * imported type-only, so the page and the routes cannot drift apart.
 */
export type {
  ExpenseCategory,
  FigureStatus,
  LivingFloor,
  ReferenceData,
  RsaAmounts,
  ScaleBracket,
  SeizureScale,
  StandardAllowance,
};

export const FIGURE_STATUSES = ['law', 'check', 'placeholder'] as const satisfies readonly FigureStatus[];

const BASE = '/api/v1/affordability/reference-data';

export const getReferenceData = (signal?: AbortSignal) => http.get<ReferenceData>(BASE, undefined, signal);

export const saveSeizureScale = ({ year, ...body }: SeizureScale) =>
  http.put<SeizureScale>(`${BASE}/seizure-scales/${encodeURIComponent(String(year))}`, body);

export const saveRsaAmounts = ({ effectiveFrom, ...body }: RsaAmounts) =>
  http.put<RsaAmounts>(`${BASE}/rsa-amounts/${encodeURIComponent(effectiveFrom)}`, body);

export const saveStandardAllowance = ({ category, effectiveFrom, ...body }: StandardAllowance) =>
  http.put<StandardAllowance>(
    `${BASE}/standard-allowances/${encodeURIComponent(category)}/${encodeURIComponent(effectiveFrom)}`,
    body,
  );

export const saveLivingFloor = ({ effectiveFrom, ...body }: LivingFloor) =>
  http.put<LivingFloor>(`${BASE}/living-floors/${encodeURIComponent(effectiveFrom)}`, body);

/** The problems listed by a refused seizure scale (`affordability.invalid_seizure_scale`), in the server's English. */
export function listedProblems(problem: Readonly<Record<string, unknown>>): string[] {
  return Array.isArray(problem.problems)
    ? problem.problems.filter((item): item is string => typeof item === 'string')
    : [];
}

/** A household budget as the agent enters it, and its computed capacity (types from the route schemas). */
export type BudgetInput = z.input<typeof assessmentBody>;
export type CapacityResult = z.infer<typeof capacityResultSchema>;
export type BudgetVersion = z.infer<typeof assessmentVersionSchema>;

export const computeBudget = (budget: BudgetInput) =>
  http.post<CapacityResult>('/api/v1/affordability/assessments', budget);
export const listBudgets = (debtorId: string, signal?: AbortSignal) =>
  http.get<{ items: BudgetVersion[] }>(
    `/api/v1/debtors/${encodeURIComponent(debtorId)}/assessments`,
    undefined,
    signal,
  );
export const saveBudget = (debtorId: string, budget: BudgetInput) =>
  http.post<BudgetVersion>(`/api/v1/debtors/${encodeURIComponent(debtorId)}/assessments`, budget);
