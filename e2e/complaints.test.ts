import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('a complaint, from the agent who hears it to the compliance officer who answers it', () => {
  it('an agent registers a complaint with its deadlines; the compliance officer acknowledges it and refuses it with the mediator; axe on each page', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    // An amicable Énergie Rhône case with no complaint yet, away from the cases other tests take.
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'ENERHONE')
      .where('cases.status', '=', 'open')
      .where('cases.stage', '=', 'amicable')
      .where(({ exists, not, selectFrom }) =>
        not(exists(selectFrom('complaints').select('complaints.id').whereRef('complaints.case_id', '=', 'cases.id'))),
      )
      .orderBy('cases.reference')
      .offset(25)
      .executeTakeFirstOrThrow();

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Réclamations' });
      await expect.poll(() => section.getByText('Aucune réclamation sur ce dossier.').count()).toBe(1);
      await section.getByLabel('Canal').selectOption('letter');
      await section.getByLabel('Objet', { exact: true }).selectOption('agent_conduct');
      await section
        .getByLabel('Ce que la personne exprime')
        .fill('Le débiteur écrit que l’agent a haussé le ton au téléphone et demande un autre interlocuteur.');
      await section.getByRole('button', { name: 'Enregistrer la réclamation' }).click();
      await expect
        .poll(() => section.getByText(/enregistrée : accusé de réception dû le .*, réponse due le /).count())
        .toBe(1);
      await expect.poll(() => section.getByText('Comportement d’un agent').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id complaints (agent)');
    } finally {
      await agentContext.close();
    }
    const complaint = await db
      .selectFrom('complaints')
      .select(['id', 'reference', 'acknowledge_by', 'answer_by', 'status'])
      .where('case_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(complaint.status).toBe('received');
    expect(complaint.acknowledge_by < complaint.answer_by).toBe(true);

    const complianceContext = await newContext(fixture.browser);
    try {
      const page = await complianceContext.newPage();
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/complaints`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Réclamations', level: 1 }).count()).toBe(1);
      // The register counts what is late or due soon above the table.
      await expect.poll(() => page.getByText(/\d+ en retard, \d+ à échéance proche/).count()).toBe(1);
      await expectNoAxeViolations(page, '/complaints (compliance officer)');

      await page.getByRole('button', { name: `Accuser réception de ${complaint.reference}` }).click();
      await expect.poll(() => page.getByText(`Réception de ${complaint.reference} accusée.`).count()).toBe(1);
      // Answered from the case page: the form leaves once sent, the section keeps its confirmation.
      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Réclamations' });
      await section.getByRole('button', { name: `Répondre à ${complaint.reference}` }).click();
      const form = section.getByRole('form', { name: `Répondre à ${complaint.reference}` });
      await form.getByLabel('Issue').selectOption('refused');
      await form.getByLabel('Cause').selectOption('no_fault');
      await form
        .getByLabel('Réponse', { exact: true })
        .fill(
          'L’écoute de l’appel ne montre pas de propos déplacés ; un autre conseiller suivra désormais le dossier.',
        );
      await form.getByLabel('Mesures prises').fill('Le dossier est confié à un autre conseiller.');
      await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await expect.poll(() => form.count()).toBe(0);
      const confirmation = section
        .getByRole('status')
        .filter({ hasText: `Réponse à ${complaint.reference} enregistrée.` });
      await expect.poll(() => confirmation.count()).toBe(1);
      expect(await confirmation.getAttribute('aria-live')).toBe('polite');
      await expect.poll(() => section.getByText(/Médiateur indiqué : /).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/cases/:id complaints (answered by the compliance officer)');
      // Answered, it leaves the open complaints; the whole register shows it with the mediator a refusal names.
      await page.goto(`${base}/complaints`);
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Réclamations', level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('button', { name: `Répondre à ${complaint.reference}` }).count()).toBe(0);
      await page.getByLabel('Statut').selectOption('');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await expect.poll(() => page.getByText(/Médiateur indiqué : /).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, '/complaints (answered)');
      await screenshot(page, 'complaints-register-1366');
    } finally {
      await complianceContext.close();
    }

    const answered = await db
      .selectFrom('complaints')
      .select(['status', 'outcome', 'root_cause', 'mediator'])
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(answered).toMatchObject({ status: 'answered', outcome: 'refused', root_cause: 'no_fault' });
    expect(answered.mediator).not.toBeNull();
  });
});
