import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { readSheet, unzip } from '../../test/support/xlsx.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { closeTransports, configuredTransports } from '../communications/configured-transports.js';
import { startDemoMailSink, type DemoMailSink } from '../communications/email/demo-mail-sink.js';
import type { PortfolioReport } from './contract.js';
import type { MonthlyReports } from './monthly/contract.js';
import { addMonths } from './core/liquidation.js';
import { ABANDONED_CLAIM_MS, lastMonth, sendMonthlyReports, sendMonthlyReportsOrRetry } from './monthly-report-job.js';
import { refreshPerformance } from './refresh-performance.js';

/** The digits of an amount as the French PDF writes it, without the euro sign (another byte in the PDF's encoding). */
const frenchDigits = (cents: number) =>
  new Intl.NumberFormat('fr', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(cents / 100)
    .replace(/[\u202f\u00a0]/g, ' ');

describe.each(ENGINES)('the creditors’ monthly report, sent through a real SMTP relay, on %s', (engine) => {
  let t: TestApp;
  let sink: DemoMailSink;
  let dir: string;
  let manager: Session;
  let creditorUser: Session;
  let creditors: { id: string; name: string; code: string; contact_email: string | null }[];
  let month: string;

  const mails = async (): Promise<ParsedMail[]> => {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
    return Promise.all(names.map(async (name) => simpleParser(await readFile(join(dir, name)))));
  };
  const collectedOf = async (creditorId: string) => {
    const query = `creditorId=${creditorId}&from=${addMonths(month, -11)}&to=${month}`;
    const response = await as(t.app, manager)('GET', `/api/v1/reports/portfolio?${query}`);
    const report = response.json() as PortfolioReport;
    const vintages = report.creditors[0]?.vintages ?? [];
    return vintages.reduce((sum, v) => sum + v.collectedCents, 0);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-monthly-report-'));
    sink = await startDemoMailSink({ dir, port: 0 });
    t = await createTestApp(engine, {
      demo: true,
      config: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_FROM: 'Accord <contact@accord.example.fr>',
        PUBLIC_URL: 'https://accord.example.fr',
      },
    });
    manager = await signIn(t.app, demoEmail('manager'));
    creditorUser = await signIn(t.app, 'creditor@demo.accord.test');
    creditors = await t.deps.db
      .selectFrom('creditors')
      .select(['id', 'name', 'code', 'contact_email'])
      .where('active', '=', true)
      .orderBy('name')
      .execute();
    month = lastMonth(t.deps);
    await refreshPerformance(t.deps);
  });
  afterAll(async () => {
    await closeTransports(t.deps.config);
    await t.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the claim back when the relay refuses: nothing recorded, the next run sends', async () => {
    const refusing = {
      send: () => Promise.reject(new Error('relay down')),
      close: () => Promise.resolve(),
    };
    const run = await sendMonthlyReports(t.deps, refusing);
    const withContact = creditors.filter((c) => c.contact_email);
    expect(run).toMatchObject({ month, sent: 0, failed: withContact.length });
    expect(await t.deps.db.selectFrom('monthly_report_sendings').select('id').execute()).toEqual([]);
    expect((await mails()).length).toBe(0);
    // The scheduled job fails then, so that its queue tries again within hours (a relay that answers nothing here).
    const deadRelay = { ...t.deps, config: { ...t.deps.config, SMTP_URL: 'smtp://127.0.0.1:1' } };
    await expect(sendMonthlyReportsOrRetry(deadRelay)).rejects.toThrow(/not sent/);
    await closeTransports(deadRelay.config);
    expect(await t.deps.db.selectFrom('monthly_report_sendings').select('id').execute()).toEqual([]);
    // A worker that stopped between its claim and the e-mail leaves a claim with nothing sent: while it is young it may
    // still send, so the run counts it pending (and the scheduled job fails, to try again); old, it is taken again.
    const abandoned = withContact[0]!;
    const claim = {
      creditor_id: abandoned.id,
      month: `${month}-01`,
      recipient: abandoned.contact_email!,
      pdf_sha256: '0'.repeat(64),
      xlsx_sha256: '0'.repeat(64),
    };
    const young = await t.deps.db
      .insertInto('monthly_report_sendings')
      .values({ ...claim, claimed_at: t.deps.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await sendMonthlyReports(t.deps, refusing)).toMatchObject({ pending: 1, failed: withContact.length - 1 });
    await t.deps.db.deleteFrom('monthly_report_sendings').where('id', '=', young.id).execute();
    await t.deps.db
      .insertInto('monthly_report_sendings')
      .values({ ...claim, claimed_at: new Date(t.deps.now().getTime() - ABANDONED_CLAIM_MS - 60_000) })
      .execute();
  });

  it('sends each creditor with a contact one e-mail, its own figures in a PDF and an XLSX, and nothing twice', async () => {
    const withContact = creditors.filter((c) => c.contact_email);
    expect(withContact.length).toBeGreaterThan(1);
    const run = await sendMonthlyReports(t.deps, configuredTransports(t.deps).email);
    expect(run).toEqual({ month, sent: withContact.length, alreadySent: 0, pending: 0, failed: 0, noTransport: false });

    const received = await mails();
    expect(received).toHaveLength(withContact.length);
    for (const creditor of withContact) {
      const mail = received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === creditor.contact_email)!;
      expect(mail, creditor.name).toBeDefined();
      expect(mail.subject).toContain(creditor.name);
      expect(mail.text).not.toMatch(/\d+,\d{2}/);
      expect(mail.attachments.map((a) => a.contentType).sort()).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      const pdf = pdfText(mail.attachments.find((a) => a.contentType === 'application/pdf')!.content);
      expect(pdf).toContain('Rapport mensuel');
      expect(pdf).toContain(creditor.name);
      expect(pdf).toContain(frenchDigits(await collectedOf(creditor.id)));
      for (const other of creditors.filter((c) => c.id !== creditor.id)) expect(pdf).not.toContain(other.name);

      const xlsx = mail.attachments.find((a) => a.contentType !== 'application/pdf')!.content;
      const workbook = unzip(xlsx).get('xl/workbook.xml')!;
      const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(sheets).toEqual([
        'Synthèse',
        'Millésimes',
        'Résultats du mois',
        'Premier paiement',
        'Contacts et plafonds',
        'Réclamations',
      ]);
      const summary = readSheet(xlsx);
      expect(String(summary[0]![0]!.value)).toContain(creditor.name);
      // The collected amount of the vintages, as a number of euros.
      const collected = summary.find((row) => row[0]?.value === 'Encaissé sur ces millésimes');
      expect(collected?.[1]?.value).toBe((await collectedOf(creditor.id)) / 100);
    }

    const again = await sendMonthlyReports(t.deps, configuredTransports(t.deps).email);
    expect(again).toMatchObject({ sent: 0, alreadySent: withContact.length, failed: 0 });
    expect(await mails()).toHaveLength(withContact.length);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['creditor_id', 'target_id'])
      .where('action', '=', 'monthly_report.sent')
      .execute();
    expect(audit.map((a) => a.creditor_id).sort()).toEqual(withContact.map((c) => c.id).sort());
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('lists what was sent, a creditor user its own only, and gives the same files again, audited', async () => {
    const all = (await as(t.app, manager)('GET', '/api/v1/reports/monthly')).json() as MonthlyReports;
    expect(all.lastMonth).toBe(month);
    expect(all.sendings.map((s) => s.month)).toEqual(all.sendings.map(() => month));
    // Each sending names the relay's Message-ID, as the e-mail received carries it.
    const bare = (id: string | undefined) => (id ?? '').replace(/^<|>$/g, '');
    const messageIds = new Set((await mails()).map((mail) => bare(mail.messageId)));
    for (const sending of all.sendings) expect(messageIds.has(bare(sending.messageId)), sending.messageId).toBe(true);
    const own = await as(t.app, creditorUser)('GET', `/api/v1/reports/monthly?creditorId=${creditors[0]!.id}`);
    expect(own.statusCode, own.body).toBe(200);
    const ownIds = new Set((own.json() as MonthlyReports).sendings.map((s) => s.creditorName));
    expect(ownIds).toEqual(new Set(['Banque Horizon']));

    // A creditor user asking for another creditor's file gets its own.
    const other = creditors.find((c) => c.name !== 'Banque Horizon')!;
    const file = await as(t.app, creditorUser)(
      'GET',
      `/api/v1/reports/monthly/file?creditorId=${other.id}&month=${month}&format=pdf`,
    );
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const text = pdfText(file.rawPayload);
    expect(text).toContain('Banque Horizon');
    expect(text).not.toContain(other.name);

    const xlsx = await as(t.app, manager)(
      'GET',
      `/api/v1/reports/monthly/file?creditorId=${other.id}&month=${month}&format=xlsx`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(String(readSheet(xlsx.rawPayload)[0]![0]!.value)).toContain(other.name);
    const downloads = await t.deps.db
      .selectFrom('audit_log')
      .select('creditor_id')
      .where('action', '=', 'monthly_report.downloaded')
      .execute();
    expect(downloads).toHaveLength(2);
  });

  it('refuses a month to come, a staff request without a creditor, and readers without the permission', async () => {
    const future = await as(t.app, manager)(
      'GET',
      `/api/v1/reports/monthly/file?creditorId=${creditors[0]!.id}&month=${addMonths(month, 2)}&format=pdf`,
    );
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('monthly_report.month_in_future');
    const unnamed = await as(t.app, manager)('GET', `/api/v1/reports/monthly/file?month=${month}&format=pdf`);
    expect(unnamed.json().code).toBe('monthly_report.creditor_required');
    const badMonth = await as(t.app, manager)('GET', `/api/v1/reports/monthly/file?month=2026-13&format=pdf`);
    expect(badMonth.statusCode).toBe(400);
    const leader = await signIn(t.app, demoEmail('team_leader'));
    expect((await as(t.app, leader)('GET', '/api/v1/reports/monthly')).statusCode).toBe(403);
  });
});
