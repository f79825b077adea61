/**
 * Documents on a case: what they are, where they came from, which files are admitted, and who may read them. Pure:
 * no I/O, no clock.
 */

export const DOCUMENT_TYPES = [
  'proof_of_income',
  'identity_proof',
  'medical_proof',
  'death_certificate',
  'creditor_evidence',
  'court_decision',
  'correspondence',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Who the document came from (not who uploaded it, which the document records apart). */
export const DOCUMENT_SOURCES = ['agent', 'debtor', 'creditor', 'court', 'bailiff', 'third_party'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/** Types whose every document reveals health (GDPR art. 9): always special category, whatever the uploader says. */
export const SPECIAL_CATEGORY_TYPES: readonly DocumentType[] = ['medical_proof'];

export const DESCRIPTION_MAX_LENGTH = 500;

export interface UploadRequest {
  type: DocumentType;
  source: DocumentSource;
  sharedWithCreditor: boolean;
  specialCategory: boolean;
}

export type UploadDecision =
  | { ok: true; source: DocumentSource; sharedWithCreditor: boolean; specialCategory: boolean }
  | { ok: false; code: 'documents.special_category_not_shared' | 'documents.creditor_source_only' };

/**
 * What is recorded of an upload. A creditor user uploads its own evidence: the source is the creditor and the document
 * is shared with it. Special-category documents are never shared with a creditor (the processor's minimum).
 */
export function decideUpload(request: UploadRequest, uploader: { creditorUser: boolean }): UploadDecision {
  const specialCategory = request.specialCategory || SPECIAL_CATEGORY_TYPES.includes(request.type);
  if (uploader.creditorUser) {
    if (request.source !== 'creditor') return { ok: false, code: 'documents.creditor_source_only' };
    if (specialCategory) return { ok: false, code: 'documents.special_category_not_shared' };
    return { ok: true, source: 'creditor', sharedWithCreditor: true, specialCategory: false };
  }
  if (specialCategory && request.sharedWithCreditor)
    return { ok: false, code: 'documents.special_category_not_shared' };
  return { ok: true, source: request.source, sharedWithCreditor: request.sharedWithCreditor, specialCategory };
}

/** Whether a creditor user may know a document exists: shared with its creditor, and never special category. */
export function creditorMaySee(document: { sharedWithCreditor: boolean; specialCategory: boolean }): boolean {
  return document.sharedWithCreditor && !document.specialCategory;
}
