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
