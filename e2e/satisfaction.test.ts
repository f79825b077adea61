import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  newContext,
  newPhoneContext,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

const TOKEN = 'browserbrowserbrowserbrowserbro1';

/** An invitation of the demo's agent, sent an hour ago, whose link the test holds (the message is not needed here). */
async function invitation(): Promise<void> {
  const db = fixture.server.deps.db;
  const kase = await db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select(['c.id', 'c.debtor_id', 'c.creditor_id'])
    .where('d.language', '=', 'fr')
    .orderBy('c.reference')
    .executeTakeFirstOrThrow();
  const agent = await db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('email', '=', 'agent@demo.accord.test')
    .executeTakeFirstOrThrow();
  const now = Date.now();
  await db
    .insertInto('satisfaction_invitations')
    .values({
      debtor_id: kase.debtor_id,
      case_id: kase.id,
      creditor_id: kase.creditor_id,
      interaction_kind: 'plan_agreed',
      interaction_id: kase.id,
      interaction_at: new Date(now - 86_400_000),
      agent_id: agent.id,
      team_id: agent.team_id,
      channel: 'sms',
      token_sha256: createHash('sha256').update(TOKEN).digest('hex'),
      language: 'fr',
      sent_at: new Date(now - 3_600_000),
      expires_at: new Date(now + 14 * 86_400_000),
    })
    .execute();
}

describe('satisfaction', () => {
  it('a debtor answers the survey from its link on a phone, once; a manager reads the figures and the comment', async () => {
    const base = fixture.server.url;
    await invitation();

    const phone = await newPhoneContext(fixture.browser);
    try {
      const page = await phone.newPage();
      await page.goto(`${base}/portal/survey/${TOKEN}`);
      await waitForPage(page);
      await expect
        .poll(() => page.getByRole('heading', { name: 'Comment s’est passé notre échange ?' }).count())
        .toBe(1);
      await expectNoAxeViolations(page, '/portal/survey (phone)');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      await page.getByRole('radio', { name: '4 – Satisfait' }).check();
      await page
        .getByRole('group', { name: /a été facile/ })
        .getByRole('radio', { name: '6' })
        .check();
      // The recommendation question (NPS), asked as the settings say by default.
      await page
        .getByRole('group', { name: /Recommanderiez-vous/ })
        .getByRole('radio', { name: '9' })
        .check();
      await page
        .getByLabel('Un commentaire (facultatif)')
        .fill('Conseiller patient, rappelez-moi au 06 98 76 54 32 merci');
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Merci' }).count()).toBe(1);
      await expectNoAxeViolations(page, '/portal/survey answered');
      await screenshot(page, 'satisfaction-survey-phone');

      // The link is single use: opened again, it thanks and asks nothing.
      await page.reload();
      await waitForPage(page);
      await expect.poll(() => page.getByText('Cette enquête a déjà reçu une réponse. Merci.').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Envoyer ma réponse' }).count()).toBe(0);

      // In English, the debtor's choice of language.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getByText('This survey has already been answered. Thank you.').count()).toBe(1);
    } finally {
      await phone.close();
    }

    const staff = await newContext(fixture.browser);
    try {
      const page = await staff.newPage();
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Satisfaction', exact: true }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Satisfaction', level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('table', { name: 'Mois par mois' }).count()).toBe(1);
      // The demo's months: several rows, each with its CSAT or "too few answers".
      expect(await page.getByRole('table', { name: 'Mois par mois' }).getByRole('row').count()).toBeGreaterThan(3);
      await expect
        .poll(() => page.getByRole('table', { name: 'Par conseiller' }).getByText('Camille Martin').count())
        .toBe(1);
      // The comment, minimised: the phone number the debtor wrote is not there.
      await expect.poll(() => page.getByText('Conseiller patient, rappelez-moi au [phone] merci').count()).toBe(1);
      expect(await page.getByText('06 98 76 54 32').count()).toBe(0);
      await expectNoAxeViolations(page, '/satisfaction');
      // NPS beside CSAT, the segments, and the months drawn as two charts beside their table.
      await expect.poll(() => page.getByRole('table', { name: 'Par segment de la stratégie' }).count()).toBe(1);
      expect(
        await page
          .getByRole('table', { name: 'Mois par mois' })
          .getByRole('columnheader', { name: 'Recommandation (NPS)' })
          .count(),
      ).toBe(1);
      await expect.poll(() => page.getByRole('img', { name: /^Satisfaction \(CSAT\) mois par mois/ }).count()).toBe(1);
      await expect.poll(() => page.getByRole('img', { name: /^Recommandation \(NPS\) mois par mois/ }).count()).toBe(1);
      await expect.poll(() => page.locator('.chart svg').count()).toBe(2);
      await screenshot(page, 'satisfaction-1366', { fullPage: true });

      // The manager changes the survey's settings with the reason: a reason is required, then the change applies.
      const settings = page.locator('section[aria-labelledby="satisfaction-settings-heading"]');
      await settings.getByLabel('Jours au moins entre deux enquêtes à un même débiteur').fill('45');
      await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
      await settings.getByRole('alert').waitFor();
      await settings.getByLabel('Pourquoi ce changement (une décision, une règle)').fill('Comité qualité de décembre');
      await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
      await settings.getByText('Réglages enregistrés : ils s’appliquent dès maintenant.').waitFor();
      await expect.poll(() => settings.getByText('Comité qualité de décembre', { exact: false }).count()).toBe(1);
      expect(await settings.getByLabel('Jours au moins entre deux enquêtes à un même débiteur').inputValue()).toBe(
        '45',
      );
      await expectNoAxeViolations(page, '/satisfaction settings saved');
      await settings.scrollIntoViewIfNeeded();
      await screenshot(page, 'satisfaction-settings-1366', { fullPage: false });
    } finally {
      await staff.close();
    }
    const answer = await fixture.server.deps.db
      .selectFrom('satisfaction_answers as a')
      .innerJoin('satisfaction_invitations as i', 'i.id', 'a.invitation_id')
      .select(['a.score', 'a.ease', 'a.recommendation'])
      .where('i.token_sha256', '=', createHash('sha256').update(TOKEN).digest('hex'))
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({ score: 4, ease: 6, recommendation: 9 });

    // The figures' page on a phone, 390 wide: nothing wider than the screen but the tables' own scroll.
    const narrow = await fixture.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    try {
      const page = await narrow.newPage();
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/satisfaction`);
      await waitForPage(page);
      await expect.poll(() => page.locator('.chart svg').count()).toBe(2);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      await screenshot(page, 'satisfaction-390', { fullPage: true });
    } finally {
      await narrow.close();
    }
  });
});
