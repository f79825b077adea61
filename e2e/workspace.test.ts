import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { workspaceSweep } from '../src/workspace/sweep.js';
import { expectNoAxeViolations, newContext, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

/**
 * The server's clock starts on Wednesday 25 November 2026 at 10:00 in Paris (inside the French contact hours) and
 * runs with the real one; the test moves it forward (`jump`) to let a promise's date and grace period pass.
 */
const START = Date.parse('2026-11-25T09:00:00Z');
const startedAt = Date.now();
let jumpedMs = 0;
/** Set while the sweep runs: one job run sees one instant. */
let frozenAt: number | null = null;
const now = () => new Date(frozenAt ?? START + jumpedMs + (Date.now() - startedAt));
const fixture = useAccordAndBrowser({ now });

const SHOTS = '/tmp/shots';
/** The whole page, and its first screen (what the agent sees without scrolling). */
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` });
}

async function shotOf(part: Locator, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await part.screenshot({ path: `${SHOTS}/${name}.png` });
}

const plain = (text: string | null) =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function userId(email: string) {
  const row = await fixture.server.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The case the address bar names (/cases/<id>). */
function caseIdOf(page: Page): string {
  const match = /\/cases\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not a case page: ${page.url()}`);
  return match[1]!;
}

describe('the agent workspace', () => {
  it('an agent takes the next case, follows the guided conversation to a promise; a colleague gets another case; the promise broken opens a follow-up', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const agentContext = await newContext(fixture.browser);
    const agent = await agentContext.newPage();
    const leaderContext = await newContext(fixture.browser);
    const leader = await leaderContext.newPage();
    try {
      // Mon poste: the queue, today's figures, the big button.
      await signInWithKeyboard(agent, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await agent.getByRole('link', { name: 'Mon poste' }).click();
      await agent.waitForURL(`${base}/workspace`);
      await waitForPage(agent);
      expect(await agent.getByRole('heading', { level: 1 }).textContent()).toBe('Mon poste');
      expect(await agent.getByText('Votre file : Amiable Lyon.').count()).toBe(1);
      const callableBefore = Number(plain(await agent.getByTestId('callable-now').textContent()).replace(/\s/g, ''));
      expect(callableBefore).toBeGreaterThan(1);
      expect(plain(await agent.getByTestId('today-calls').textContent())).toBe('0');
      expect(await agent.getByRole('button', { name: /^Dossier suivant/ }).getAttribute('aria-keyshortcuts')).toBe('N');
      await expectNoAxeViolations(agent, '/workspace (agent)');
      await shot(agent, 'workspace-start');

      // The shortcuts, listed in a dialog opened by "?" (and by the visible link), closed by Escape.
      await agent.keyboard.press('?');
      const dialog = agent.getByRole('dialog', { name: 'Raccourcis clavier' });
      await dialog.waitFor();
      expect(await dialog.locator('.shortcut').allTextContents()).toEqual([
        'NPrendre le dossier suivant',
        '?Afficher cette liste',
      ]);
      await expectNoAxeViolations(agent, '/workspace (shortcuts dialog)');
      await agent.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // N takes the next case and opens it.
      await agent.keyboard.press('n');
      await agent.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitForPage(agent);
      const taken = caseIdOf(agent);
      const agentId = await userId('agent@demo.accord.test');
      const lease = await db
        .selectFrom('case_queue')
        .select(['leased_by', 'lease_until'])
        .where('case_id', '=', taken)
        .executeTakeFirstOrThrow();
      expect(lease.leased_by).toBe(agentId);

      // A colleague of the same team (the team leader works cases too) gets another case, never this one.
      await signInWithKeyboard(leader, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await leader.goto(`${base}/workspace`);
      await waitForPage(leader);
      await leader.getByRole('button', { name: /^Dossier suivant/ }).click();
      await leader.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitForPage(leader);
      const leaderCase = caseIdOf(leader);
      expect(leaderCase).not.toBe(taken);
      const leaderId = await userId('team.leader@demo.accord.test');
      expect(
        (
          await db
            .selectFrom('case_queue')
            .select('leased_by')
            .where('case_id', '=', leaderCase)
            .executeTakeFirstOrThrow()
        ).leased_by,
      ).toBe(leaderId);
      expect(
        (await db.selectFrom('case_queue').select('leased_by').where('case_id', '=', taken).executeTakeFirstOrThrow())
          .leased_by,
      ).toBe(agentId);
      // Nor can the colleague record a call on the case the agent holds.
      await leader.goto(`${base}/cases/${taken}`);
      await waitForPage(leader);
      const leaderCall = leader.locator('section', {
        has: leader.getByRole('heading', { name: 'Conversation guidée' }),
      });
      await leaderCall.getByLabel('Pas de réponse').check();
      await leaderCall.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      expect(plain(await leaderCall.getByRole('alert').textContent())).toContain(
        'Un collègue travaille déjà ce dossier : prenez le dossier suivant.',
      );
      expect(await db.selectFrom('call_records').select('contact_id').where('case_id', '=', taken).execute()).toEqual(
        [],
      );
      // The leader's workspace shows the case it holds, not the agent's.
      await leader.goto(`${base}/workspace`);
      await waitForPage(leader);
      const current = leader.locator('section', { has: leader.getByRole('heading', { name: 'Dossier en cours' }) });
      expect(await current.locator('a.current-case-link').getAttribute('href')).toBe(`/cases/${leaderCase}`);
      await leader.getByRole('button', { name: 'Rendre le dossier' }).click();
      await leader.getByText(/rendu : il retourne dans la file/).waitFor();

      // The case page: where the file stands, the debtor's local time, the phone permission, the queue entry.
      const standing = agent.locator('section', { has: agent.getByRole('heading', { name: 'Où en est ce dossier' }) });
      await standing.waitFor();
      for (const id of ['standing-procedure', 'standing-next', 'standing-if-no-solution']) {
        expect(plain(await standing.getByTestId(id).textContent()).length).toBeGreaterThan(20);
      }
      const { time_zone: zone } = await db
        .selectFrom('cases')
        .innerJoin('debtor_addresses as a', (join) =>
          join.onRef('a.debtor_id', '=', 'cases.debtor_id').on('a.is_primary', '=', true),
        )
        .select('a.time_zone')
        .where('cases.id', '=', taken)
        .executeTakeFirstOrThrow();
      const debtorHour = new Intl.DateTimeFormat('fr-FR', { timeZone: zone, weekday: 'long', hour: '2-digit' }).format(
        now(),
      );
      expect(plain(await agent.getByTestId('debtor-local-time').textContent())).toMatch(
        new RegExp(`^${debtorHour.replace(/\s*h$/, '')}:\\d\\d$`),
      );
      const contactSection = agent.locator('section', {
        has: agent.getByRole('heading', { name: 'Contact', exact: true }),
      });
      const phoneCard = contactSection.locator('li', { has: agent.getByRole('heading', { name: /^Téléphone/ }) });
      expect(await phoneCard.locator('h3').textContent()).toContain('Possible maintenant');
      const queue = agent.locator('section', { has: agent.getByRole('heading', { name: 'Place dans la file' }) });
      expect(plain(await queue.textContent())).toContain('Camille Martin, jusqu’à');

      // The guided conversation: identity first. Until it is confirmed, the later steps are closed and the page
      // reminds the agent to disclose nothing.
      const call = agent.locator('section', { has: agent.getByRole('heading', { name: 'Conversation guidée' }) });
      expect(plain(await call.locator('.identity-reminder').textContent())).toContain('ne dites rien de la dette');
      expect(await call.getByLabel('Écouter').isDisabled()).toBe(true);
      await expectNoAxeViolations(agent, `/cases/${taken} (before the call)`);
      await shot(agent, 'case-before-call');
      await shotOf(call, 'call-before');

      // O goes to the outcome of the call; B would open the budget.
      await agent.locator('main').focus();
      await agent.keyboard.press('o');
      expect(await agent.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
        'call-outcome',
      );

      await call.getByLabel('Confirmer l’identité').check();
      expect(await call.locator('.identity-reminder').count()).toBe(0);
      // Identity confirmed: the call is a conversation with the debtor.
      expect(await call.getByLabel('J’ai parlé au débiteur (identité confirmée)').isChecked()).toBe(true);
      for (const step of [
        'Écouter',
        'Reformuler',
        'Comprendre la situation',
        'Proposer',
        'Expliquer la procédure',
        'Conclure et confirmer',
      ]) {
        await call.getByLabel(step).check();
      }
      await call.getByLabel('Promesse de paiement').check();
      const { balance_cents: balance } = await db
        .selectFrom('cases')
        .select('balance_cents')
        .where('id', '=', taken)
        .executeTakeFirstOrThrow();
      const promisedCents = Math.min(15_000, balance);
      // Too far off first: the form says which dates are allowed.
      await call.getByLabel('Montant promis (€)').fill(String(promisedCents / 100).replace('.', ','));
      await call.getByLabel('Date du paiement').fill('2027-02-01');
      await call.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      expect(plain(await call.locator('#call-dueOn-error').textContent())).toBe(
        'Choisissez une date entre le 25/11/2026 et le 09/01/2027.',
      );
      await call.getByLabel('Date du paiement').fill('2026-12-02');
      // Letters typed in a field are text, not shortcuts (n, o and b among them).
      await call.getByLabel('Note (facultative)').focus();
      await agent.keyboard.type('Virement bancaire la semaine prochaine, on rappelle si besoin.');
      expect(await call.getByLabel('Note (facultative)').inputValue()).toBe(
        'Virement bancaire la semaine prochaine, on rappelle si besoin.',
      );
      expect(caseIdOf(agent)).toBe(taken);
      expect(plain(await call.locator('#call-note-health').textContent())).toContain('aucun détail de santé');
      await shotOf(call, 'call-filled');
      await call.getByRole('button', { name: 'Enregistrer l’appel' }).click();

      // The server's answer: what it did.
      const recorded = call.locator('.call-recorded');
      await recorded.waitFor();
      expect(plain(await recorded.textContent())).toContain(
        'Appel enregistré : J’ai parlé au débiteur (identité confirmée) — Promesse de paiement',
      );
      expect(await recorded.locator('li[data-action="promise_created"]').count()).toBe(1);
      const promise = await db
        .selectFrom('promises')
        .selectAll()
        .where('case_id', '=', taken)
        .executeTakeFirstOrThrow();
      expect([promise.amount_cents, promise.due_on, promise.status]).toEqual([promisedCents, '2026-12-02', 'open']);
      const callRecord = await db
        .selectFrom('call_records')
        .select(['checklist', 'result'])
        .where('case_id', '=', taken)
        .executeTakeFirstOrThrow();
      expect(callRecord.result).toBe('promise');
      expect(Object.values(callRecord.checklist as Record<string, boolean>).every(Boolean)).toBe(true);
      // The promise in the case's list, and "Dossier suivant" offered.
      const promises = agent.locator('section', { has: agent.getByRole('heading', { name: 'Promesses de paiement' }) });
      await promises.locator('tr[data-promise-status="open"]').waitFor();
      expect(plain(await promises.locator('tbody tr').first().textContent())).toContain('02/12/2026');
      await call.getByRole('button', { name: /^Dossier suivant/ }).waitFor();
      // The call released the case.
      expect(
        (await db.selectFrom('case_queue').select('leased_by').where('case_id', '=', taken).executeTakeFirstOrThrow())
          .leased_by,
      ).toBeNull();
      await expectNoAxeViolations(agent, `/cases/${taken} (call recorded)`);
      await shotOf(call, 'call-recorded');
      await shotOf(promises, 'promises-open');

      // B opens the budget page of the case.
      await agent.locator('main').focus();
      await agent.keyboard.press('b');
      await agent.waitForURL(`${base}/cases/${taken}/budget`);
      await waitForPage(agent);

      // Today's figures count the call.
      await agent.goto(`${base}/workspace`);
      await waitForPage(agent);
      expect(plain(await agent.getByTestId('today-calls').textContent())).toBe('1');
      expect(plain(await agent.getByTestId('today-conversations').textContent())).toBe('1');
      expect(plain(await agent.getByTestId('today-promises').textContent())).toBe('1');
      await shot(agent, 'workspace-after-call');

      // Ten days later (past 2 December and its two days of grace), the sweep finds the promise unpaid.
      jumpedMs = Date.parse('2026-12-05T09:00:00Z') - START;
      frozenAt = now().getTime();
      try {
        await workspaceSweep(fixture.server.deps);
      } finally {
        frozenAt = null;
      }
      const broken = await db
        .selectFrom('promises')
        .select('status')
        .where('id', '=', promise.id)
        .executeTakeFirstOrThrow();
      expect(broken.status).toBe('broken');

      // The session ran out with the jump: sign in again, and read the case.
      await signInWithKeyboard(agent, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await agent.goto(`${base}/cases/${taken}`);
      await waitForPage(agent);
      await promises.locator('tr[data-promise-status="broken"]').waitFor();
      expect(plain(await promises.locator('tr[data-promise-status="broken"]').textContent())).toContain('Non tenue');
      const tasks = agent.locator('section', {
        has: agent.getByRole('heading', { name: 'Tâches de suivi du dossier' }),
      });
      const followUp = tasks.locator('tr[data-task-kind="promise_broken"]');
      await followUp.waitFor();
      expect(plain(await followUp.textContent())).toContain('Promesse non tenue : reprendre contact');
      const queueAfter = agent.locator('section', { has: agent.getByRole('heading', { name: 'Place dans la file' }) });
      expect(plain(await queueAfter.textContent())).toContain('Promesse due ou non tenue');
      await expectNoAxeViolations(agent, `/cases/${taken} (promise broken)`);
      await shot(agent, 'case-promise-broken');
      await shotOf(promises, 'promises-broken');
      await shotOf(tasks, 'tasks-broken');

      // The follow-up is done from the case.
      await followUp.getByRole('button', { name: /^Marquer comme faite/ }).click();
      await agent.getByText('Tâche faite : Promesse non tenue : reprendre contact.').waitFor();
      await tasks.locator('tr[data-task-kind="promise_broken"]', { hasText: 'Faite' }).waitFor();
      const task = await db
        .selectFrom('case_tasks')
        .select(['status', 'done_by'])
        .where('case_id', '=', taken)
        .where('kind', '=', 'promise_broken')
        .executeTakeFirstOrThrow();
      expect(task).toEqual({ status: 'done', done_by: agentId });
    } finally {
      await leaderContext.close();
      await agentContext.close();
    }
  });

  it('a voicemail shows the neutral message; a wrong number is set aside; a promise is cancelled; nothing callable is said in words', async () => {
    // Monday 7 December 2026, 10:00 in Paris.
    jumpedMs = Date.parse('2026-12-07T09:00:00Z') - START;
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const context = await newContext(fixture.browser);
    const agent = await context.newPage();
    try {
      await signInWithKeyboard(agent, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await agent.goto(`${base}/workspace`);
      await waitForPage(agent);
      await agent.getByRole('button', { name: /^Dossier suivant/ }).click();
      await agent.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await waitForPage(agent);
      const first = caseIdOf(agent);
      const call = agent.locator('section', { has: agent.getByRole('heading', { name: 'Conversation guidée' }) });
      await call.waitFor();

      // Voicemail: the message to leave, word for word, names neither the debt nor the creditor.
      await call.getByLabel('Messagerie : message neutre laissé').check();
      const voicemail = plain(await call.locator('.voicemail-script blockquote').textContent());
      expect(voicemail).toContain('Camille');
      const { creditor } = await db
        .selectFrom('cases')
        .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
        .select('creditors.name as creditor')
        .where('cases.id', '=', first)
        .executeTakeFirstOrThrow();
      expect(voicemail).not.toContain(creditor);
      expect(voicemail).not.toMatch(/dette|créance/i);

      // Wrong number: the number dialled, chosen among the debtor's phones, is set aside and a search opens.
      await call.getByLabel('Mauvais numéro').check();
      const select = call.getByLabel('Numéro composé');
      await select.selectOption('');
      await call.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      expect(plain(await call.locator('#call-contactPoint-error').textContent())).toBe('Choisissez le numéro composé.');
      expect(await agent.evaluate(() => document.activeElement?.id)).toBe('call-contact-point');
      const dialled = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(dialled!);
      await call.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      const recorded = call.locator('.call-recorded');
      await recorded.waitFor();
      expect(await recorded.locator('li[data-action="contact_point_flagged"]').count()).toBe(1);
      expect(await recorded.locator('li[data-action="task_created"]').count()).toBe(1);
      const point = await db
        .selectFrom('debtor_contact_points')
        .select('wrong_number_at')
        .where('id', '=', dialled!)
        .executeTakeFirstOrThrow();
      expect(point.wrong_number_at).not.toBeNull();
      const tasks = agent.locator('section', {
        has: agent.getByRole('heading', { name: 'Tâches de suivi du dossier' }),
      });
      await tasks.locator('tr[data-task-kind="trace_contact"]').waitFor();
      await expectNoAxeViolations(agent, `/cases/${first} (wrong number)`);

      // "Dossier suivant" after the call: the next case, where a promise is made, then cancelled.
      await call.getByRole('button', { name: /^Dossier suivant/ }).click();
      await agent.waitForURL((url) => /\/cases\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(first));
      await waitForPage(agent);
      const second = caseIdOf(agent);
      await call.getByLabel('Confirmer l’identité').check();
      await call.getByLabel('Promesse de paiement').check();
      await call.getByLabel('Montant promis (€)').fill('20');
      await call.getByLabel('Date du paiement').fill('2026-12-15');
      await call.getByRole('button', { name: 'Enregistrer l’appel' }).click();
      await call.locator('.call-recorded').waitFor();
      const promises = agent.locator('section', { has: agent.getByRole('heading', { name: 'Promesses de paiement' }) });
      await promises.getByRole('button', { name: 'Annuler la promesse de 20,00 € due le 15/12/2026' }).click();
      await promises.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      expect(plain(await promises.locator('#promise-cancel-reason-error').textContent())).toBe(
        'Écrivez le motif (au moins 3 caractères).',
      );
      await promises.getByLabel('Motif de l’annulation').fill('Le débiteur préfère un plan de paiement.');
      await promises.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      await agent.getByText('Promesse de 20,00 € due le 15/12/2026 annulée.').waitFor();
      await promises.locator('tr[data-promise-status="cancelled"]').waitFor();
      expect(plain(await promises.locator('tr[data-promise-status="cancelled"]').textContent())).toContain(
        'Le débiteur préfère un plan de paiement.',
      );
      const cancelled = await db
        .selectFrom('promises')
        .select(['status', 'cancel_reason'])
        .where('case_id', '=', second)
        .executeTakeFirstOrThrow();
      expect(cancelled).toEqual({ status: 'cancelled', cancel_reason: 'Le débiteur préfère un plan de paiement.' });
      await expectNoAxeViolations(agent, `/cases/${second} (promise cancelled)`);
      await shotOf(promises, 'promises-cancelled');

      // Nothing callable now (every case of the team waits for a later moment): the page says so in words.
      const team = await db
        .selectFrom('teams')
        .select('id')
        .where('name', '=', 'Amiable Lyon')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('case_queue')
        .set({ callable_from: new Date(now().getTime() + 86_400_000) })
        .where('team_id', '=', team.id)
        .where('callable_from', 'is not', null)
        .execute();
      await agent.goto(`${base}/workspace`);
      await waitForPage(agent);
      expect(plain(await agent.getByTestId('callable-now').textContent())).toBe('0');
      expect(plain(await agent.locator('.next-case-card .info').textContent())).toMatch(
        /^Rien à appeler pour l’instant : \d+ dossiers pourront l’être plus tard, quand la politique de contact le permettra\.$/,
      );
      await agent.keyboard.press('n');
      const nothing = agent.locator('.nothing-callable');
      await nothing.waitFor();
      expect(plain(await nothing.textContent())).toMatch(
        /^Aucun dossier ne peut être appelé maintenant\.\d+ dossiers attendent un moment où l’appel sera permis/,
      );
      // When the first case may be called: tomorrow at this time, every entry having been moved a day on.
      expect(plain(await agent.getByTestId('next-callable-at').textContent())).toMatch(
        /^Prochain appel permis : .*\d{2}\/\d{2}\/\d{4}.*\d{2}:\d{2}\.$/,
      );
      // The counts beside say the same as the answer: none now.
      expect(plain(await agent.getByTestId('callable-now').textContent())).toBe('0');
      expect(new URL(agent.url()).pathname).toBe('/workspace');
      await expectNoAxeViolations(agent, '/workspace (nothing callable)');
      await shot(agent, 'workspace-nothing-callable');
    } finally {
      await context.close();
    }
  });
});
