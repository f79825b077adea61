import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchMessages } from '../src/communications/dispatch-messages.js';
import { startDemoSmsSink } from '../src/communications/sms/demo-sms-sink.js';
import { createSmppTransport } from '../src/communications/sms/smpp-transport.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  SCREENSHOT_DIR,
  newContext,
  screenshot,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

/**
 * The server's clock starts on Wednesday 25 November 2026 at 10:00 in Paris (inside the French contact hours,
 * 09:00–20:00 on weekdays) and then runs with the real one, so the test never depends on when it is run.
 */
const START = Date.parse('2026-11-25T09:00:00Z');
const startedAt = Date.now();
const fixture = useAccordAndBrowser({ now: () => new Date(START + (Date.now() - startedAt)) });

/** An open case whose first letter went out, of a debtor living in mainland France with a usable phone, and no hold. */
async function pickCase(offset = 0) {
  const db = fixture.server.deps.db;
  const row = await db
    .selectFrom('cases')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .innerJoin('debtor_addresses as a', (join) =>
      join.onRef('a.debtor_id', '=', 'debtors.id').on('a.is_primary', '=', true),
    )
    .select(['cases.id', 'cases.reference', 'cases.debtor_id'])
    .where('cases.status', '=', 'open')
    .where('cases.first_letter_sent_on', 'is not', null)
    .where('debtors.deceased_on', 'is', null)
    .where('debtors.merged_into', 'is', null)
    .where('a.country', '=', 'FR')
    .where('a.time_zone', '=', 'Europe/Paris')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('debtor_contact_points as p')
          .select('p.id')
          .whereRef('p.debtor_id', '=', 'debtors.id')
          .where('p.channel', '=', 'phone')
          .where('p.consent', '<>', 'withdrawn')
          .where('p.opted_out_at', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('holds')
            .select('holds.id')
            .whereRef('holds.debtor_id', '=', 'debtors.id')
            .where('holds.status', '=', 'active'),
        ),
      ),
    )
    // One case per debtor, so the two tests never share a person (a call on one would pause the other's phone).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('cases as other')
            .select('other.id')
            .whereRef('other.debtor_id', '=', 'cases.debtor_id')
            .whereRef('other.id', '<>', 'cases.id'),
        ),
      ),
    )
    // Nor a vulnerability record in force: its adaptations narrow the channels this test expects open.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('vulnerabilities as v')
            .select('v.id')
            .whereRef('v.debtor_id', '=', 'debtors.id')
            .where('v.status', '<>', 'ended'),
        ),
      ),
    )
    .orderBy('cases.reference')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row;
}

/** The contacts recorded with the debtor since the test's clock started (the demo's history is older): outcome, and whether an override let it through. */
async function contactsOf(debtorId: string) {
  const rows = await fixture.server.deps.db
    .selectFrom('contacts')
    .select(['outcome', 'override_id'])
    .where('debtor_id', '=', debtorId)
    .where('occurred_at', '>=', new Date(START))
    .orderBy('occurred_at')
    .execute();
  return rows.map((row) => [row.outcome, row.override_id !== null]);
}

