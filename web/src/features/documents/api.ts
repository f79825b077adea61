import type { DocumentList, DocumentView } from '../../../../src/documents/contract.js';
import { download, http, upload } from '../../api/client.js';

/** Documents on a case: the server's own types (documents/contract.ts), imported type-only. */
export type { DocumentList, DocumentView };
export type { DocumentSource, DocumentType } from '../../../../src/documents/contract.js';

export const getCaseDocuments = (caseId: string, signal?: AbortSignal) =>
  http.get<DocumentList>(`/api/v1/cases/${encodeURIComponent(caseId)}/documents`, undefined, signal);

export const documentFileUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/file`;

export interface NewDocument {
  file: File;
  type: DocumentView['type'] & string;
  source: DocumentView['source'];
  description: string;
  sharedWithCreditor: boolean;
  specialCategory: boolean;
}

/** Sends the file as the raw body; the server reads its type from the bytes, whatever the browser declares. */
export const uploadDocument = (caseId: string, document: NewDocument) =>
  upload<DocumentView>(`/api/v1/cases/${encodeURIComponent(caseId)}/documents`, {
    body: document.file,
    contentType: 'application/octet-stream',
    query: {
      type: document.type,
      source: document.source,
      fileName: document.file.name,
      description: document.description.trim() === '' ? undefined : document.description.trim(),
      sharedWithCreditor: String(document.sharedWithCreditor),
      specialCategory: String(document.specialCategory),
    },
  });

/** Opens a document with the reason the reader states (a special-category one outside need-to-know). */
export const readDocumentWithReason = (id: string, reason: string) => download(documentFileUrl(id), { reason });

/** Erases a document before its retention ends, with the reason (audited). */
export const eraseDocument = (id: string, reason: string) =>
  http.post<{ id: string; erased: true }>(`/api/v1/documents/${encodeURIComponent(id)}/erasure`, { reason });
