import { z } from 'zod';
import { AGENCY_CLOSE_REASONS, NEXT_ACTIONS } from '../cases/core/lifecycle.js';

export { AGENCY_CLOSE_REASONS, NEXT_ACTIONS };

/** A person's closure and reopening of a case: the API's shapes. */

const note = z.string().trim().min(1).max(2000);

export const closureBody = z.strictObject({ reason: z.enum(AGENCY_CLOSE_REASONS), note });
export const reopeningBody = z.strictObject({ note });
export const caseLifecycleSchema = z.object({
  caseId: z.string(),
  stage: z.string(),
  status: z.string(),
  closeReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  next: z.object({ action: z.string(), dueOn: z.string() }),
});

export type ClosureBody = z.infer<typeof closureBody>;
export type ReopeningBody = z.infer<typeof reopeningBody>;
export type CaseLifecycleView = z.infer<typeof caseLifecycleSchema>;