describe('the contact panel of a case', () => {
  it('an agent sees the permissions, records an allowed call, is refused the next with why and when; a manager overrides', async () => {
    const target = await pickCase();
    const base = fixture.server.url;
    const agentContext = await newContext(fixture.browser);
    const agent = await agentContext.newPage();
    try {
      await signInWithKeyboard(agent, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await agent.goto(`${base}/cases/${target.id}`);
      await waitForPage(agent);

      // Every channel, whether it is possible now, and the debtor's local time (Wednesday, 10:xx in Paris).
      const contactSection = agent.locator('section', {
        has: agent.getByRole('heading', { name: 'Contact', exact: true }),
      });
      await contactSection.waitFor();
      expect(await contactSection.locator('.debtor-now').textContent()).toMatch(/^mercredi 10:\d\d$/);
      const phoneCard = contactSection.locator('li', { has: agent.getByRole('heading', { name: /^Téléphone/ }) });
      expect(await phoneCard.locator('h3').textContent()).toContain('Possible maintenant');
      // The notice that goes with a call: the identity check before saying anything about the debt.
      expect(await phoneCard.textContent()).toContain('Confirmer l’identité');
      const letterCard = contactSection.locator('li', { has: agent.getByRole('heading', { name: /^Courrier/ }) });
      expect(await letterCard.textContent()).toContain('Enveloppe neutre');
      await expectNoAxeViolations(agent, `/cases/${target.id} (agent)`);
      await screenshot(agent, 'contact-panel');
      await contactSection.screenshot({ path: `${SCREENSHOT_DIR}/contact-permissions.png` });

      // An allowed call attempt, sent from the keyboard.
      const record = agent.locator('section', { has: agent.getByRole('heading', { name: 'Enregistrer un contact' }) });
      await record.getByLabel('Canal').selectOption('phone');
      await record.getByLabel('Résultat').selectOption('no_answer');
      await record.getByLabel('Note (facultative)').fill('Répondeur, pas de message laissé.');
      await tabTo(agent, '#record-contact-submit', 5);
      await agent.keyboard.press('Enter');
      await record.getByRole('status').getByText('Contact enregistré : Téléphone, pas de réponse.').waitFor();
      const history = agent.locator('section', {
        has: agent.getByRole('heading', { name: 'Historique des contacts' }),
      });
      const newest = history.locator('tbody tr').first();
      await newest.getByText('Répondeur, pas de message laissé.').waitFor();
      expect(await newest.textContent()).toMatch(/Téléphone \(sortant\).*pas de réponse.*Camille Martin.*version 1/);
      expect(await contactsOf(target.debtor_id)).toEqual([['no_answer', false]]);

      // The next attempt comes too soon: refused, nothing recorded, every reason and the next allowed moment
      // (four hours after the first: 14:00 in Paris, where both the debtor and the agent are).
      await record.getByRole('button', { name: 'Enregistrer le contact' }).click();
      const refusal = record.getByRole('alert');
      await refusal.waitFor();
      const refusalText = (await refusal.textContent()) ?? '';
      expect(refusalText).toContain('Contact refusé par la politique : rien n’a été enregistré.');
      expect(refusalText).toContain('Au moins 4 h entre deux contacts sortants sur ce canal.');
      expect(refusalText).toMatch(
        /Prochain contact possible : mer\. 25\/11\/2026 14:0\d \(heure du débiteur et la vôtre\)/,
      );
      await agent.waitForFunction(() => document.querySelectorAll('.channel-permission.refused h3').length > 0);
      expect(await phoneCard.locator('h3').textContent()).toContain('Refusé maintenant');
      expect(await phoneCard.textContent()).toMatch(/Prochain contact possible : mer\. 25\/11\/2026 14:0\d/);
      expect(await contactsOf(target.debtor_id)).toEqual([['no_answer', false]]);
      // An agent cannot grant an override.
      expect(await agent.getByRole('heading', { name: 'Accorder une dérogation' }).count()).toBe(0);
      await expectNoAxeViolations(agent, `/cases/${target.id} (refused)`);
      await screenshot(agent, 'contact-refused');
      await record.screenshot({ path: `${SCREENSHOT_DIR}/contact-refusal.png` });

      // A manager grants an override for the phone, with a written reason.
      const managerContext = await newContext(fixture.browser);
      const manager = await managerContext.newPage();
      try {
        await signInWithKeyboard(manager, base, 'manager@demo.accord.test', DEMO_PASSWORD);
        await manager.goto(`${base}/cases/${target.id}`);
        await waitForPage(manager);
        const overrides = manager.locator('section', { has: manager.getByRole('heading', { name: 'Dérogations' }) });
        await overrides.getByLabel('Canal').selectOption('phone');
        await overrides.getByLabel('Motif écrit').fill('Urgent');
        await overrides.getByRole('button', { name: 'Accorder la dérogation' }).click();
        expect(await overrides.locator('#override-reason-error').textContent()).toContain('au moins 10 caractères');
        await overrides
          .getByLabel('Motif écrit')
          .fill('Le débiteur a demandé à être rappelé ce matin pour convenir d’un plan.');
        await overrides.getByRole('button', { name: 'Accorder la dérogation' }).click();
        await overrides.getByRole('status').getByText('Dérogation accordée (Téléphone)').waitFor();
        expect(await overrides.locator('tbody tr').first().textContent()).toMatch(
          /Téléphone.*rappelé ce matin.*Isabelle Moreau.*Valable jusqu’au/,
        );
        await expectNoAxeViolations(manager, `/cases/${target.id} (manager)`);
        await screenshot(manager, 'contact-override');
      } finally {
        await managerContext.close();
      }

      // The agent now sees the phone allowed by that override, and records the conversation.
      await agent.reload();
      await waitForPage(agent);
      await phoneCard.waitFor();
      expect(await phoneCard.locator('h3').textContent()).toContain('Possible maintenant');
      expect(await phoneCard.textContent()).toContain('Permis par une dérogation accordée par Isabelle Moreau');
      await record.getByLabel('Résultat').selectOption('right_party');
      await record.getByRole('button', { name: 'Enregistrer le contact' }).click();
      await record.getByRole('status').getByText('Contact enregistré : Téléphone, bon interlocuteur.').waitFor();
      await newest.getByText('Dérogation de Isabelle Moreau').waitFor();
      expect(await newest.textContent()).toContain('bon interlocuteur');
      const overridesSeen = agent.locator('section', { has: agent.getByRole('heading', { name: 'Dérogations' }) });
      expect(await overridesSeen.locator('tbody tr').first().textContent()).toMatch(/Utilisée le/);
      await screenshot(agent, 'contact-after-override');
      for (const [name, heading] of [
        ['history', 'Historique des contacts'],
        ['overrides', 'Dérogations'],
        ['holds', 'Suspensions'],
        ['wishes', 'Souhaits du débiteur'],
      ]) {
        await agent
          .locator('section', { has: agent.getByRole('heading', { name: heading, exact: true }) })
          .screenshot({ path: `${SCREENSHOT_DIR}/contact-${name}.png` });
      }

      // Nothing else was written: two contacts recorded in this test, the second through the override.
      expect(await contactsOf(target.debtor_id)).toEqual([
        ['no_answer', false],
        ['right_party', true],
      ]);
    } finally {
      await agentContext.close();
    }
  });

  it('an agent places a dated hold, sees the channels stop, lifts it; a phone opt-out keeps letters open; Italian reads the policy in Italian', async () => {
    const target = await pickCase(1);
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const contactSection = page.locator('section', {
        has: page.getByRole('heading', { name: 'Contact', exact: true }),
      });
      const phoneCard = contactSection.locator('li', { has: page.getByRole('heading', { name: /^Téléphone/ }) });
      const letterCard = contactSection.locator('li', { has: page.getByRole('heading', { name: /^Courrier/ }) });
      expect(await phoneCard.locator('h3').textContent()).toContain('Possible maintenant');

      // A hold without an end or a review date is refused on the spot, with the rule.
      const holds = page.locator('section', { has: page.getByRole('heading', { name: 'Suspensions', exact: true }) });
      expect(await holds.locator('#hold-rule').textContent()).toContain(
        'indiquez une date de fin ou une date de réexamen',
      );
      await holds.getByLabel('Type').selectOption('dispute');
      await holds.getByLabel('Motif').fill('Le débiteur conteste le montant de la facture de mars.');
      await holds.getByRole('button', { name: 'Poser la suspension' }).click();
      expect(await holds.locator('#hold-dates-error').textContent()).toContain(
        'Indiquez une date de fin ou une date de réexamen',
      );
      expect(await holds.getByLabel('Réexamen le').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, `/cases/${target.id} (hold refused)`);

      await holds.getByLabel('Réexamen le').fill('2026-12-20');
      await holds.getByRole('button', { name: 'Poser la suspension' }).click();
      await holds.getByRole('status').getByText('Suspension posée : Contestation.').waitFor();
      const holdRow = holds.locator('tbody tr', { hasText: 'Le débiteur conteste' });
      await holdRow.waitFor();
      expect(await holdRow.textContent()).toMatch(
        /Contestation.*Ce dossier.*Active.*20\/12\/2026 00:00.*Camille Martin/,
      );
      await page.waitForFunction(() =>
        document.querySelector('#permission-phone')?.textContent?.includes('Refusé maintenant'),
      );
      expect(await phoneCard.textContent()).toContain('Suspension en cours (contestation en cours)');
      expect(await phoneCard.textContent()).toContain(
        'Prochain contact possible : aucun tant qu’une personne n’a pas agi',
      );
      expect(await letterCard.locator('h3').textContent()).toContain('Refusé maintenant');

      // Lifting asks for a reason; the focus goes to it.
      await holds.getByRole('button', { name: 'Lever la suspension : Contestation' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'lift-reason');
      await page.keyboard.type('Le créancier a confirmé le montant.');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('#permission-phone')?.textContent?.includes('Possible maintenant'),
      );
      expect(await holdRow.textContent()).toContain('Levée');

      // "Stop calling": the phone stops, letters stay open; withdrawn, the phone is back.
      const wishes = page.locator('section', { has: page.getByRole('heading', { name: 'Souhaits du débiteur' }) });
      await wishes.getByRole('button', { name: 'Enregistrer l’opposition (Téléphone)' }).click();
      await page.waitForFunction(() =>
        document.querySelector('#permission-phone')?.textContent?.includes('Refusé maintenant'),
      );
      expect(await phoneCard.textContent()).toContain('Le débiteur a demandé à ne plus être contacté par ce canal');
      expect(await letterCard.locator('h3').textContent()).toContain('Possible maintenant');
      await expectNoAxeViolations(page, `/cases/${target.id} (opt-out)`);

      // In Italian the screen is Italian, and so are the policy's reasons.
      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.getByRole('heading', { name: 'Contatto', exact: true }).waitFor();
      const reason = page.locator('#permission-phone + .decision-reasons li span');
      expect(await reason.first().textContent()).toContain(
        'Il debitore ha chiesto di non essere più contattato su questo canale',
      );
      expect(await reason.first().getAttribute('lang')).toBeNull();
      expect(await page.locator('#permission-phone').textContent()).toContain('Non consentito ora');
      await screenshot(page, 'contact-italian');
      await page
        .locator('section', { has: page.getByRole('heading', { name: 'Contatto', exact: true }) })
        .screenshot({ path: `${SCREENSHOT_DIR}/contact-italian-permissions.png` });
      await page.getByRole('button', { name: 'Ritira l’opposizione (Telefono)' }).click();
      await page.waitForFunction(() =>
        document.querySelector('#permission-phone')?.textContent?.includes('Possibile ora'),
      );
    } finally {
      await context.close();
    }
  });

  it('a manager previews an SMS on the case (the agent now reads Italian), sends it through the policy, sees it delivered by a real SMPP server and the debtor’s reply; an unknown number’s reply on the campaigns page', async () => {
    const target = await pickCase(2);
    const base = fixture.server.url;
    const dir = await mkdtemp(join(tmpdir(), 'accord-sms-'));
    const sink = await startDemoSmsSink({ dir, port: 0, systemId: 'accord', password: 'e2e-sms', receiptDelayMs: 0 });
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    const deps = fixture.server.deps;
    const sms = createSmppTransport(
      { SMPP_URL: `smpp://accord:e2e-sms@127.0.0.1:${sink.port}`, SMS_SENDER: 'Accord' },
      deps,
    )!;
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.locator('section', {
        has: page.getByRole('heading', { name: 'E-mails, SMS et relances par courrier' }),
      });
      await section.waitFor();
      await section.getByLabel('Canal').selectOption('sms');
      await section.getByLabel('Modèle').selectOption('call_us');
      await section.getByRole('button', { name: 'Prévisualiser' }).click();
      const text = section.locator('.message-preview .message-text');
      await text.waitFor();
      // What a lock screen shows: the agency, the references, an invitation to call back, the free STOP.
      expect(await text.textContent()).toMatch(
        new RegExp(`^Accord : nous avons essayé de vous joindre.*${target.reference}.*STOP`),
      );
      expect(await section.locator('.message-preview').textContent()).toMatch(/À : \+\d{10,}/);
      await expectNoAxeViolations(page, `/cases/${target.id} (message preview)`);
      await section.getByRole('button', { name: 'Envoyer (SMS)' }).click();
      await section.getByRole('status').getByText('SMS accepté par la politique de contact').waitFor();
      const row = section.locator('tbody tr').first();
      await row.getByText('En attente d’envoi').waitFor();
      await screenshot(page, 'case-messages');

      // The dispatcher hands it to the SMPP server, whose receipt marks it delivered.
      const report = await dispatchMessages(deps, { email: null, sms });
      expect(report.sent).toBe(1);
      const sent = await deps.db
        .selectFrom('outbound_messages')
        .select(['provider_id', 'recipient', 'body'])
        .where('case_id', '=', target.id)
        .executeTakeFirstOrThrow();
      await sink.receiptAnswered(sent.provider_id!);
      const received = (await readFile(sink.file, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { to: string; text: string });
      expect(received.map((sms) => [sms.to.replace(/\D/g, ''), sms.text])).toEqual([
        [sent.recipient.replace(/\D/g, ''), sent.body],
      ]);
      await page.reload();
      await waitForPage(page);
      await section.locator('tbody tr').first().getByText('Remis').waitFor();
      await expectNoAxeViolations(page, `/cases/${target.id} (message delivered)`);

      // The debtor answers from the verified number: the reply is on the case, with a task for its team.
      const point = await deps.db
        .selectFrom('outbound_messages')
        .select('contact_point_id')
        .where('case_id', '=', target.id)
        .executeTakeFirstOrThrow();
      await deps.db
        .updateTable('debtor_contact_points')
        .set({ verified_at: deps.now() })
        .where('id', '=', point.contact_point_id!)
        .execute();
      expect(await sink.reply(sent.recipient.replace(/\D/g, ''), 'Accord', 'Je vous rappelle demain')).toBe(0);
      await page.reload();
      await waitForPage(page);
      const replies = section.getByRole('table', { name: /^Réponses du débiteur par SMS/ });
      await replies.getByText('Je vous rappelle demain').waitFor();
      await expectNoAxeViolations(page, `/cases/${target.id} (SMS reply)`);
      // A reply from a number that is no debtor's: the manager reads it on the campaigns page.
      expect(await sink.reply('33611111111', 'Accord', 'PAYE')).toBe(0);
      await page.goto(`${base}/campaigns`);
      await waitForPage(page);
      await page.getByRole('table', { name: 'Réponses SMS sans dossier' }).getByText('PAYE').waitFor();
      await expectNoAxeViolations(page, '/campaigns (unmatched SMS replies)');
    } finally {
      await sms.close();
      await sink.close();
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a compliance officer creates an SMS campaign, previews what the policy would allow and refuse, and activates it', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Campagnes' }).click();
      await page.getByRole('heading', { name: 'Campagnes d’e-mails et de SMS', level: 1 }).waitFor();
      const form = page.locator('section', { has: page.getByRole('heading', { name: 'Nouvelle campagne' }) });
      await form.getByRole('button', { name: 'Créer la campagne (en pause)' }).click();
      expect(await form.locator('#campaign-name-error').textContent()).toBe('Donnez un nom à la campagne.');
      await form.getByLabel('Nom').fill('Rappel par SMS');
      await form.getByLabel('Canal').selectOption('sms');
      await form.getByLabel('Modèle').selectOption('call_us');
      await form.getByLabel('Messages par jour au plus').fill('25');
      await form.getByRole('button', { name: 'Créer la campagne (en pause)' }).click();
      await form.getByRole('status').getByText('Campagne « Rappel par SMS » créée, en pause.').waitFor();
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Rappel par SMS' }) });
      await card.getByText('En pause').waitFor();
      await card.getByRole('button', { name: 'Prévisualiser' }).click();
      await card.getByRole('status').getByText('Prévisualisation faite').waitFor();
      const preview = card.locator('tbody tr').first();
      await preview.getByText('Prévisualisation').waitFor();
      const cells = await preview.locator('td').allTextContents();
      const [selected, allowed, refused, failed] = cells.slice(1, 5).map((cell) => Number(cell.replace(/\D/g, '')));
      expect(selected).toBeGreaterThan(0);
      expect(allowed! + refused! + failed!).toBe(selected);
      // Nothing was recorded by the preview.
      const queued = await fixture.server.deps.db
        .selectFrom('outbound_messages')
        .select('id')
        .where('campaign_run_id', 'is not', null)
        .execute();
      expect(queued).toEqual([]);
      await expectNoAxeViolations(page, '/campaigns (compliance)');
      await screenshot(page, 'campaigns');
      await card.getByRole('button', { name: 'Activer' }).click();
      await card.getByText('Elle tourne chaque jour sous l’autorité de').waitFor();
      expect(await card.getByRole('button', { name: 'Lancer maintenant' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
