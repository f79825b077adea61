import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { closeTransports } from '../src/communications/configured-transports.js';
import { demoPortalAccess, type DemoPortalAccess } from '../src/demo/portal.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { lastMailedCode } from '../test/support/portal.js';
import {
  expectNoAxeViolations,
  newContext,
  newPhoneContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

let mailDir = '';
let sink: DemoMailSink | undefined;
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-passkey-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({ SMTP_URL: `smtp://127.0.0.1:${sink!.port}`, MAIL_FROM: 'Accord <contact@accord.example.fr>' }),
});
/**
 * Passkeys belong to the site the browser is on: this server under the name `localhost` (a secure context over
 * http; an IP address such as 127.0.0.1 is no valid RP id, browsers refuse it).
 */
const site = () => fixture.server.url.replace('//127.0.0.1:', '//localhost:');
beforeAll(() => {
  Object.assign(fixture.server.deps.config, { PUBLIC_URL: site() });
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

/** A platform authenticator in Chromium (DevTools' virtual one): resident keys, the person verified. */
async function withVirtualAuthenticator(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return page;
}

async function passkeyVisit(context: BrowserContext, access: DemoPortalAccess, label: string) {
  const base = site();
  const owner = await fixture.server.deps.db
    .selectFrom('cases')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .select('debtors.first_name')
    .where('cases.id', '=', access.caseId)
    .executeTakeFirstOrThrow();
  const hello = `Bonjour ${owner.first_name}`;
  const page = await withVirtualAuthenticator(context);
  await page.goto(`${base}/portal`);
  await waitForPage(page);
  await page.getByRole('button', { name: 'Se connecter avec une clé d’accès' }).waitFor();
  await expectNoAxeViolations(page, `/portal sign-in with the passkey button (${label})`);
  await screenshot(page, `portal-passkey-sign-in-${label}`);

  // The full sign-in first: the code, the birth date, the one-time code.
  await page.getByLabel('Code d’accès').fill(access.accessCode);
  await page.getByLabel('Date de naissance').fill(access.birthDate);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('radio', { name: /^Par e-mail à / }).check();
  await page.getByRole('button', { name: 'Recevoir le code' }).click();
  await page.getByLabel('Code reçu (6 chiffres)').waitFor();
  await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('heading', { level: 1, name: hello }).waitFor();

  // The offer, in plain words; a passkey made on this device with a name.
  await page.getByRole('heading', { name: 'Revenir plus simplement la prochaine fois' }).waitFor();
  await waitForPage(page);
  await expectNoAxeViolations(page, `/portal home with the passkey offer (${label})`);
  await screenshot(page, `portal-passkey-offer-${label}`);
  await page.getByLabel('Nom de cet appareil (facultatif)').fill('Mon appareil');
  await page.getByRole('button', { name: 'Créer une clé d’accès sur cet appareil' }).click();
  await expect.poll(() => page.getByText('C’est fait : la prochaine fois').count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Revenir plus simplement' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Mes clés d’accès' }).click();
  await page.getByRole('heading', { level: 2, name: 'Mon appareil' }).waitFor();
  await waitForPage(page);
  await expectNoAxeViolations(page, `/portal/passkeys (${label})`);
  await screenshot(page, `portal-passkeys-${label}`);

  // Signed out, back in with the passkey alone; the cases are there.
  await page.getByRole('link', { name: '← Vos dossiers' }).click();
  await page.getByRole('heading', { level: 1, name: hello }).waitFor();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Se connecter avec une clé d’accès' }).click();
  await page.getByRole('heading', { level: 1, name: hello }).waitFor();
  await waitForPage(page);
  expect(await page.getByRole('heading', { name: 'Revenir plus simplement' }).count()).toBe(0);
  await expectNoAxeViolations(page, `/portal home after a passkey sign-in (${label})`);
  await screenshot(page, `portal-passkey-home-${label}`);
  await page.locator(`a[href="/portal/cases/${access.caseId}"]`).click();
  await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
  const audit = await fixture.server.deps.db
    .selectFrom('audit_log')
    .select('after')
    .where('action', '=', 'portal.signed_in')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  expect(audit.after).toMatchObject({ method: 'passkey' });
  return page;
}

/** A team leader revokes the person's passkeys from the case page; the passkey then opens nothing. */
async function teamLeaderRevokes(debtorPage: Page, access: DemoPortalAccess) {
  const base = fixture.server.url;
  const staff = await newContext(fixture.browser);
  try {
    const page = await staff.newPage();
    const leader = DEMO_USERS.find((user) => user.role === 'team_leader')!;
    await signInWithKeyboard(page, base, leader.email, DEMO_PASSWORD);
    await page.goto(`${base}/cases/${access.caseId}`);
    await waitForPage(page);
    const section = page.getByRole('region', { name: 'Clés d’accès à l’espace débiteur' });
    await section.getByText(/^La personne a 1 clé d’accès à son espace en ligne\. Dernière utilisation le /).waitFor();
    await expectNoAxeViolations(page, '/cases/:id with the debtor’s passkeys');
    await section.getByRole('button', { name: 'Révoquer les clés d’accès' }).click();
    await section.getByText(/sessions ouvertes sur l’espace en ligne fermées/).waitFor();
    await expectNoAxeViolations(page, '/cases/:id asking to confirm the revocation');
    await section.getByRole('button', { name: 'Révoquer toutes ses clés d’accès' }).click();
    await section.getByText(/^1 clé d’accès révoquée : elle n’ouvre plus l’espace en ligne\./).waitFor();
    await section.getByText('La personne n’a aucune clé d’accès à son espace en ligne.').waitFor();
    await expectNoAxeViolations(page, '/cases/:id after the revocation');
    await screenshot(page, 'case-portal-passkeys-revoked');
    // Again: nothing left, said so.
    await section.getByRole('button', { name: 'Révoquer les clés d’accès' }).click();
    await section.getByRole('button', { name: 'Révoquer toutes ses clés d’accès' }).click();
    await section.getByText('Aucune clé d’accès à révoquer : la personne n’en avait pas.').waitFor();
  } finally {
    await staff.close();
  }
  // The person's session was ended; their passkey is refused.
  await debtorPage.goto(`${site()}/portal`);
  await waitForPage(debtorPage);
  await debtorPage.getByRole('button', { name: 'Se connecter avec une clé d’accès' }).click();
  await debtorPage.getByText(/^Cette clé d’accès n’ouvre pas de dossier ici\./).waitFor();
  await expectNoAxeViolations(debtorPage, '/portal with the passkey refused');
}

describe('a passkey on the debtor portal', () => {
  it('on a phone: the code first, a passkey made, signed out, back in with the passkey; axe on every page', async () => {
    const access = (await demoPortalAccess(fixture.server.deps, 20)).filter((c) => c.channel === 'email')[0]!;
    const context = await newPhoneContext(fixture.browser);
    try {
      await passkeyVisit(context, access, 'phone');
    } finally {
      await context.close();
    }
  });

  it('on a laptop, for another person, whose passkeys a team leader then revokes from the case', async () => {
    const access = (await demoPortalAccess(fixture.server.deps, 20)).filter((c) => c.channel === 'email')[1]!;
    const context = await newContext(fixture.browser);
    try {
      const page = await passkeyVisit(context, access, 'laptop');
      await teamLeaderRevokes(page, access);
    } finally {
      await context.close();
    }
  });
});
