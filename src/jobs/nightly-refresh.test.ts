import { PERFORMANCE_REFRESH } from '../reporting/refresh-performance.js';
import { WORKSPACE_SWEEP } from '../workspace/sweep.js';
import { AUDIT_CHAIN_SEAL } from '../audit/seal-chain.js';
import { SENSITIVE_READS_SEAL } from '../audit/seal-reads.js';
import { DOCUMENTS_RETENTION } from '../documents/erase-documents.js';
import { JUDICIAL_REVIEW_QUEUE } from '../judicial/review-queue.js';
import { CARE_NIGHTLY } from '../care/care-nightly.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { waitUntil } from '../../test/support/wait.js';
import { startJobs, type Jobs } from '../app/job-schedule.js';
import { DEBIT_NOTICES } from '../portal/debit-notices.js';
import { MESSAGES_DISPATCH } from '../communications/queue-message.js';
import { CAMPAIGNS_DAILY } from '../communications/campaigns/run-campaign.js';
import { SATISFACTION_INVITATIONS } from '../satisfaction/invite.js';
import { CREDITOR_NOTICES } from '../remittances/creditor-notices.js';
import { MONTHLY_REPORTS } from '../reporting/monthly-report-job.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { NIGHTLY_REFRESH, nightlyRefresh } from './nightly-refresh.js';

const DAY = 86_400_000;

describe.each(ENGINES)('nightly refresh on %s', (engine) => {
  let t: TestApp;
  let jobs: Jobs;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    jobs = await startJobs(t.deps);
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  it('is scheduled in pg-boss with the configured cron and time zone, beside the creditor notices, the workspace sweep and the audit chain’s seal every minute, the seal of sensitive reads and the portfolio performance every five, the documents’ retention and the judicial review queue each night, the creditors’ monthly reports', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: NIGHTLY_REFRESH,
          cron: t.deps.config.NIGHTLY_CRON,
          timezone: t.deps.config.NIGHTLY_TZ,
        }),
        expect.objectContaining({ name: CREDITOR_NOTICES, cron: '* * * * *' }),
        expect.objectContaining({ name: WORKSPACE_SWEEP, cron: '* * * * *' }),
        expect.objectContaining({ name: AUDIT_CHAIN_SEAL, cron: '* * * * *' }),
        expect.objectContaining({ name: SENSITIVE_READS_SEAL, cron: '*/5 * * * *' }),
        expect.objectContaining({ name: PERFORMANCE_REFRESH, cron: '*/5 * * * *' }),
        expect.objectContaining({ name: DOCUMENTS_RETENTION, timezone: t.deps.config.NIGHTLY_TZ }),
        expect.objectContaining({
          name: JUDICIAL_REVIEW_QUEUE,
          cron: '45 3 * * *',
          timezone: t.deps.config.NIGHTLY_TZ,
        }),
        expect.objectContaining({ name: CARE_NIGHTLY, cron: '15 4 * * *', timezone: t.deps.config.NIGHTLY_TZ }),
        expect.objectContaining({ name: MESSAGES_DISPATCH, cron: '* * * * *' }),
        expect.objectContaining({
          name: CAMPAIGNS_DAILY,
          cron: t.deps.config.CAMPAIGNS_CRON,
          timezone: t.deps.config.AGENCY_TZ,
        }),
        expect.objectContaining({
          name: SATISFACTION_INVITATIONS,
          cron: t.deps.config.SATISFACTION_CRON,
          timezone: t.deps.config.AGENCY_TZ,
        }),
        expect.objectContaining({
          name: DEBIT_NOTICES,
          cron: t.deps.config.CAMPAIGNS_CRON,
          timezone: t.deps.config.AGENCY_TZ,
        }),
        expect.objectContaining({
          name: MONTHLY_REPORTS,
          cron: t.deps.config.MONTHLY_REPORT_CRON,
          timezone: t.deps.config.AGENCY_TZ,
        }),
      ]),
    );
    expect(schedules).toHaveLength(14);
  });

  it('runs through pg-boss: lapses ended holds, writes the day snapshot, audits', async () => {
    const debtor = await t.deps.db.selectFrom('debtors').select('id').executeTakeFirstOrThrow();
    const now = t.clock.now;
    const ended = await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: debtor.id,
        kind: 'debt_advice',
        reason: 'Debt adviser involved',
        starts_at: new Date(now.getTime() - 31 * DAY),
        ends_at: new Date(now.getTime() - DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const running = await t.deps.db
      .insertInto('holds')
      .values({
        debtor_id: debtor.id,
        kind: 'debt_advice',
        reason: 'Debt adviser involved',
        starts_at: now,
        ends_at: new Date(now.getTime() + 30 * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const jobId = await jobs.boss.send(NIGHTLY_REFRESH, {});
    expect(jobId).toBeTruthy();
    const state = await waitUntil(async () => {
      const job = await jobs.boss.getJobById(NIGHTLY_REFRESH, jobId!);
      return (job?.state === 'completed' || job?.state === 'failed') && job.state;
    }, 250);
    expect(state).toBe('completed');

    const holds = await t.deps.db
      .selectFrom('holds')
      .select(['id', 'status'])
      .where('id', 'in', [ended.id, running.id])
      .execute();
    expect(Object.fromEntries(holds.map((h) => [h.id, h.status]))).toEqual({
      [ended.id]: 'lapsed',
      [running.id]: 'active',
    });
    const snapshot = await t.deps.db.selectFrom('portfolio_snapshots').selectAll().execute();
    const openCases = await t.deps.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', 'closed')
      .executeTakeFirstOrThrow();
    expect(snapshot.reduce((sum, row) => sum + row.open_cases, 0)).toBe(Number(openCases.n));
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'hold.lapsed')
      .execute();
    expect(audit.map((a) => a.target_id)).toEqual([ended.id]);
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('is idempotent: a second run the same day changes nothing more', async () => {
    const first = await nightlyRefresh(t.deps);
    const second = await nightlyRefresh(t.deps);
    expect(second.holdsLapsed).toBe(0);
    expect(second.snapshotRows).toBe(first.snapshotRows);
    const rows = await t.deps.db.selectFrom('portfolio_snapshots').select('snapshot_on').distinct().execute();
    expect(rows).toHaveLength(1);
  });
});
