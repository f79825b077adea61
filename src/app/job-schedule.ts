import type { Config } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { startBoss, type JobDefinition, type Jobs } from '../platform/jobs/boss.js';
import { AUDIT_CHAIN_SEAL, sealAuditChain } from '../audit/seal-chain.js';
import { SENSITIVE_READS_SEAL, sealSensitiveReads } from '../audit/seal-reads.js';
import { INTAKE_IMPORT, runImportJob, type ImportJobData } from '../intake/import-job.js';
import { NIGHTLY_REFRESH, nightlyRefresh } from '../jobs/nightly-refresh.js';
import { cancelPlansOfClosedCases } from '../plans/cancel-on-close.js';
import { CREDITOR_NOTICES, deliverCreditorNotices } from '../remittances/creditor-notices.js';
import { DOCUMENTS_RETENTION, deleteExpiredDocuments } from '../documents/erase-documents.js';
import { sweepOrphanFiles } from '../documents/sweep-orphans.js';
import { WORKSPACE_SWEEP, workspaceSweep } from '../workspace/sweep.js';
import { JUDICIAL_REVIEW_QUEUE, refreshReviewQueue } from '../judicial/review-queue.js';
import { CARE_NIGHTLY, careNightly } from '../care/care-nightly.js';
import { MESSAGES_DISPATCH } from '../communications/queue-message.js';
import { dispatchMessages } from '../communications/dispatch-messages.js';
import { configuredTransports } from '../communications/configured-transports.js';
import { PERFORMANCE_REFRESH, refreshPerformance } from '../reporting/refresh-performance.js';
import { CAMPAIGNS_DAILY, runActiveCampaigns } from '../communications/campaigns/run-campaign.js';
import { inviteForSatisfaction, SATISFACTION_INVITATIONS } from '../satisfaction/invite.js';
import { DEBIT_NOTICES, sendDebitNotices } from '../portal/debit-notices.js';
import { MONTHLY_REPORTS, sendMonthlyReportsOrRetry } from '../reporting/monthly-report-job.js';

export type { Jobs } from '../platform/jobs/boss.js';

/** The agency's background work: which jobs pg-boss runs, and when. */
export function jobSchedule(config: Config): JobDefinition[] {
  return [...frequentJobs(config), ...dailyJobs(config)];
}

/** The import on demand, and what runs every minute or every five. */
function frequentJobs(config: Config): JobDefinition[] {
  return [
    {
      name: NIGHTLY_REFRESH,
      schedule: { cron: config.NIGHTLY_CRON, tz: config.NIGHTLY_TZ },
      pollingIntervalSeconds: { embedded: 10, server: 2 },
      run: (deps) => nightlyRefresh(deps),
    },
    {
      name: INTAKE_IMPORT,
      // An import must run once: no automatic retry of a half-failed file (its transaction rolled back anyway).
      queue: { retryLimit: 0, expireInSeconds: 6 * 3600 },
      pollingIntervalSeconds: { embedded: 1, server: 1 },
      // A case the file closes has its live plan cancelled in the import's transaction.
      run: (deps, data) => runImportJob(deps, data, cancelPlansOfClosedCases),
    } satisfies JobDefinition<ImportJobData>,
    {
      // Payment notices to creditors' webhooks: delivered every minute, retried until answered.
      name: CREDITOR_NOTICES,
      queue: { retryLimit: 0, expireInSeconds: 300 },
      schedule: { cron: '* * * * *' },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => deliverCreditorNotices(deps),
    },
    {
      // Every minute: broken promises, missed callbacks, expired leases, and the queue entries events marked.
      name: WORKSPACE_SWEEP,
      queue: { retryLimit: 0, expireInSeconds: 600 },
      schedule: { cron: '* * * * *' },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => workspaceSweep(deps),
    },
    {
      // Every minute: committed audit entries folded into the hash chain (docs/audit.md, the sealing window).
      name: AUDIT_CHAIN_SEAL,
      queue: { retryLimit: 0, expireInSeconds: 300 },
      schedule: { cron: '* * * * *' },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => sealAuditChain(deps.db),
    },
    {
      // Every five minutes: the portfolio performance facts rewritten, so reports are never older than that.
      name: PERFORMANCE_REFRESH,
      queue: { retryLimit: 0, expireInSeconds: 600 },
      schedule: { cron: '*/5 * * * *' },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => refreshPerformance(deps),
    },
    {
      // Every five minutes: reads of special-category data sealed into the audit chain, one entry per batch.
      name: SENSITIVE_READS_SEAL,
      queue: { retryLimit: 0, expireInSeconds: 600 },
      schedule: { cron: '*/5 * * * *' },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => sealSensitiveReads(deps),
    },
  ];
}

