import type { monthlyReportFr } from './fr.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const monthlyReportEn: Widen<typeof monthlyReportFr> = {
  title: 'Monthly reports',
  intro:
    'Each creditor’s monthly report: money collected, liquidation curves, contacts, promises, plans and responsible-collection figures. It goes on the 1st of each month to the creditor’s contact address, as PDF and XLSX; you can download it here for any month that has begun, with today’s figures.',
  downloadHeading: 'Download a report',
  creditor: 'Creditor',
  chooseCreditor: 'Choose a creditor',
  month: 'Month',
  monthHint: 'Month as YYYY-MM; by default the last complete month ({{month}}).',
  pdf: 'Download the PDF',
  xlsx: 'Download the XLSX',
  chooseCreditorFirst: 'Choose a creditor first to download its report.',
  preparing: 'Preparing the file…',
  figuresNow:
    'The file is made with the figures as they stand now: a report already sent may have changed since (payments received after it went).',
  historyHeading: 'Reports sent',
  nextSending: 'The next sending, on the 1st of the month, will report on {{month}}.',
  none: 'No report sent yet.',
  column: {
    month: 'Month',
    creditor: 'Creditor',
    recipient: 'Sent to',
    sentAt: 'Sent at',
    messageId: 'Message-ID',
  },
};
