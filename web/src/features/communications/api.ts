import type {
  Campaign,
  CampaignInput,
  CampaignRunView,
  CaseMessage,
  CaseMessages,
  SmsReply,
  UnmatchedSmsReplies,
  FirstLetterState,
  IssuedFirstLetter,
  IssuedReminderLetter,
  MessageChannel,
  MessageTemplate,
  QueuedMessage,
  ReminderLetterPreview,
} from '../../../../src/communications/contract.js';
import type {
  MarkReturned,
  MarkReturnedReport,
  PrintRunList,
  PrintRunView,
  ReturnCandidates,
  ReturnedMail,
  ReturnedMailResult,
} from '../../../../src/communications/print-run/contract.js';
import type {
  TemplatePreview,
  TemplatePreviewInput,
  TemplateSlotView,
} from '../../../../src/communications/templates/contract.js';
import { http } from '../../api/client.js';

/** A case's first letter (CPCE R124-4): the server's own types (communications/contract.ts). */
export type { FirstLetterState, IssuedFirstLetter };

const firstLetterUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/first-letter`;

/** The PDF of the letter as it would go out today: nothing is recorded. */
export const firstLetterPreviewUrl = (caseId: string) => `${firstLetterUrl(caseId)}/preview`;

export const getFirstLetter = (caseId: string, signal?: AbortSignal) =>
  http.get<FirstLetterState>(firstLetterUrl(caseId), undefined, signal);

export const issueFirstLetter = (caseId: string) => http.post<IssuedFirstLetter>(firstLetterUrl(caseId), {});

/** E-mails and SMS of a case: the server's templates and types. */
export { MESSAGE_TEMPLATES, SENDABLE_TEMPLATES, TEMPLATE_CHANNELS } from '../../../../src/communications/contract.js';
export type { CaseMessage, MessageChannel, MessageTemplate, QueuedMessage, SmsReply, UnmatchedSmsReplies };

export interface MessagePreview {
  channel: MessageChannel;
  template: MessageTemplate;
  language: 'fr' | 'en' | 'it';
  subject: string | null;
  body: string;
  recipient: string | null;
}

const messagesUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/messages`;

export const getCaseMessages = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseMessages>(messagesUrl(caseId), undefined, signal);

/** The SMS replies no case could be matched to (managers). */
export const getUnmatchedSmsReplies = (signal?: AbortSignal) =>
  http.get<UnmatchedSmsReplies>('/api/v1/sms-replies/unmatched', undefined, signal);

export const previewMessage = (caseId: string, request: { channel: MessageChannel; template: MessageTemplate }) =>
  http.post<MessagePreview>(`${messagesUrl(caseId)}/preview`, request);

export const sendMessage = (caseId: string, request: { channel: MessageChannel; template: MessageTemplate }) =>
  http.post<QueuedMessage>(messagesUrl(caseId), request);

/** A reminder letter by post from its case: its text and PDF as it would go out now, then issued. */
export type { IssuedReminderLetter, ReminderLetterPreview };

