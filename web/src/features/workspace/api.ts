import type { z } from 'zod';
import { http } from '../../api/client.js';
import type {
  CALL_OUTCOMES as SERVER_CALL_OUTCOMES,
  CALL_RESULTS as SERVER_CALL_RESULTS,
  callBodySchema,
  callResultSchema,
  caseWorkspaceSchema,
  nextCaseSchema,
  promiseSchema,
  queueEntrySchema,
  taskSchema,
  workspaceSummarySchema,
} from '../../../../src/workspace/contract.js';

/**
 * The agent workspace (docs/workspace.md): the server's own schemas, imported type-only, so the web and the routes
 * cannot drift apart. Nothing of zod or of the server reaches the bundle.
 */

export type QueueEntry = z.infer<typeof queueEntrySchema>;
export type NextCase = z.infer<typeof nextCaseSchema>;
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;
export type CaseWorkspace = z.infer<typeof caseWorkspaceSchema>;
export type PromiseToPay = z.infer<typeof promiseSchema>;
export type Task = z.infer<typeof taskSchema>;
export type ScriptStep = CaseWorkspace['script'][number];
/** What the page sends: `checklist` may be left out (the server defaults it). */
export type CallBody = z.input<typeof callBodySchema>;
export type CallResult = z.infer<typeof callResultSchema>;
export type CallOutcome = (typeof SERVER_CALL_OUTCOMES)[number];
export type CallResultKind = (typeof SERVER_CALL_RESULTS)[number];

/** The outcomes and results in the order the form offers them (the server's lists, checked complete below). */
export const CALL_OUTCOMES = [
  'right_party',
  'no_answer',
  'busy',
  'voicemail',
  'wrong_number',
  'third_party',
] as const satisfies readonly CallOutcome[];
export const CALL_RESULTS = [
  'promise',
  'callback',
  'refusal',
  'dispute',
  'hardship',
  'bereavement',
  'already_paid',
  'information',
] as const satisfies readonly CallResultKind[];
// A value the server adds and the form forgets fails the typecheck here.
type Exhaustive<Missing extends never> = Missing;
export type OutcomesCovered = Exhaustive<Exclude<CallOutcome, (typeof CALL_OUTCOMES)[number]>>;
export type ResultsCovered = Exhaustive<Exclude<CallResultKind, (typeof CALL_RESULTS)[number]>>;

const caseWorkspacePath = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const getWorkspace = (signal?: AbortSignal) =>
  http.get<WorkspaceSummary>('/api/v1/workspace', undefined, signal);
export const takeNextCase = () => http.post<NextCase>('/api/v1/workspace/next-case');
export const renewLease = (caseId: string) =>
  http.post<{ until: string }>(`/api/v1/workspace/cases/${encodeURIComponent(caseId)}/lease`);
export const releaseCase = (caseId: string) =>
  http.post<void>(`/api/v1/workspace/cases/${encodeURIComponent(caseId)}/release`);
export const getCaseWorkspace = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseWorkspace>(`${caseWorkspacePath(caseId)}/workspace`, undefined, signal);
export const recordCall = (caseId: string, body: CallBody) =>
  http.post<CallResult>(`${caseWorkspacePath(caseId)}/calls`, body);
/** Cancelling a promise and marking a task done answer with the case's workspace as it is now. */
export const cancelPromise = (promiseId: string, reason: string) =>
  http.post<CaseWorkspace>(`/api/v1/promises/${encodeURIComponent(promiseId)}/cancel`, { reason });
export const completeTask = (taskId: string, note?: string) =>
  http.post<CaseWorkspace>(`/api/v1/tasks/${encodeURIComponent(taskId)}/done`, note ? { note } : {});
