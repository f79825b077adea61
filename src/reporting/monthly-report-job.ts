import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR, appendAudit } from '../audit/append.js';
import { configuredTransports } from '../communications/configured-transports.js';
import type { EmailTransport } from '../communications/transports.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import type { Message } from '../platform/message.js';
import { addMonths, type IsoMonth } from './core/liquidation.js';
import { monthlyReportOf } from './monthly-report.js';
import { monthName, monthlyReportPdf, monthlyReportXlsx, reportFileStem } from './monthly-report-files.js';

/** The job that sends each creditor last month's report, on `MONTHLY_REPORT_CRON` (`src/app/job-schedule.ts`). */
export const MONTHLY_REPORTS = 'monthly-reports';

/** Creditors have no language of their own: the report and its e-mail are in French. */
const LOCALE = 'fr' as const;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BODY: Message = {
  fr: 'Bonjour,\n\nVous trouverez ci-joint le rapport mensuel de votre portefeuille pour {{month}}, en PDF et en XLSX : encaissements, courbes de liquidation, contacts, promesses, plans et pratiques de recouvrement responsable.\n\nLes mêmes fichiers sont disponibles dans Accord, page «\u00a0Rapports mensuels\u00a0».\n\n{{agency}}',
  en: 'Hello,\n\nPlease find attached the monthly report on your portfolio for {{month}}, as PDF and XLSX: money collected, liquidation curves, contacts, promises, plans and responsible-collection figures.\n\nThe same files are in Accord, on the "Monthly reports" page.\n\n{{agency}}',
  it: 'Buongiorno,\n\nin allegato il rapporto mensile del vostro portafoglio per {{month}}, in PDF e XLSX: incassi, curve di liquidazione, contatti, promesse, piani e indicatori di recupero responsabile.\n\nGli stessi file sono in Accord, alla pagina «Rapporti mensili».\n\n{{agency}}',
};
const SUBJECT: Message = {
  fr: 'Rapport mensuel {{month}} · {{creditor}}',
  en: 'Monthly report {{month}} · {{creditor}}',
  it: 'Rapporto mensile {{month}} · {{creditor}}',
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_token, key: string) => values[key] ?? '');
const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** The month before the agency's current one: the month the job reports on. */
export function lastMonth(deps: Pick<Deps, 'now' | 'config'>): IsoMonth {
  return addMonths(agencyToday(deps.now(), deps.config).slice(0, 7), -1);
}

/** The two files of a creditor's report for a month, and their names. */
export async function monthlyReportFiles(deps: Deps, creditor: { id: string; code: string }, month: IsoMonth) {
  const report = await monthlyReportOf(deps, creditor.id, month);
  const stem = reportFileStem(report, creditor.code);
  const [pdf, xlsx] = await Promise.all([
    monthlyReportPdf(report, LOCALE, deps.config.AGENCY_TZ),
    monthlyReportXlsx(report, LOCALE),
  ]);
  return { report, pdf: { name: `${stem}.pdf`, file: pdf }, xlsx: { name: `${stem}.xlsx`, file: xlsx } };
}

export interface MonthlyReportsRun {
  month: IsoMonth;
  sent: number;
  alreadySent: number;
  /** Claimed by another worker (or one that stopped) and not sent yet: the job tries again later. */
  pending: number;
  failed: number;
  /** No SMTP relay configured: nothing is produced or recorded, the next run sends. */
  noTransport: boolean;
}

/**
 * For each active creditor with a contact e-mail, last month's report (PDF and XLSX attached) sent once: the sending
 * is claimed first (`monthly_report_sendings`, one row per creditor and month), then the e-mail goes, then the claim
 * is completed with the relay's Message-ID and audited. A run again, or a second worker, finds the claim and sends
 * nothing; a sending the relay refused gives the claim back, so the next run tries again.
 */
