import type {
  AnswersBody,
  AttemptView,
  Block,
  CertificationView,
  ModuleDetail,
  ModuleSummary,
  QueuePath,
  Run,
  TeamTraining,
  TrainingOverview,
} from '../../../../src/training/contract.js';
import { http } from '../../api/client.js';

/** Training ("la Ruche"): the server's own types (training/contract.ts). */
export type {
  AttemptView,
  Block,
  CertificationView,
  ModuleDetail,
  ModuleSummary,
  QueuePath,
  Run,
  TeamTraining,
  TrainingOverview,
};

export const getTraining = (signal?: AbortSignal) => http.get<TrainingOverview>('/api/v1/training', undefined, signal);

export const getModule = (moduleId: string, signal?: AbortSignal) =>
  http.get<ModuleDetail>(`/api/v1/training/modules/${encodeURIComponent(moduleId)}`, undefined, signal);

export const startAttempt = (moduleId: string) =>
  http.post<AttemptView>(`/api/v1/training/modules/${encodeURIComponent(moduleId)}/attempts`);

export const getAttempt = (attemptId: string, signal?: AbortSignal) =>
  http.get<AttemptView>(`/api/v1/training/attempts/${encodeURIComponent(attemptId)}`, undefined, signal);

export const submitAnswers = (attemptId: string, body: AnswersBody) =>
  http.post<AttemptView>(`/api/v1/training/attempts/${encodeURIComponent(attemptId)}/answers`, body);

export const getTeamTraining = (signal?: AbortSignal) =>
  http.get<TeamTraining>('/api/v1/training/team', undefined, signal);
