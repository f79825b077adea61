import { z } from 'zod';
import { caseStatusSchema, stageSchema } from '../cases/contract.js';
import { SEARCH_KINDS } from './core/plan.js';

export { SEARCH_KINDS, MIN_SEARCH_LENGTH, type SearchKind } from './core/plan.js';

/** The fields a result can have matched, the kind each belongs to beside it (docs/search.md). */
export const SEARCH_FIELDS = [
  'caseReference',
  'claimReference',
  'creditorReference',
  'name',
  'phone',
  'email',
  'iban',
  'postalCode',
] as const;

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'type what to look for: a reference, a name, a phone number, an e-mail, an IBAN or a postal code')
    .max(100, 'type at most 100 characters')
    .describe('what the user typed; searched as every kind it could be, each as the start of the value'),
  kind: z.enum(SEARCH_KINDS).optional().describe('only this kind (the inbound-call page asks for `phone`)'),
  limit: z.coerce.number().int().min(1).max(50).default(8).describe('the most cases listed per kind'),
});

const highlightSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const searchResultSchema = z.object({
  caseId: z.string(),
  caseReference: z.string(),
  stage: stageSchema,
  status: caseStatusSchema,
  creditorName: z.string(),
  debtorName: z.string(),
  field: z.enum(SEARCH_FIELDS),
  value: z.string().describe('the value that matched, as stored (a phone in E.164)'),
  highlights: z.array(highlightSchema).describe('the ranges of `value` the text typed matched (UTF-16 indices)'),
});

export const searchGroupSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  results: z.array(searchResultSchema),
  hasMore: z.boolean().describe('more cases matched than `limit`: type more to narrow'),
});

export const searchAnswerSchema = z.object({
  groups: z.array(searchGroupSchema).describe('the kinds that found something, in a fixed order'),
});

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchQueryInput = z.input<typeof searchQuery>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type SearchGroup = z.infer<typeof searchGroupSchema>;
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;
export type SearchField = (typeof SEARCH_FIELDS)[number];