/** What runs once a day (or a month), at the agency's hours. */
function dailyJobs(config: Config): JobDefinition[] {
  return [
    {
      // Nightly, an hour after the refresh: documents past their retention after their case closed, deleted and audited;
      // then the files a crash left without a record, swept and counted.
      name: DOCUMENTS_RETENTION,
      queue: { retryLimit: 0, expireInSeconds: 3600 },
      schedule: { cron: '30 3 * * *', tz: config.NIGHTLY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: async (deps) => ({ ...(await deleteExpiredDocuments(deps)), ...(await sweepOrphanFiles(deps)) }),
    },
    {
      // Nightly: the cases without an amicable solution for their mandate's delay enter the judicial review queue.
      name: JUDICIAL_REVIEW_QUEUE,
      queue: { retryLimit: 0, expireInSeconds: 3600 },
      schedule: { cron: '45 3 * * *', tz: config.NIGHTLY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => refreshReviewQueue(deps),
    },
    {
      // Nightly: vulnerability records past their review date lapse to a review task; signals detected from fresh facts.
      name: CARE_NIGHTLY,
      queue: { retryLimit: 0, expireInSeconds: 3600 },
      schedule: { cron: '15 4 * * *', tz: config.NIGHTLY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => careNightly(deps),
    },
    {
      // Every minute, and at once when a message is queued: e-mails and SMS handed to their transports, retried.
      name: MESSAGES_DISPATCH,
      queue: { retryLimit: 0, expireInSeconds: 600 },
      schedule: { cron: '* * * * *' },
      pollingIntervalSeconds: { embedded: 5, server: 2 },
      run: (deps) => dispatchMessages(deps, configuredTransports(deps)),
    },
    {
      // Once a day, in the agency's working hours: every active campaign run (the policy refuses what is out of hours).
      name: CAMPAIGNS_DAILY,
      queue: { retryLimit: 0, expireInSeconds: 6 * 3600 },
      schedule: { cron: config.CAMPAIGNS_CRON, tz: config.AGENCY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => runActiveCampaigns(deps),
    },
    {
      // Once a day, in the agency's working hours: the debits of portal mandates whose plan changed, told in time.
      name: DEBIT_NOTICES,
      queue: { retryLimit: 0, expireInSeconds: 3600 },
      schedule: { cron: config.CAMPAIGNS_CRON, tz: config.AGENCY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => sendDebitNotices(deps),
    },
    {
      // Once a day, in the agency's working hours: surveys for the last days' completed interactions (docs/listening.md).
      name: SATISFACTION_INVITATIONS,
      queue: { retryLimit: 0, expireInSeconds: 3600 },
      schedule: { cron: config.SATISFACTION_CRON, tz: config.AGENCY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => inviteForSatisfaction(deps),
    },
    {
      // Once a month (the 1st, 06:00 by default): each creditor's contact is sent last month's report, once; a
      // sending the relay refused is tried again half an hour later, then longer each time (six tries in all).
      name: MONTHLY_REPORTS,
      queue: { retryLimit: 6, retryDelay: 1800, retryBackoff: true, expireInSeconds: 3600 },
      schedule: { cron: config.MONTHLY_REPORT_CRON, tz: config.AGENCY_TZ },
      pollingIntervalSeconds: { embedded: 30, server: 5 },
      run: (deps) => sendMonthlyReportsOrRetry(deps),
    },
  ];
}

/** Starts pg-boss with Accord's jobs; `work: false` enqueues only (JOBS=off). */
export function startJobs(deps: Deps, options: { work?: boolean } = {}): Promise<Jobs> {
  return startBoss(deps, jobSchedule(deps.config), options);
}
