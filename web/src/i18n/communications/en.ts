import type {
  campaignsFr,
  communicationsProblemsFr,
  firstLetterFr,
  messagesFr,
  printRunsFr,
  returnedMailFr,
} from './fr.js';

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
    first_letter_incomplete:
      'This case’s Italian first letter cannot go out as it would be written: a mandatory mention is missing (for example the time to answer a complaint, or the Italian mediator, to be set in the reference data) or a name in it imitates a judicial act.',
    no_letter_address: 'The debtor has no address to write to: record or trace one before the first letter.',
    nothing_due: 'Nothing is due on this case: there is no amount to demand.',
    agency_address_missing:
      'The agency’s postal address is not configured (AGENCY_ADDRESS): the first letter must name it. An administrator sets it.',
    nothing_to_print: 'Every open case’s first letter has already gone out: there is nothing to print today.',
    print_run_not_ready: 'This print run has no letters to post (still being prepared, or every case was left out).',
    print_run_posted: 'This print run’s posting is already confirmed: it is confirmed once only.',
    print_run_closed:
      'This print run was finished or abandoned meanwhile: its letters go with it or with the next one.',
    print_run_not_stuck:
      'Only a print run left in preparation with no sign of life for 15 minutes is resumed or abandoned: this one is still running, or already finished.',
    print_run_not_resumable:
      'This print run dates from before Accord kept its letters as composed: it cannot be drawn again. Abandon it; its letters stay on their cases.',
    posting_day_invalid: 'The posting day must fall between the run’s day and today.',
    returned_letter_unknown:
      'No letter of a print run bears this reference on this case: name the address it went to instead.',
    returned_address_unknown: 'This address is not one of the debtor’s, or not the one the letter went to.',
    returned_day_invalid: 'A letter comes back after it went out, and today at the latest: check the return date.',
    template_channel: 'This template is not sent on this channel: choose another template.',
    first_letter_missing:
      'The first letter of this case has not gone out: nothing may precede it. Send the first letter first.',
    no_recipient:
      'The debtor has no address or mobile number that may receive this message (none, or each is wrong, bounced, opted out or refused).',
    message_discloses:
      'This message would show a third party what it is about (an amount, the creditor, a debt): it is not sent.',
    subject_discloses_debt:
      'This e-mail’s subject would show the debt (an amount, a word that says it, or the creditor) on a lock screen: it names the agency’s reference only.',
  },
  campaigns: {
    paused: 'This campaign is paused: activate it before running it, or preview it.',
    owner_inactive:
      'The person this campaign runs on the authority of is no longer an active manager or compliance officer: someone who is must activate it again.',
  },
  inbound_mail: {
    unauthorized: 'The mail relay must present the INBOUND_MAIL_TOKEN token (Authorization: Bearer).',
    not_a_message:
      'This is not an e-mail: the relay hands on the raw message (RFC 5322) as received, as message/rfc822.',
    not_sent_yet:
      'This report is about an e-mail not yet recorded as sent: the relay will hand it on again in a few minutes.',
  },
};

/** English texts of a case's e-mails and SMS (the case page). */
export const messagesEn: Widen<typeof messagesFr> = {
  heading: 'E-mails, SMS and reminder letters',
  none: 'No e-mail or SMS sent by Accord on this case.',
  lettersOnTimeline: 'Reminder letters by post are on the case’s history, and go out with the next print run.',
  formLabel: 'Send an e-mail, an SMS or a reminder letter by post',
  channel: 'Channel',
  template: 'Template',
  preview: 'Preview',
  previewHeading: 'The message as it would go out now',
  recipient: 'To: {{recipient}}',
  noRecipient: 'No usable address or mobile number: this message cannot go out.',
  subject: 'Subject:',
  send: 'Send ({{channel}})',
  queued: '{{channel}} allowed by the contact policy: it goes out in a moment.',
  caption: 'The case’s e-mails and SMS, newest first',
  when: 'Decided on',
  recipientColumn: 'Recipient',
  status: 'Status',
  text: 'Text sent',
  showText: 'Show the text',
  refused: 'The contact policy refuses this send now: nothing was sent or recorded.',
  letter: {
    previewHeading: 'The reminder letter as it would go out now',
    references:
      'Reference {{reference}}, dated {{sentOn}}; it recalls the first letter {{firstLetter}} of {{firstLetterSentOn}}.',
    address: 'Address in the envelope’s window:',
    amount: 'Amount recalled: {{amount}}',
    pdf: 'See the letter as it will be printed (PDF, new tab)',
    printRun: 'It goes out with the next print run; the contact policy decides when you send it.',
    send: 'Send the reminder letter',
    issued: 'Reminder letter {{reference}} allowed by the contact policy: it goes out with the next print run.',
  },
  replies: {
    caption: 'The debtor’s SMS replies (a task is opened for each)',
    receivedAt: 'Received',
    from: 'From',
    body: 'Message',
    unmatchedHeading: 'SMS replies with no case',
    unmatchedIntro:
      'Replies (other than STOP) from a number that is no debtor’s verified phone an SMS was sent to: find the debtor and note it on their case.',
    unmatchedNone: 'No reply without a case.',
  },
};

