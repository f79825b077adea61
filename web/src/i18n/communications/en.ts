import type { communicationsProblemsFr, firstLetterFr, printRunsFr, returnedMailFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the first letter (CPCE R124-4) on the case page: complete. */
export const firstLetterEn: Widen<typeof firstLetterFr> = {
  heading: 'First letter (R124-4)',
  notSent: 'The first letter has not gone out yet: it comes before any other collection step.',
  preview: 'Preview (PDF, new tab)',
  send: 'Send the first letter',
  done: 'First letter sent, reference {{reference}}.',
  sent: 'Sent on {{date}}, reference {{reference}}.',
  document: 'The letter sent (PDF, new tab)',
  sentOutside: 'No letter is kept on the case: sent outside Accord, or erased since.',
  confirmText:
    'Send the first letter now? It will be recorded as sent today, with its reference, and kept on the case.',
  confirm: 'Yes, send it',
  cancel: 'Cancel',
};

export const communicationsProblemsEn: Widen<typeof communicationsProblemsFr> = {
  communications: {
    first_letter_already_sent:
      'This case’s first letter has already gone out: a new letter is a reminder, citing its reference and date.',
    first_letter_italian:
      'This case is in Italy: the French first letter (R124-4) does not apply, and the Italian first letter follows other rules, not yet available in Accord.',
    no_letter_address: 'The debtor has no address to write to: record or trace one before the first letter.',
    nothing_due: 'Nothing is due on this case: there is no amount to demand.',
    agency_address_missing:
      'The agency’s postal address is not configured (AGENCY_ADDRESS): the first letter must name it. An administrator sets it.',
    nothing_to_print: 'Every open case’s first letter has already gone out: there is nothing to print today.',
    print_run_not_ready: 'This print run has no letters to post (still being prepared, or every case was left out).',
    print_run_posted: 'This print run’s posting is already confirmed: it is confirmed once only.',
    posting_day_invalid: 'The posting day must fall between the run’s day and today.',
    returned_letter_unknown:
      'No letter of a print run bears this reference on this case: name the address it went to instead.',
    returned_address_unknown: 'This address is not one of the debtor’s, or not the one the letter went to.',
    returned_day_invalid: 'A letter comes back after it went out, and today at the latest: check the return date.',
  },
};

export const printRunsEn: Widen<typeof printRunsFr> = {
  title: 'Print runs',
  intro:
    'Each day, the first letters (R124-4) of the open cases that have not had one go to the mail house in one run: one PDF (each letter starts on an odd page, for duplex printing) and a CSV manifest. A case the contact policy or the letter’s rules leave out is listed with the reason. A letter counts as sent on the day the run is prepared.',
  prepare: 'Prepare today’s run',
  preparing: 'Preparing…',
  prepared: 'Run prepared: {{letters}} letter(s), {{pages}} page(s), {{refused}} case(s) left out.',
  refusedHeading: 'Cases left out ({{count}})',
  none: 'No print run yet.',
  caption: 'Print runs, the latest first',
  column: {
    date: 'Day',
    status: 'Status',
    letters: 'Letters',
    pages: 'Pages',
    refused: 'Left out',
    returned: 'Returned (NPAI)',
    preparedBy: 'Prepared by',
    files: 'Files',
    posting: 'Posting',
  },
  status: {
    preparing: 'Being prepared',
    ready: 'Ready',
    posted: 'Posted',
  },
  pagesSheets: '{{pages}} pages, {{sheets}} sheets',
  noFiles: 'No files (no letter)',
  downloadPdf: 'Letters PDF of {{date}}',
  downloadManifest: 'CSV manifest of {{date}}',
  postingDay: 'Posting day of the run of {{date}}',
  confirmPosting: 'Confirm posting',
  posted: 'Posting confirmed.',
  postedOn: 'Posted on {{date}} ({{by}})',
};

export const returnedMailEn: Widen<typeof returnedMailFr> = {
  open: 'Returned mail (NPAI)',
  heading: 'Returned mail (NPAI)',
  intro:
    'The letter came back marked “not known at this address”: the address will be marked wrong and an address trace opened.',
  reference: 'Letter reference',
  returnedOn: 'Day it came back',
  reason: 'Reason written on the envelope',
  submit: 'Record the return',
  cancel: 'Cancel',
  marked: 'Address marked wrong; an address trace is to do.',
  alreadyMarked: 'This address was already marked wrong: nothing changed.',
};
