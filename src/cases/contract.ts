import { z } from 'zod';
import { CASE_STAGES, CASE_STATUSES } from './core/lifecycle.js';

/** A case's stage and status as the API gives them, wherever a case appears (the case page, a debtor's card). */

export const stageSchema = z.enum(CASE_STAGES);
export const caseStatusSchema = z.enum(CASE_STATUSES);

export {
  CASE_EVENT_KINDS,
  RECORD_TEXTS,
  RECORD_TEXT_KEYS,
  type CaseEventKind,
  type RecordParamKind,
  type RecordTextKey,
} from './core/record-texts.js';

/**
 * A text of the case file as the API gives it: its key (record-texts.ts) and its parameters (amounts in cents,
 * dates ISO, codes, texts as written, or a text the server composed in the three languages).
 */
export const recordTextSchema = z.object({
  key: z.string(),
  params: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.object({ fr: z.string(), en: z.string(), it: z.string() })]),
  ),
});
export type RecordTextView = z.infer<typeof recordTextSchema>;
