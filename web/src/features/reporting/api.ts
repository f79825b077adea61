import type { NightlyReport } from '../../../../src/jobs/contract.js';
import type { Dashboard } from '../../../../src/reporting/contract.js';
import { http } from '../../api/client.js';

/** The dashboard's figures, and the nightly refresh an administrator may run from it. */

export type { Dashboard };

/** The server's own type (type-only import: nothing of the server is bundled). */
export type NightlyRefreshReport = NightlyReport;

export const getDashboard = (signal?: AbortSignal) => http.get<Dashboard>('/api/v1/dashboard', undefined, signal);
export const runNightlyRefresh = () => http.post<NightlyRefreshReport>('/api/v1/jobs/nightly-refresh/runs');