export async function sendMonthlyReports(
  deps: Deps,
  transport: EmailTransport | null = configuredTransports(deps).email,
): Promise<MonthlyReportsRun> {
  const month = lastMonth(deps);
  const run: MonthlyReportsRun = {
    month,
    sent: 0,
    alreadySent: 0,
    pending: 0,
    failed: 0,
    noTransport: transport === null,
  };
  if (!transport) return run;
  const creditors = await deps.db
    .selectFrom('creditors')
    .select(['id', 'code', 'name', 'contact_email'])
    .where('active', '=', true)
    .where('contact_email', 'is not', null)
    .orderBy('name')
    .execute();
  for (const creditor of creditors) {
    // One creditor's failure (its figures, its files) must not keep the others from their report.
    const outcome = await sendOne(
      deps,
      transport,
      { ...creditor, contact_email: creditor.contact_email! },
      month,
    ).catch((error: unknown) => {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'monthly report not sent',
          creditorId: creditor.id,
          month,
          err: String(error),
        }),
      );
      return 'failed' as const;
    });
    run[outcome] += 1;
  }
  return run;
}

/**
 * The scheduled job: the run above, failing when a sending failed or is still claimed by another worker (one that may
 * have stopped), so that the queue tries again later (the same month, as the retries happen long before the next
 * one); the claims keep the reports already sent from going twice.
 */
export async function sendMonthlyReportsOrRetry(deps: Deps): Promise<MonthlyReportsRun> {
  const run = await sendMonthlyReports(deps);
  if (run.failed > 0 || run.pending > 0)
    throw new Error(
      `${run.failed + run.pending} monthly report(s) of ${run.month} not sent yet (${run.sent} sent); tried again later.`,
    );
  return run;
}

/**
 * A claim older than this with no sending recorded was left by a worker that stopped: it is taken again. The job's own
 * expiry (an hour, job-schedule.ts): pg-boss holds a job that old for dead and retries it.
 */
export const ABANDONED_CLAIM_MS = 3600_000;

async function sendOne(
  deps: Deps,
  transport: EmailTransport,
  creditor: { id: string; code: string; name: string; contact_email: string },
  month: IsoMonth,
): Promise<'sent' | 'alreadySent' | 'pending' | 'failed'> {
  const taken = await deps.db
    .selectFrom('monthly_report_sendings')
    .select(['id', 'sent_at', 'claimed_at'])
    .where('creditor_id', '=', creditor.id)
    .where('month', '=', `${month}-01`)
    .executeTakeFirst();
  if (taken?.sent_at) return 'alreadySent';
  if (taken && deps.now().getTime() - taken.claimed_at.getTime() < ABANDONED_CLAIM_MS) return 'pending';
  // Abandoned (the worker stopped between claiming and recording): given back, then claimed again below.
  if (taken)
    await deps.db
      .deleteFrom('monthly_report_sendings')
      .where('id', '=', taken.id)
      .where('sent_at', 'is', null)
      .execute();
  const files = await monthlyReportFiles(deps, creditor, month);
  const claim = await deps.db
    .insertInto('monthly_report_sendings')
    .values({
      creditor_id: creditor.id,
      month: `${month}-01`,
      recipient: creditor.contact_email,
      claimed_at: deps.now(),
      pdf_sha256: sha256(files.pdf.file),
      xlsx_sha256: sha256(files.xlsx.file),
    })
    .onConflict((oc) => oc.columns(['creditor_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // Another worker claimed it a moment ago: it sends it, or the next try does.
  if (!claim) return 'pending';
  const words = { month: monthName(LOCALE, month), creditor: creditor.name, agency: deps.config.AGENCY_NAME };
  let providerId: string;
  try {
    ({ providerId } = await transport.send({
      messageId: claim.id,
      to: creditor.contact_email,
      subject: fill(SUBJECT[LOCALE], words),
      text: fill(BODY[LOCALE], words),
      unsubscribeUrl: null,
      attachments: [
        { filename: files.pdf.name, content: files.pdf.file, contentType: 'application/pdf' },
        { filename: files.xlsx.name, content: files.xlsx.file, contentType: XLSX_TYPE },
      ],
    }));
  } catch {
    // The job's result counts it; the next run sends it.
    await deps.db.deleteFrom('monthly_report_sendings').where('id', '=', claim.id).execute();
    return 'failed';
  }
  await deps.db.transaction().execute(async (trx) => {
    const sentAt = deps.now();
    await trx
      .updateTable('monthly_report_sendings')
      .set({ sent_at: sentAt, message_id: providerId })
      .where('id', '=', claim.id)
      .execute();
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'monthly_report.sent',
      targetType: 'monthly_report_sending',
      targetId: claim.id,
      creditorId: creditor.id,
      after: { reference: month, recipient: creditor.contact_email, messageId: providerId },
      at: sentAt,
    });
  });
  return 'sent';
}
