import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoMailSink, type DemoMailSink } from '../src/communications/email/demo-mail-sink.js';
import { closeTransports } from '../src/communications/configured-transports.js';
import { demoPortalAccess } from '../src/demo/portal.js';
import { addDays, localDateOf, weekdayOf } from '../src/platform/calendar/index.js';
import { lastMailedCode } from '../test/support/portal.js';
import { expectNoAxeViolations, newContext, newPhoneContext, screenshot, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

let mailDir = '';
let sink: DemoMailSink | undefined;
// Started before the server, which sends its codes to it.
beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'accord-e2e-portal-mail-'));
  sink = await startDemoMailSink({ dir: mailDir, port: 0 });
});
const fixture = useAccordAndBrowser({
  config: () => ({
    SMTP_URL: `smtp://127.0.0.1:${sink!.port}`,
    MAIL_FROM: 'Accord <contact@accord.example.fr>',
    PUBLIC_URL: 'https://accord.example.fr',
  }),
});
afterAll(async () => {
  await closeTransports(fixture.server.deps.config);
  await sink?.close();
  await rm(mailDir, { recursive: true, force: true });
});

/** The next Tuesday to Friday at least two days away, in Paris: the agency answers then at 10:30. */
function nextWorkingDay(): string {
  let day = addDays(localDateOf(new Date(), 'Europe/Paris'), 2);
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6 || weekdayOf(day) === 1) day = addDays(day, 1);
  return day;
}

describe('the debtor portal on a phone', () => {
  it('a debtor gets in with the letter’s code, reads the file, declares a difficulty, books a callback and sets preferences; axe on every page', async () => {
    const base = fixture.server.url;
    const access = (await demoPortalAccess(fixture.server.deps, 20)).find((candidate) => candidate.channel === 'email');
    expect(access).toBeDefined();
    const owner = await fixture.server.deps.db
      .selectFrom('cases')
      .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
      .select(['cases.debtor_id', 'debtors.first_name'])
      .where('cases.id', '=', access!.caseId)
      .executeTakeFirstOrThrow();

    const context = await newPhoneContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/portal`);
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal sign-in (phone)');
      await screenshot(page, 'portal-sign-in-phone');

      // A wrong birth date is refused without saying whether the code exists.
      await page.getByLabel('Code d’accès').fill(access!.accessCode.toLowerCase());
      await page.getByLabel('Date de naissance').fill('1901-01-01');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await expect.poll(() => page.getByText('Ces informations ne permettent pas d’ouvrir un dossier').count()).toBe(1);
      await expectNoAxeViolations(page, '/portal sign-in refused (phone)');

      await page.getByLabel('Date de naissance').fill(access!.birthDate);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('radio', { name: /^Par e-mail à / }).check();
      await expectNoAxeViolations(page, '/portal choose where the code goes (phone)');
      await page.getByRole('button', { name: 'Recevoir le code' }).click();
      await page.getByLabel('Code reçu (6 chiffres)').waitFor();
      await expectNoAxeViolations(page, '/portal one-time code (phone)');
      await page.getByLabel('Code reçu (6 chiffres)').fill(await lastMailedCode(mailDir));
      await page.getByRole('button', { name: 'Valider' }).click();

      await page.getByRole('heading', { level: 1, name: `Bonjour ${owner.first_name}` }).waitFor();
      await waitForPage(page);
      await expectNoAxeViolations(page, '/portal home (phone)');
      await screenshot(page, 'portal-home-phone');
      const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noSideScroll).toBe(true);

      await page.locator(`a[href="/portal/cases/${access!.caseId}"]`).click();
      await page.waitForURL(`${base}/portal/cases/${access!.caseId}`);
      await page.getByRole('heading', { name: 'Ce qui est dû' }).waitFor();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('row', { name: /Reste à payer/ }).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'Si aucune solution n’est trouvée' }).count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/cases/:id (phone)');
      await screenshot(page, 'portal-case-phone');

      await page.getByRole('link', { name: 'Signaler une difficulté' }).click();
      await page.getByRole('radio', { name: 'Perte d’emploi ou baisse de revenus' }).check();
      await page.getByLabel('Voulez-vous en dire plus ? (facultatif)').fill('Licencié le mois dernier');
      await expectNoAxeViolations(page, '/portal/cases/:id/difficulty (phone)');
      await page.getByRole('checkbox', { name: /J’accepte que ces informations/ }).check();
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await page.getByRole('heading', { name: 'Merci, c’est noté' }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/difficulty sent (phone)');

      await page.getByRole('link', { name: '← Retour au dossier' }).click();
      await page.getByRole('link', { name: 'Être rappelé' }).click();
      await page.getByLabel('Jour').fill(nextWorkingDay());
      await page.getByLabel('Heure', { exact: true }).fill('10:30');
      await expectNoAxeViolations(page, '/portal/cases/:id/callback (phone)');
      await page.getByRole('button', { name: 'Demander le rappel' }).click();
      await page.getByRole('heading', { name: 'C’est noté' }).waitFor();

      await page.getByRole('link', { name: '← Retour au dossier' }).click();
      await page.getByRole('link', { name: 'Mes préférences de contact' }).click();
      await page.getByRole('checkbox', { name: 'SMS' }).uncheck();
      await expectNoAxeViolations(page, '/portal/preferences (phone)');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByText('Vos préférences sont enregistrées.').count()).toBe(1);

      await page.getByRole('link', { name: '← Vos dossiers' }).click();
      await page.locator(`a[href="/portal/cases/${access!.caseId}"]`).click();
      await page.getByRole('link', { name: 'Faire une réclamation' }).click();
      await page.getByRole('radio', { name: 'Vous me contactez trop souvent' }).check();
      await page.getByLabel('Que s’est-il passé ?').fill('Trois appels le même jour, la semaine dernière.');
      await expectNoAxeViolations(page, '/portal/cases/:id/complaint (phone)');
      await page.getByRole('button', { name: 'Envoyer la réclamation' }).click();
      await page.getByRole('heading', { name: /^Réclamation RCL-\d{4}-\d{6} enregistrée$/ }).waitFor();
      await expectNoAxeViolations(page, '/portal/cases/:id/complaint filed (phone)');

      // Each act is on the case's timeline for the agents, in neutral words; the difficulty is a care signal.
      const lines = await fixture.server.deps.db
        .selectFrom('case_events')
        .select('summary_key')
        .where('case_id', '=', access!.caseId)
        .where('summary_key', 'like', 'portal_%')
        .execute();
      expect(lines.map((line) => line.summary_key).sort()).toEqual([
        'portal_callback_requested',
        'portal_difficulty_declared',
        'portal_preferences_set',
      ]);
      const signal = await fixture.server.deps.db
        .selectFrom('vulnerability_signals')
        .select('status')
        .where('debtor_id', '=', owner.debtor_id)
        .where('kind', '=', 'debtor_declaration')
        .executeTakeFirst();
      expect(signal?.status).toBe('open');

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Accéder à votre dossier' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('reads well on a laptop too, and the letter’s QR code fills in the access code, then leaves no trace of it', async () => {
    const [access] = await demoPortalAccess(fixture.server.deps, 1);
    const code = access!.accessCode.replace('-', '');
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${fixture.server.url}/portal#code=${code}`);
      await waitForPage(page);
      expect(await page.getByLabel('Code d’accès').inputValue()).toBe(code);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
      expect(new URL(page.url()).pathname).toBe('/portal');
      await screenshot(page, 'portal-sign-in-laptop', { fullPage: false });
      await expectNoAxeViolations(page, '/portal sign-in (laptop)');
    } finally {
      await context.close();
    }
  });
});
