import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { verifyLedger } from '../ledger/verify.js';
import { deliverCreditorNotices, signNotice } from './creditor-notices.js';
import { SECOND_MANAGER } from '../demo/administration.js';
import { localDateOf } from '../platform/calendar/index.js';

const SECRET = 'a-shared-secret-of-the-creditor';

describe.each(ENGINES)('remittances to creditors on %s', (engine) => {
  let t: TestApp;
  let manager: ReturnType<typeof as>;
  let creditorUser: ReturnType<typeof as>;
  let otherCreditor: ReturnType<typeof as>;
  let paymentHeaders: Record<string, string>;
  let creditorId = '';
  let caseId = '';
  let rateBp = 0;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(received.length === 1 ? 503 : 204).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await createTestApp(engine, {
      demo: true,
      config: {
        SEPA_CREDITOR_NAME: 'Accord Recouvrement',
        SEPA_CREDITOR_ID: 'FR72ZZZ123456',
        SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
        SEPA_CREDITOR_BIC: 'AGRIFRPP882',
        // The creditor's server of this test listens on 127.0.0.1: the operator allows private targets here.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        SECRETS_KEY: randomBytes(32).toString('base64'),
      },
    });
    t.clock.now = new Date('2026-11-20T10:00:00Z');
    manager = as(t.app, await signIn(t.app, demoEmail('manager')));
    creditorUser = as(t.app, await signIn(t.app, 'creditor@demo.accord.test'));
    otherCreditor = as(t.app, await signIn(t.app, 'creditor.energie@demo.accord.test'));
    const creditor = await t.deps.db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', 'BHORIZON')
      .executeTakeFirstOrThrow();
    creditorId = creditor.id;
    const mandate = await t.deps.db
      .selectFrom('mandates')
      .select(['id', 'commission_rate_bp'])
      .where('creditor_id', '=', creditorId)
      .executeTakeFirstOrThrow();
    rateBp = mandate.commission_rate_bp;
    const debtor = await t.deps.db
      .insertInto('debtors')
      .values({ kind: 'person', last_name: 'Reversement' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await t.deps.db
      .insertInto('cases')
      .values({
        reference: 'TEST-REM-0001',
        creditor_id: creditorId,
        mandate_id: mandate.id,
        debtor_id: debtor.id,
        stage: 'amicable',
        opened_on: '2026-01-01',
        balance_cents: 200_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseId = created.id;
    await t.deps.db
      .insertInto('claims')
      .values({
        case_id: caseId,
        creditor_id: creditorId,
        reference: 'TEST-REM-0001-A',
        contract_type: 'consumer_credit',
        principal_cents: 200_000,
        default_on: '2026-01-10',
      })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    server.close();
  });

  const pay = async (key: string, amountCents: number) => {
    // A fresh session at the test clock's moment (sessions end 12 hours after their last use).
    const agent = await signIn(t.app, demoEmail('agent'));
    paymentHeaders = { cookie: agent.cookie, 'x-csrf-token': agent.csrf };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments',
      headers: { ...paymentHeaders, 'idempotency-key': key },
      payload: { caseId, amountCents, channel: 'bank_transfer', receivedOn: localDateOf(t.clock.now, 'Europe/Paris') },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('informs the creditor of each payment by a signed webhook, retried until it answers', async () => {
    const settings = await manager('PUT', `/api/v1/creditors/${creditorId}/remittance-settings`, {
      remittanceIban: 'FR76 3000 4000 0312 3456 7890 143',
      remittanceBic: 'BNPAFRPP',
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/accord`,
      webhookSecret: SECRET,
    });
    expect(settings.json()).toEqual({
      remittanceIban: 'FR7630004000031234567890143',
      remittanceBic: 'BNPAFRPP',
      webhookUrl: expect.stringContaining('/accord'),
      webhookSecretSet: true,
      webhookSecretLast4: SECRET.slice(-4),
    });
    expect(
      (
        await manager('PUT', `/api/v1/creditors/${creditorId}/remittance-settings`, {
          remittanceIban: 'FR7630004000031234567890144',
          remittanceBic: null,
          webhookUrl: null,
        })
      ).json().code,
    ).toBe('creditors.invalid_iban');

    const payment = await pay('rem-0001', 60_000);
    expect(await deliverCreditorNotices(t.deps)).toEqual({ delivered: 0, failed: 1 });
    expect(await deliverCreditorNotices(t.deps)).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverCreditorNotices(t.deps)).toEqual({ delivered: 0, failed: 0 });
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toMatchObject({
      event: 'payment.recorded',
      paymentId: payment.id,
      caseReference: 'TEST-REM-0001',
      amountCents: 60_000,
    });
    expect(last.headers['x-accord-signature']).toBe(
      signNotice(SECRET, String(last.headers['x-accord-timestamp']), last.body),
    );

    const report = await creditorUser('GET', '/api/v1/creditor-payments?from=2026-11-01&to=2026-11-30');
    expect(report.json().items.map((item: { id: string }) => item.id)).toContain(payment.id);
    expect(
      (await otherCreditor('GET', '/api/v1/creditor-payments?from=2026-11-01&to=2026-11-30'))
        .json()
        .items.map((item: { id: string }) => item.id),
    ).not.toContain(payment.id);
  });

  it('prepares a statement checked to the cent, with its CSV, PDF and credit transfer; never twice', async () => {
    // 22:30 in Paris on the 20th is inside the period; 00:30 on the 21st, Paris time, is after it.
    t.clock.now = new Date('2026-11-20T21:30:00Z');
    await pay('rem-0002', 33_333);
    t.clock.now = new Date('2026-11-20T23:30:00Z');
    await pay('rem-0003-after-period', 10_000);

    manager = as(t.app, await signIn(t.app, demoEmail('manager')));
    creditorUser = as(t.app, await signIn(t.app, 'creditor@demo.accord.test'));
    otherCreditor = as(t.app, await signIn(t.app, 'creditor.energie@demo.accord.test'));
    const response = await manager('POST', '/api/v1/remittances', { creditorId, periodTo: '2026-11-20' });
    expect(response.statusCode, response.body).toBe(201);
    const remittance = response.json();
    const commission = (cents: number) => Math.floor((cents * rateBp + 5_000) / 10_000);
    expect(remittance).toMatchObject({
      collectedCents: 93_333,
      commissionCents: commission(60_000) + commission(33_333),
      netCents: 93_333 - commission(60_000) - commission(33_333),
    });
    expect(
      remittance.lines.map((line: { caseReference: string; collectedCents: number }) => [
        line.caseReference,
        line.collectedCents,
      ]),
    ).toEqual([
      ['TEST-REM-0001', 60_000],
      ['TEST-REM-0001', 33_333],
    ]);

    const csv = await creditorUser('GET', `/api/v1/remittances/${remittance.id}/statement.csv`);
    expect(csv.body.split('\n').at(-2)).toBe(
      `${remittance.number};TOTAL;;2026-11-20;933.33;${(remittance.commissionCents / 100).toFixed(2)};${(remittance.netCents / 100).toFixed(2)}`,
    );
    const pdf = await creditorUser('GET', `/api/v1/remittances/${remittance.id}/statement.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await otherCreditor('GET', `/api/v1/remittances/${remittance.id}`)).statusCode).toBe(404);

    // Four-eyes on money out: prepared, not paid; the preparer cannot release it; another manager does.
    expect(remittance).toMatchObject({ status: 'prepared', releasedBy: null });
    const early = await manager('GET', `/api/v1/remittances/${remittance.id}/transfer.xml`);
    expect([early.statusCode, early.json().code]).toEqual([409, 'remittances.not_released']);
    const own = await manager('POST', `/api/v1/remittances/${remittance.id}/release`);
    expect([own.statusCode, own.json().code]).toEqual([409, 'remittances.own_preparation']);
    const secondManager = as(t.app, await signIn(t.app, SECOND_MANAGER.email));
    const released = await secondManager('POST', `/api/v1/remittances/${remittance.id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', releasedBy: SECOND_MANAGER.displayName });
    const again = await secondManager('POST', `/api/v1/remittances/${remittance.id}/release`);
    expect(again.json().code).toBe('remittances.not_prepared');
    expect((await creditorUser('POST', `/api/v1/remittances/${remittance.id}/release`)).statusCode).toBe(403);

    const transfer = await manager('GET', `/api/v1/remittances/${remittance.id}/transfer.xml`);
    expect(transfer.statusCode, transfer.body).toBe(200);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', remittance.id)
      .orderBy('seq')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'remittance.prepared',
      'remittance.released',
      'remittance.transfer_produced',
    ]);
    const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(transfer.body);
    const tx = xml.Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf;
    expect(tx.PmtId.EndToEndId).toBe(remittance.number);
    expect(tx.Amt.InstdAmt['#text']).toBe((remittance.netCents / 100).toFixed(2));
    expect(tx.CdtrAcct.Id.IBAN).toBe('FR7630004000031234567890143');

    expect((await manager('POST', '/api/v1/remittances', { creditorId, periodTo: '2026-11-20' })).json().code).toBe(
      'remittances.nothing_to_remit',
    );
    const next = await manager('POST', '/api/v1/remittances', { creditorId, periodTo: '2026-11-21' });
    expect(next.json().collectedCents).toBe(10_000);
    // A cancelled preparation pays nothing and gives its lines back to the next remittance.
    const cancelled = await manager('POST', `/api/v1/remittances/${next.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', lines: [] });
    const redone = await manager('POST', '/api/v1/remittances', { creditorId, periodTo: '2026-11-21' });
    expect(redone.json()).toMatchObject({ status: 'prepared', collectedCents: 10_000 });
    expect((await verifyLedger(t.deps.db)).violation).toBeNull();
  });
});
