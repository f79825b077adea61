import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { closeTransports } from '../src/communications/configured-transports.js';
import { demoPortalAccess } from '../src/demo/portal.js';
import { lastMailedCode } from '../test/support/portal.js';
import { startCardStandIn, type CardStandIn } from '../src/portal/card/card-stand-in.js';
import { expectNoAxeViolations, fetchedFileHead, newPhoneContext, screenshot, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const PUBLIC_URL = 'https://accord.example.fr';
let mailDir = '';
let sink: DemoMailSink | undefined;
let stripe: CardStandIn | undefined;
// Started before the server, which sends its codes to the sink and its card payments to the stand-in of Stripe.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-portal-pay-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
  stripe = await startCardStandIn();
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL,
    SEPA_CREDITOR_NAME: 'Accord Recouvrement',
    SEPA_CREDITOR_IBAN: 'FR7630006000011234567890189',
    ...stripe!.config,
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await stripe?.close();
  await rm(mailDir, { recursive: true, force: true });
});

describe('paying on the debtor portal, on a phone', () => {
  it('a debtor pays part of a file by card on the provider’s page, sees it confirmed and downloads its receipt; axe on every page', async () => {
    const { deps, url: base } = fixture.server;
    // An open file with something left, reached by e-mail.
    const owed = await sql<{ case_id: string }>`
      select c.id as case_id from cases c where c.status = 'open' and c.balance_cents >= 5000`.execute(deps.db);
    const open = new Set(owed.rows.map((row) => row.case_id));
    const access = (await demoPortalAccess(deps, 40)).find((a) => a.channel === 'email' && open.has(a.caseId));
    expect(access).toBeDefined();
    const caseId = access!.caseId;

    const context = await newPhoneContext(fixture.browser);
    try {
      const page = await context.newPage();
      // The agency's public address leads to this server, as its DNS does in production.
      await page.route(`${PUBLIC_URL}/**`, (route) =>
        route.fulfill({ status: 302, headers: { location: route.request().url().replace(PUBLIC_URL, base) } }),
      );
      await page.goto(`${base}/portal`);
      await waitForPage(page);
      await page.getByLabel('Code d’accès').fill(access!.accessCode);
      await page.getByLabel('Date de naissance').fill(access!.birthDate);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /^Par e-mail à / }).check();
      await page.getByRole('button', { name: 'Recevoir le code' }).click();
      await page.getByLabel('Code reçu (6 chiffres)').waitFor();
      await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();

      await page.locator(`a[href="/portal/cases/${caseId}"]`).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await waitForPage(page);
      // The transfer's details: the agency's account and the file's RF reference.
      expect(await page.getByTestId('portal-transfer').textContent()).toMatch(/FR76 3000 6000.*RF\d{2} ACC\d/);
      await expectNoAxeViolations(page, '/portal/cases/:id with the ways to pay (phone)');

      await page.getByRole('link', { name: 'Payer', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Payer' }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/cases/:id/pay (phone)');
      await page.getByRole('radio', { name: 'Un autre montant' }).check();
      await page.getByLabel('Montant en euros').fill('12,50');
      await expectNoAxeViolations(page, '/portal/cases/:id/pay, an amount (phone)');
      await screenshot(page, 'portal-pay-phone');
      const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noSideScroll).toBe(true);
      await page.getByRole('button', { name: 'Payer par carte' }).click();

      // The provider's page (the stand-in's), then back to the portal: pending until the provider's notice.
      await page.getByRole('heading', { name: 'Paiement par carte' }).waitFor();
      const sessionId = [...stripe!.sessions.keys()].at(-1)!;
      expect(stripe!.sessions.get(sessionId)!.fields['line_items[0][price_data][unit_amount]']).toBe('1250');
      await page.getByRole('button', { name: 'Payer', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Votre paiement par carte' }).waitFor();
      await page.getByText('Paiement de 12,50 € en cours de confirmation.').waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal/cases/:id/pay/:id pending (phone)');

      const notice = stripe!.notice('checkout.session.completed', sessionId);
      const post = () =>
        fetch(`${base}/api/portal/v1/card-notices`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': notice.signature },
          body: notice.payload,
        });
      const first = await post();
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ received: true, outcome: 'recorded' });
      expect(await (await post()).json()).toEqual({ received: true, outcome: 'already_recorded' });
      const forged = await fetch(`${base}/api/portal/v1/card-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': notice.signature },
        body: notice.payload.replace('1250', '125000'),
      });
      expect(forged.status).toBe(400);

      await page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
      await page.getByText('Paiement de 12,50 € reçu. Merci.').waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/pay/:id paid (phone)');
      const receiptLink = page.getByRole('link', { name: /^Reçu n° .+ \(PDF\)$/ });
      const href = await receiptLink.getAttribute('href');
      const pdf = await fetchedFileHead(page, href);
      expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

      // The file lists the payment, with its receipt.
      await page.getByRole('link', { name: '← Retour au dossier' }).click();
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await page.locator(`a[href="${href}"]`).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id with the card payment (phone)');

      const payments = await deps.db
        .selectFrom('payments')
        .select(['amount_cents', 'channel', 'source'])
        .where('case_id', '=', caseId)
        .where('source', '=', 'portal')
        .execute();
      expect(payments).toEqual([{ amount_cents: 1250, channel: 'card', source: 'portal' }]);

      // As `npm run demo` runs it: the test page itself sends the provider's notice, and the person comes back to a
      // payment already received.
      stripe!.notifyTo(`${base}/api/portal/v1/card-notices`);
      await page.getByRole('link', { name: 'Payer', exact: true }).click();
      await page.getByRole('radio', { name: 'Un autre montant' }).check();
      await page.getByLabel('Montant en euros').fill('7');
      await page.getByRole('button', { name: 'Payer par carte' }).click();
      await page.getByRole('heading', { name: 'Paiement par carte' }).waitFor();
      await page.getByText('Page de démonstration d’Accord').waitFor();
      await expectNoAxeViolations(page, 'the demo card page (phone)');
      await page.getByRole('button', { name: 'Payer', exact: true }).click();
      await page.getByText('Paiement de 7,00 € reçu. Merci.').waitFor();
      const both = await deps.db
        .selectFrom('payments')
        .select('amount_cents')
        .where('case_id', '=', caseId)
        .where('source', '=', 'portal')
        .orderBy('amount_cents')
        .execute();
      expect(both.map((row) => Number(row.amount_cents))).toEqual([700, 1250]);
    } finally {
      await context.close();
    }
  });
});
