import type { documentsFr, documentsProblemsFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the documents on a case: complete. */
export const documentsEn: Widen<typeof documentsFr> = {
  heading: 'Documents',
  caption: 'Documents of the case',
  none: 'No document on this case.',
  creditorIntro: 'The documents the agency shares with you on this case, and those you uploaded.',
  column: {
    document: 'Document',
    type: 'Type',
    source: 'Source',
    uploaded: 'Uploaded',
    retention: 'Kept',
    size: 'Size',
    actions: 'Actions',
  },
  uploadedBy: '{{date}} by {{name}}',
  uploadedOnPortal: '{{date}} by the debtor, on the portal',
  uploadedAt: '{{date}}',
  download: 'Download {{name}}',
  restricted: 'Protected document (need-to-know)',
  sharedBadge: 'Shared with the creditor',
  specialBadge: 'Special category',
  retentionOpen: '{{period}} after the case closes',
  retentionUntil: 'Until {{date}}',
  months: '{{count}} months',
  years: '{{count}} years',
  bases: {
    limitation: 'Five-year limitation period (French Civil Code, art. 2224)',
    enforcement: 'A judgment can be enforced for ten years (French Code of civil enforcement procedures, art. L111-4)',
    minimisation: 'Data minimisation (GDPR, art. 5)',
  },
  types: {
    proof_of_income: 'Proof of income',
    identity_proof: 'Proof of identity',
    medical_proof: 'Medical certificate',
    death_certificate: 'Death certificate',
    creditor_evidence: 'Creditor’s evidence',
    court_decision: 'Court decision',
    correspondence: 'Correspondence',
    other: 'Other',
  },
  sources: {
    agent: 'Agency',
    debtor: 'Debtor',
    creditor: 'Creditor',
    court: 'Court',
    bailiff: 'Bailiff',
    third_party: 'Third party',
  },
  erase: {
    button: 'Erase',
    buttonLabel: 'Erase {{name}}',
    heading: 'Erase “{{name}}”?',
    intro:
      'The document and its file will be deleted before their retention period ends. The erasure and its reason are recorded in the audit trail; it cannot be undone.',
    confirm: 'Erase the document',
    done: 'Document “{{name}}” erased.',
  },
  readWithReason: {
    button: 'Read with a reason',
    heading: 'Read a protected document',
    intro:
      'This document holds special-category details (health). You may open it by saying why you need it: your read and its reason are recorded.',
    confirm: 'Open the document',
  },
  reasonDialog: {
    reason: 'Reason',
    hint: 'At least {{count}} characters: the reason is kept with the act.',
    cancel: 'Cancel',
  },
  upload: {
    heading: 'Add a document',
    file: 'File',
    fileHint: 'PDF, PNG, JPEG, TIFF or text, {{size}} at most. The type is checked from the content.',
    type: 'Type of document',
    source: 'Source',
    description: 'Description (optional)',
    shared: 'Share with the creditor',
    special: 'Special category (health…): read only by those who need to know, never shared',
    submit: 'Add the document',
    sending: 'Sending…',
    done: 'Document “{{name}}” added.',
    chooseFile: 'Choose a file.',
  },
};

export const documentsProblemsEn: Widen<typeof documentsProblemsFr> = {
  documents: {
    type_not_allowed: 'This file is not of an admitted type (PDF, PNG, JPEG, TIFF or text): scan it or save it as PDF.',
    empty: 'The file is empty: choose the document again.',
    special_category_not_shared:
      'A special-category document (health, for instance) is never shared with the creditor: untick the sharing.',
    creditor_source_only: 'A creditor uploads its own evidence: choose “Creditor” as the source.',
    no_retention_period: 'No retention period is in force for this type of document: an administrator must add one.',
    need_to_know:
      'This document holds special-category details: it opens for the care team, compliance and whoever holds the case.',
    file_missing: 'The file of this document is no longer stored.',
  },
};
