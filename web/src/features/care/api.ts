import type { z } from 'zod';
import type {
  BreathingSpaceView,
  CareQueue,
  CareQueueItem,
  CareView,
  recordVulnerabilityBody,
  ReviewVulnerabilityBody,
  SignalView,
  VulnerabilityView,
} from '../../../../src/care/contract.js';
import { http } from '../../api/client.js';

/** The care unit: the server's own types (care/contract.ts). */
export type { BreathingSpaceView, CareQueue, CareQueueItem, CareView, SignalView, VulnerabilityView };
export type RecordInput = z.input<typeof recordVulnerabilityBody>;
export type CareQueueKind = CareQueueItem['kind'];

const debtorUrl = (debtorId: string) => `/api/v1/debtors/${encodeURIComponent(debtorId)}`;

/** A team leader or a manager reads the details outside the cases they hold by stating a reason (kept with the read). */
export const getCareView = (debtorId: string, reason: string | null, signal?: AbortSignal) =>
  http.get<CareView>(`${debtorUrl(debtorId)}/vulnerabilities`, reason ? { reason } : undefined, signal);

export const recordVulnerability = (debtorId: string, body: RecordInput) =>
  http.post<VulnerabilityView>(`${debtorUrl(debtorId)}/vulnerabilities`, body);

export const reviewVulnerability = (id: string, body: ReviewVulnerabilityBody) =>
  http.post<VulnerabilityView>(`/api/v1/vulnerabilities/${encodeURIComponent(id)}/reviews`, body);

export const startBreathingSpace = (debtorId: string, body: { caseId?: string; reason: string }) =>
  http.post<BreathingSpaceView>(`${debtorUrl(debtorId)}/breathing-spaces`, body);

export const renewBreathingSpace = (holdId: string, reason: string) =>
  http.post<BreathingSpaceView>(`/api/v1/breathing-spaces/${encodeURIComponent(holdId)}/renewal`, { reason });

export const dismissSignal = (signalId: string, note: string) =>
  http.post<SignalView>(`/api/v1/vulnerability-signals/${encodeURIComponent(signalId)}/dismissal`, { note });

export const getCareQueue = (kind: CareQueueKind | '', offset: number, limit: number, signal?: AbortSignal) =>
  http.get<CareQueue>(
    '/api/v1/care/queue',
    { ...(kind ? { kind } : {}), limit: String(limit), offset: String(offset) },
    signal,
  );
