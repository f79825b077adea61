import { z } from 'zod';
import { DESCRIPTION_MAX_LENGTH, DOCUMENT_SOURCES, DOCUMENT_TYPES } from './core/types.js';
import { MEDIA_TYPES } from './core/sniff.js';
import { RETENTION_BASES } from './core/retention.js';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, REASON_ROLES } from '../need-to-know/core/need-to-know.js';

/** The API of documents on a case: upload (the file as the raw body), list, download, erasure. */

export { DOCUMENT_SOURCES, DOCUMENT_TYPES, MEDIA_TYPES, RETENTION_BASES };
/** Roles that open a special-category document outside need-to-know by stating why; the least a reason says. */
export { REASON_ROLES, REASON_MIN_LENGTH, REASON_MAX_LENGTH };
export type { DocumentSource, DocumentType } from './core/types.js';
export type { MediaType } from './core/sniff.js';
export type { RetentionBasis } from './core/retention.js';

/** Content types the upload accepts as a raw body; the type kept is always the one read from the bytes. */
export const UPLOAD_CONTENT_TYPES = [...MEDIA_TYPES, 'application/octet-stream'] as const;

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const documentUploadQuery = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  source: z.enum(DOCUMENT_SOURCES),
  /** The file's name on the uploader's machine: kept as metadata only, never used as a path. */
  fileName: z.string().min(1).max(1000),
  sharedWithCreditor: flag,
  specialCategory: flag,
  description: z.string().trim().max(DESCRIPTION_MAX_LENGTH).optional(),
});

export const documentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  /** Null when the reader may not know it (a special-category document outside need-to-know). */
  type: z.enum(DOCUMENT_TYPES).nullable(),
  source: z.enum(DOCUMENT_SOURCES),
  fileName: z.string().nullable(),
  description: z.string().nullable(),
  mediaType: z.enum(MEDIA_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  sharedWithCreditor: z.boolean(),
  specialCategory: z.boolean(),
  /** A special-category document the reader sees exists but may not open (need-to-know). */
  restricted: z.boolean(),
  uploadedAt: z.string(),
  /** Who uploaded it; null for a creditor user reading an agency's upload. */
  /** Null for the debtor on the portal (and, for a creditor user, for anyone but its own users). */
  uploadedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Where the document came in: through a user of Accord, or from the debtor on the portal. */
  uploadedVia: z.enum(['user', 'portal']),
  retention: z.object({
    monthsAfterClosure: z.number().int(),
    basis: z.enum(RETENTION_BASES),
    /** The last day it is kept; null while the case is open. */
    until: z.string().nullable(),
  }),
});
export const documentListSchema = z.object({ items: z.array(documentSchema), limitBytes: z.number().int() });

export const documentDownloadQuery = z.strictObject({
  /** Why a team leader or manager opens a special-category document of a case they do not hold (kept with the read). */
  reason: z.string().trim().max(REASON_MAX_LENGTH).optional(),
});

export const documentErasureBody = z.strictObject({
  /** Why the document is erased before its retention ends (a request of the person, a file uploaded by mistake). */
  reason: z.string().trim().min(REASON_MIN_LENGTH).max(REASON_MAX_LENGTH),
});
export const documentErasedSchema = z.object({ id: z.string(), erased: z.literal(true) });

export type DocumentUploadQuery = z.infer<typeof documentUploadQuery>;
export type DocumentView = z.infer<typeof documentSchema>;
export type DocumentList = z.infer<typeof documentListSchema>;
export type DocumentErasureBody = z.infer<typeof documentErasureBody>;