/** English texts of the campaigns of e-mails and SMS. */
export const campaignsEn: Widen<typeof campaignsFr> = {
  title: 'E-mail and SMS campaigns',
  intro:
    'A campaign sends a template on a channel every day to the strategy’s cases whose treatment plans that channel. The contact policy decides for each case, as for a message sent by hand. A campaign starts paused: preview it, then activate it.',
  none: 'No campaign yet.',
  newHeading: 'New campaign',
  name: 'Name',
  nameRequired: 'Give the campaign a name.',
  intervalDays: 'Interval (days)',
  intervalHint: 'A case this campaign reached is not reached by it again before this delay.',
  dailyLimit: 'At most messages a day',
  segmentsHint:
    'Cases taken: those of the segments whose treatment plans this channel, first letter sent, in the queue’s order of priority.',
  create: 'Create the campaign (paused)',
  created: 'Campaign “{{name}}” created, paused.',
  summary:
    '{{channel}}, template “{{template}}”, at most {{limit}} messages a day, a case at most every {{interval}} days.',
  status: { active: 'Active', paused: 'Paused' },
  owner: 'It runs every day on the authority of {{name}}.',
  preview: 'Preview',
  previewed: 'Preview done: nothing was recorded or sent.',
  activate: 'Activate',
  activated: 'Campaign activated: it will run every day on your authority.',
  pause: 'Pause',
  pausedDone: 'Campaign paused.',
  runNow: 'Run now',
  ran: 'Campaign run: the allowed messages are going out.',
  noRuns: 'No run or preview yet.',
  runsCaption: 'Runs and previews of “{{name}}”, newest first',
  kindPreview: 'Preview',
  kindRun: 'Run',
  column: {
    when: 'On',
    kind: 'Kind',
    selected: 'Cases',
    queued: 'Allowed',
    refused: 'Refused',
    failed: 'Failed',
    reasons: 'Refusals by rule',
  },
  reasonCount: '{{reason}}: {{n}}',
  reasons: {
    care: 'a care adaptation',
    window: 'outside the debtor’s hours',
    cap: 'contact cap reached',
    opt_out: 'opted out of the channel',
    unreachable: 'no usable contact point',
    hold: 'a hold in force',
    first_letter: 'first letter',
    pause_after_conversation: 'pause after a conversation',
    preference: 'the debtor’s wishes',
    case: 'case closed',
    estate: 'estate',
    callback: 'agreed callback',
    communications: 'no usable recipient',
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
    abandoned: 'Abandoned',
  },
  pagesSheets: '{{pages}} pages, {{sheets}} sheets',
  noFiles: 'No files (no letter)',
  downloadPdf: 'Letters PDF of {{date}}',
  downloadManifest: 'CSV manifest of {{date}}',
  postingDay: 'Posting day of the run of {{date}}',
  confirmPosting: 'Confirm posting',
  posted: 'Posting confirmed.',
  postedOn: 'Posted on {{date}} ({{by}})',
  stuck: 'Left in preparation since {{since}}: the processing stopped.',
  preparingSince: 'Being prepared (taken as stopped from {{at}})',
  resume: 'Finish with its letters',
  abandon: 'Abandon (its letters go with the next run)',
  resumed: 'Run finished: its files are ready.',
  abandonedDone: 'Run abandoned: its letters go with the next run.',
  abandonedOn: 'Abandoned on {{date}} ({{by}})',
  abandonedByJob: 'the nightly job',
  returns: {
    heading: 'Returned mail (NPAI)',
    intro:
      'The mail house sends back a pile of envelopes: find each letter of the runs of the last {{days}} days by its reference, or by part of the printed name or address (street, postal code, city), tick those that came back and mark them at once. Each address is marked wrong and a contact trace opened on the case; marking again changes nothing.',
    search: 'Reference, name, street, postal code or city',
    find: 'Search',
    caption: 'Letters found',
    none: 'No letter of the recent runs matches.',
    truncated: 'More letters match: narrow the search.',
    pick: 'Returned: {{reference}}',
    column: {
      pick: 'Returned',
      letter: 'Letter',
      case: 'Case',
      address: 'Printed name and address',
      run: 'Run',
      returned: 'Already returned',
    },
    returnedOn: 'Day it came back',
    reason: 'What the envelope says (optional)',
    mark: 'Mark returned ({{count}})',
    marked: '{{marked}} letter(s) marked returned; {{already}} already marked; {{other}} not recorded.',
    outcome: {
      marked: 'marked',
      already_marked: 'already marked',
      unknown_letter: 'unknown letter',
      refused: 'refused',
    },
  },
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
