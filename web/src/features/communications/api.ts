import type {
  PrintRunList,
  PrintRunView,
  ReturnedMail,
  ReturnedMailResult,
} from '../../../../src/communications/print-run/contract.js';
import type { FirstLetterState, IssuedFirstLetter } from '../../../../src/communications/contract.js';
import { http } from '../../api/client.js';

/** A case's first letter (CPCE R124-4): the server's own types (communications/contract.ts). */
export type { FirstLetterState, IssuedFirstLetter };

const firstLetterUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/first-letter`;

/** The PDF of the letter as it would go out today: nothing is recorded. */
export const firstLetterPreviewUrl = (caseId: string) => `${firstLetterUrl(caseId)}/preview`;

export const getFirstLetter = (caseId: string, signal?: AbortSignal) =>
  http.get<FirstLetterState>(firstLetterUrl(caseId), undefined, signal);

export const issueFirstLetter = (caseId: string) => http.post<IssuedFirstLetter>(firstLetterUrl(caseId), {});

/** The day's print runs for the mail house and returned letters (communications/print-run/contract.ts). */
export type {
  PrintRunList,
  PrintRunSummary,
  PrintRunView,
  ReturnedMail,
  ReturnedMailResult,
} from '../../../../src/communications/print-run/contract.js';

const runUrl = (runId: string) => `/api/v1/print-runs/${encodeURIComponent(runId)}`;

export const listPrintRuns = (signal?: AbortSignal) => http.get<PrintRunList>('/api/v1/print-runs', undefined, signal);

export const preparePrintRun = () => http.post<PrintRunView>('/api/v1/print-runs', {});

export const confirmPosting = (runId: string, postedOn: string) =>
  http.post<PrintRunView>(`${runUrl(runId)}/posting`, { postedOn });

export const printRunPdfUrl = (runId: string) => `${runUrl(runId)}/letters.pdf`;
export const printRunManifestUrl = (runId: string) => `${runUrl(runId)}/manifest.csv`;

export const recordReturnedMail = (caseId: string, body: ReturnedMail) =>
  http.post<ReturnedMailResult>(`/api/v1/cases/${encodeURIComponent(caseId)}/returned-mail`, body);
