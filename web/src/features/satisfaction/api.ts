import type {
  SatisfactionComments,
  SatisfactionFigures,
  SatisfactionGroup,
  SatisfactionSettingsBody,
  SatisfactionSettingsView,
  Survey,
  SurveyAnswer,
} from '../../../../src/satisfaction/contract.js';
import { http } from '../../api/client.js';

/** Debtor satisfaction: the server's own types (satisfaction/contract.ts). */
export type {
  SatisfactionComments,
  SatisfactionFigures,
  SatisfactionGroup,
  SatisfactionSettingsBody,
  SatisfactionSettingsView,
  Survey,
  SurveyAnswer,
};

const survey = (token: string) => `/api/v1/satisfaction/survey/${encodeURIComponent(token)}`;

export const getSurvey = (token: string, signal?: AbortSignal) => http.get<Survey>(survey(token), undefined, signal);

export const answerSurvey = (token: string, body: SurveyAnswer) => http.post<{ recorded: true }>(survey(token), body);

export const getSatisfactionFigures = (months: number, signal?: AbortSignal) =>
  http.get<SatisfactionFigures>('/api/v1/satisfaction/figures', { months }, signal);

export const getSatisfactionComments = (signal?: AbortSignal) =>
  http.get<SatisfactionComments>('/api/v1/satisfaction/comments', undefined, signal);

export const getSatisfactionSettings = (signal?: AbortSignal) =>
  http.get<SatisfactionSettingsView>('/api/v1/satisfaction/settings', undefined, signal);

export const changeSatisfactionSettings = (body: SatisfactionSettingsBody) =>
  http.put<SatisfactionSettingsView>('/api/v1/satisfaction/settings', body);
