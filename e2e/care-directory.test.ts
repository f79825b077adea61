import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays, agencyToday } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();
const ORGANISATION = 'Maison du budget (essai)';

/** How far the page scrolls sideways at phone width: none is allowed. */
async function sidewaysAt390(page: Page): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  return overflow;
}

describe('the organisations directory and a referral', () => {
  it('an administrator adds an organisation; a care specialist proposes a referral to it and closes it; a team leader reads it with a reason; a second referral goes by e-mail', async () => {
    const base = fixture.server.url;
    const { db, config } = fixture.server.deps;
    const now = fixture.server.deps.now();
    // A debtor of the Rhône with an open case: the organisation added for the Rhône is suggested for them.
    const target = await db
      .selectFrom('cases')
      .innerJoin('debtor_addresses as a', 'a.debtor_id', 'cases.debtor_id')
      .select(['cases.id', 'cases.debtor_id'])
      .where('a.subdivision', '=', '69')
      .where('a.is_primary', '=', true)
      .where('cases.status', '=', 'open')
      .orderBy('cases.reference')
      .executeTakeFirstOrThrow();
    // The care context: the demo records no vulnerability, so one is recorded for the debtor as the care team would.
    const recorder = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'care@demo.accord.test')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('vulnerabilities')
      .values({
        debtor_id: target.debtor_id,
        drivers: ['life_event'],
        note: 'Contact écrit de préférence',
        legal_basis: 'explicit_consent',
        consent: 'given',
        consent_at: now,
        review_on: addDays(agencyToday(now, config), 90),
        recorded_by: recorder.id,
        recorded_at: now,
        updated_at: now,
      })
      .execute();

    const adminContext = await newContext(fixture.browser);
    try {
      const page = await adminContext.newPage();
      await signInWithKeyboard(page, base, 'admin@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Annuaire d’aide' }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Annuaire des organismes d’aide' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('rowheader', { name: /Banque de France/ }).count()).toBe(1);
      await expectNoAxeViolations(page, '/care/organisations');
      await page.getByRole('button', { name: 'Ajouter un organisme' }).click();
      const form = page.getByRole('form', { name: 'Nouvel organisme' });
      await form.getByLabel('Nom').fill(ORGANISATION);
      await form.getByRole('checkbox', { name: 'Conseil budgétaire' }).check();
      await form.getByLabel('Zone d’action').selectOption('department');
      await form.getByLabel('Code de la zone').fill('69');
      await form.getByLabel('Téléphone').fill('04 72 00 00 00');
      await expectNoAxeViolations(page, '/care/organisations (form)');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => page.getByText(`${ORGANISATION} est enregistré dans l’annuaire.`).count()).toBe(1);
      await expect.poll(() => page.getByRole('rowheader', { name: ORGANISATION }).count()).toBe(1);
      expect(await sidewaysAt390(page)).toBe(0);
      await screenshot(page, 'care-directory-1366');
    } finally {
      await adminContext.close();
    }

    const careContext = await newContext(fixture.browser);
    try {
      const page = await careContext.newPage();
      await signInWithKeyboard(page, base, 'care@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Orientations vers un organisme d’aide' });
      await expect.poll(() => section.getByText('Aucune orientation pour ce débiteur.').count()).toBe(1);
      await section.getByLabel('Le débiteur a besoin d’aide pour').selectOption('budget_advice');
      // The Rhône's organisation comes first: the nearest.
      await expect
        .poll(() => section.getByLabel('Organisme').getByRole('option').first().textContent())
        .toBe(`${ORGANISATION} (69)`);
      await section.getByLabel('Le besoin, en quelques mots').fill('Établir un budget après une séparation');
      await section.getByRole('checkbox', { name: 'Le débiteur accepte cette orientation' }).check();
      await section.getByRole('button', { name: 'Proposer' }).click();
      await expect.poll(() => section.getByText(`Orientation vers ${ORGANISATION} proposée.`).count()).toBe(1);
      await expect.poll(() => section.getByRole('rowheader', { name: ORGANISATION }).count()).toBe(1);
      await expectNoAxeViolations(page, '/cases/:id referrals (proposed)');

      const acts = page.getByRole('region', { name: `Suite de l’orientation vers ${ORGANISATION}` });
      await acts.getByLabel('Transmise par').selectOption('letter');
      await acts.getByRole('button', { name: 'Enregistrer la transmission' }).click();
      await expect.poll(() => section.getByText(/Courrier le/).count()).toBe(1);
      // The letter Accord wrote opens from the referral: a PDF, read as the care specialist.
      const letter = section.getByRole('link', { name: 'Lire le courrier envoyé (PDF)' });
      const pdf = await page.request.get(new URL((await letter.getAttribute('href'))!, page.url()).toString());
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await acts.getByLabel('Issue', { exact: true }).selectOption('helped');
      await acts.getByRole('button', { name: 'Clôturer l’orientation' }).click();
      await expect.poll(() => section.getByText('Aidé par l’organisme').count()).toBe(1);
      await expect.poll(() => acts.count()).toBe(0);
      await expectNoAxeViolations(page, '/cases/:id referrals (closed)');
      expect(await sidewaysAt390(page)).toBe(0);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'care-referrals-case-1366');
    } finally {
      await careContext.close();
    }
    // A team leader who does not hold the case reads how many, then the details once they say why (the read recorded).
    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Orientations vers un organisme d’aide' });
      await expect.poll(() => section.getByText(/Une orientation est enregistrée/).count()).toBe(1);
      expect(await section.getByText(ORGANISATION).count()).toBe(0);
      await expectNoAxeViolations(page, '/cases/:id referrals (restricted)');
      await section.getByLabel('Pourquoi vous en avez besoin').fill('Revue du dossier avec la cellule');
      await section.getByRole('button', { name: 'Lire le détail' }).click();
      await expect.poll(() => section.getByRole('rowheader', { name: ORGANISATION }).count()).toBe(1);
    } finally {
      await leaderContext.close();
    }
    const leaderReads = await db
      .selectFrom('sensitive_reads')
      .select(['basis', 'reason'])
      .where('debtor_id', '=', target.debtor_id)
      .where('subject', '=', 'care_referral')
      .where('role', '=', 'team_leader')
      .execute();
    expect(leaderReads).toEqual([{ basis: 'stated_reason', reason: 'Revue du dossier avec la cellule' }]);

    // A second referral, sent by e-mail: Accord writes it to the debtor's verified address and the table says where
    // it stands (this server has no relay: it waits in the outbox).
    await db
      .updateTable('contact_opt_outs')
      .set({ withdrawn_at: now })
      .where('debtor_id', '=', target.debtor_id)
      .where('withdrawn_at', 'is', null)
      .execute();
    await db
      .updateTable('debtor_contact_points')
      .set({ verified_at: null })
      .where('debtor_id', '=', target.debtor_id)
      .where('channel', '=', 'email')
      .execute();
    await db
      .insertInto('debtor_contact_points')
      .values({
        debtor_id: target.debtor_id,
        channel: 'email',
        usage: 'personal',
        value: 'orientation.e2e@example.org',
        verified_at: now,
      })
      .execute();
    const emailContext = await newContext(fixture.browser);
    try {
      const page = await emailContext.newPage();
      await signInWithKeyboard(page, base, 'care@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Orientations vers un organisme d’aide' });
      await section.getByLabel('Le débiteur a besoin d’aide pour').selectOption('budget_advice');
      await section.getByLabel('Le besoin, en quelques mots').fill('Faire le point sur les dépenses du foyer');
      await section.getByRole('checkbox', { name: 'Le débiteur accepte cette orientation' }).check();
      await section.getByRole('button', { name: 'Proposer' }).click();
      await expect.poll(() => section.getByText(`Orientation vers ${ORGANISATION} proposée.`).count()).toBe(1);
      const acts = page.getByRole('region', { name: `Suite de l’orientation vers ${ORGANISATION}` });
      await acts.getByLabel('Transmise par').selectOption('email');
      await acts.getByRole('button', { name: 'Enregistrer la transmission' }).click();
      await expect.poll(() => section.getByText(/^E-mail le /).count()).toBe(1);
      await expect.poll(() => section.getByText('E-mail en attente d’envoi').count()).toBe(1);
      await expectNoAxeViolations(page, '/cases/:id referrals (sent by e-mail)');
      expect(await sidewaysAt390(page)).toBe(0);
    } finally {
      await emailContext.close();
    }

    const referrals = await db
      .selectFrom('care_referrals as r')
      .leftJoin('outbound_messages as m', 'm.id', 'r.email_message_id')
      .select(['r.status', 'r.outcome', 'r.sent_how', 'm.purpose', 'm.recipient', 'm.status as email_status'])
      .where('r.debtor_id', '=', target.debtor_id)
      .orderBy('r.proposed_at')
      .execute();
    expect(referrals).toEqual([
      { status: 'closed', outcome: 'helped', sent_how: 'letter', purpose: null, recipient: null, email_status: null },
      {
        status: 'sent',
        outcome: null,
        sent_how: 'email',
        purpose: 'care_referral',
        recipient: 'orientation.e2e@example.org',
        email_status: 'queued',
      },
    ]);
  });
});
