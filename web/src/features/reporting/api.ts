import type { NightlyReport } from '../../../../src/jobs/contract.js';
import { http } from '../../api/client.js';

/** The dashboard's figures, and the nightly refresh an administrator may run from it. */

export interface Dashboard {
  openCases: number;
  balanceCents: number;
  creditors: {
    creditorId: string;
    creditorName: string;
    openCases: number;
    balanceCents: number;
    stages: { stage: string; cases: number; balanceCents: number }[];
  }[];
}

/** The server's own type (type-only import: nothing of the server is bundled). */
export type NightlyRefreshReport = NightlyReport;

export const getDashboard = (signal?: AbortSignal) => http.get<Dashboard>('/api/v1/dashboard', undefined, signal);
export const runNightlyRefresh = () => http.post<NightlyRefreshReport>('/api/v1/jobs/nightly-refresh/runs');