const reminderLettersUrl = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/reminder-letters`;

export const previewReminderLetter = (caseId: string) =>
  http.get<ReminderLetterPreview>(`${reminderLettersUrl(caseId)}/preview`);

/** The PDF of the reminder letter as it would go out now: nothing is issued (the read is audited). */
export const reminderLetterPdfUrl = (caseId: string) => `${reminderLettersUrl(caseId)}/preview.pdf`;

export const issueReminderLetter = (caseId: string) => http.post<IssuedReminderLetter>(reminderLettersUrl(caseId), {});

/** Campaigns of e-mails and SMS. */
export type { Campaign, CampaignInput, CampaignRunView };

export const getCampaigns = (signal?: AbortSignal) =>
  http.get<{ items: Campaign[] }>('/api/v1/campaigns', undefined, signal);

export const createCampaign = (input: CampaignInput) => http.post<{ id: string }>('/api/v1/campaigns', input);

export const setCampaignStatus = (id: string, status: 'active' | 'paused') =>
  http.post<{ id: string; status: string }>(`/api/v1/campaigns/${encodeURIComponent(id)}/status`, { status });

export const runCampaign = (id: string, preview: boolean) =>
  http.post<CampaignRunView>(`/api/v1/campaigns/${encodeURIComponent(id)}/runs`, { preview });
/** The day's print runs for the mail house and returned letters (communications/print-run/contract.ts). */
export type {
  MarkReturnedReport,
  PrintRunList,
  ReturnCandidate,
  ReturnCandidates,
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

/** A run stuck in preparation (a manager): finished with the letters it issued, or abandoned (they go with the next). */
export const recoverPrintRun = (runId: string, act: 'resume' | 'abandon') =>
  http.post<PrintRunView>(`${runUrl(runId)}/${act}`, {});

/** The letters of the recent runs whose reference or printed name and address contain the query. */
export const searchReturnedLetters = (q: string, signal?: AbortSignal) =>
  http.get<ReturnCandidates>('/api/v1/print-run-letters', { q }, signal);

/** Several letters came back: each recorded on its case as a returned letter. */
export const markLettersReturned = (body: MarkReturned) =>
  http.post<MarkReturnedReport>('/api/v1/print-run-letters/returned', body);

export const recordReturnedMail = (caseId: string, body: ReturnedMail) =>
  http.post<ReturnedMailResult>(`/api/v1/cases/${encodeURIComponent(caseId)}/returned-mail`, body);

/** Message templates as compliance writes them (communications/templates/contract.ts). */
export { TEMPLATE_SLOTS } from '../../../../src/communications/templates/contract.js';
export type {
  FindingView,
  TemplatePreview,
  TemplatePreviewInput,
  TemplateSlotView,
  TemplateVersionView,
} from '../../../../src/communications/templates/contract.js';

/** A template's channel: the messages', and the letter by post (reminders after the first letter). */
export type TemplateChannel = MessageChannel | 'letter';

export interface TemplateSlotKey {
  template: MessageTemplate;
  channel: TemplateChannel;
  language: 'fr' | 'en' | 'it';
}

export interface TemplateSlotSummary extends TemplateSlotKey {
  inForce: { version: number; effectiveFrom: string | null };
  upcoming: { version: number; effectiveFrom: string } | null;
  draft: { status: 'draft' | 'in_review'; updatedAt: string; drafted: string } | null;
}

const slotUrl = ({ template, channel, language }: TemplateSlotKey) =>
  `/api/v1/message-templates/${encodeURIComponent(template)}/${encodeURIComponent(channel)}/${encodeURIComponent(language)}`;

export const templateEditorPath = (slot: TemplateSlotKey) =>
  `/templates/${slot.template}/${slot.channel}/${slot.language}`;

export const getTemplateSlots = (signal?: AbortSignal) =>
  http.get<{ slots: TemplateSlotSummary[] }>('/api/v1/message-templates', undefined, signal);

export const getTemplateSlot = (slot: TemplateSlotKey, signal?: AbortSignal) =>
  http.get<TemplateSlotView>(slotUrl(slot), undefined, signal);

export const saveTemplateDraft = (
  slot: TemplateSlotKey,
  body: { subject: string | null; body: string; expectedUpdatedAt: string | null },
) => http.put<TemplateSlotView>(`${slotUrl(slot)}/draft`, body);

export const discardTemplateDraft = (slot: TemplateSlotKey) => http.delete<void>(`${slotUrl(slot)}/draft`);

export const submitTemplateDraft = (slot: TemplateSlotKey) =>
  http.post<TemplateSlotView>(`${slotUrl(slot)}/draft/submit`, {});

export const returnTemplateDraft = (slot: TemplateSlotKey, comment: string) =>
  http.post<TemplateSlotView>(`${slotUrl(slot)}/draft/return`, { comment });

export const publishTemplateDraft = (slot: TemplateSlotKey, body: { effectiveFrom: string; note: string }) =>
  http.post<TemplateSlotView>(`${slotUrl(slot)}/draft/publish`, body);

export const previewTemplate = (input: TemplatePreviewInput, signal?: AbortSignal) =>
  http.post<TemplatePreview>('/api/v1/message-templates/preview', input, undefined, signal);
