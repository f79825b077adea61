import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { addDays, agencyToday, isBusinessDay } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('call quality and coaching', () => {
  it('the team leader reviews a sampled call and writes a coaching note; the agent acknowledges both', async () => {
    const base = fixture.server.url;
    const db = fixture.server.deps.db;
    const agent = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'agent@demo.accord.test')
      .executeTakeFirstOrThrow();
    // A call of the agent a minute ago, which the debtor rated 1 out of 5: this month's sample holds it, flagged.
    const model = await db
      .selectFrom('contacts as c')
      .innerJoin('cases as k', 'k.id', 'c.case_id')
      .selectAll('c')
      .select('k.creditor_id')
      .where('c.recorded_by', '=', agent.id)
      .where('c.channel', '=', 'phone')
      .where('c.conversation', '=', true)
      .orderBy('k.reference')
      .executeTakeFirstOrThrow();
    const at = new Date(Date.now() - 60_000);
    const { id: _id, creditor_id, ...copy } = model;
    const call = await db
      .insertInto('contacts')
      .values({ ...copy, decision: JSON.stringify(copy.decision), occurred_at: at, recorded_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invitation = randomUUID();
    await db
      .insertInto('satisfaction_invitations')
      .values({
        id: invitation,
        debtor_id: model.debtor_id,
        case_id: model.case_id,
        creditor_id,
        interaction_kind: 'call',
        interaction_id: call.id,
        interaction_at: at,
        agent_id: agent.id,
        channel: 'email',
        token_sha256: createHash('sha256').update(invitation).digest('hex'),
        language: 'fr',
        sent_at: at,
        expires_at: new Date(at.getTime() + 14 * 86_400_000),
        answered_at: at,
      })
      .execute();
    await db
      .insertInto('satisfaction_answers')
      .values({ invitation_id: invitation, score: 1, answered_at: at })
      .execute();
    const reference = (
      await db.selectFrom('cases').select('reference').where('id', '=', model.case_id).executeTakeFirstOrThrow()
    ).reference;
    let followUp = addDays(agencyToday(new Date(), fixture.server.deps.config), 10);
    while (!isBusinessDay(followUp, { country: 'FR', region: null })) followUp = addDays(followUp, 1);

    const leaderContext = await newContext(fixture.browser);
    try {
      const page = await leaderContext.newPage();
      await signInWithKeyboard(page, base, 'team.leader@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Qualité des appels', exact: true }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Qualité des appels', level: 1 }).count()).toBe(1);
      const card = page.getByRole('article', { name: /Camille Martin/ });
      const row = card.getByRole('row').filter({ hasText: 'Note basse du débiteur' }).filter({ hasText: reference });
      await expect.poll(() => row.count()).toBe(1);
      // The trends' table is there beside the chart, which arrives with the chart library.
      await expect
        .poll(() => page.getByRole('table', { name: 'Score d’écoute et satisfaction par mois' }).count())
        .toBe(1);
      await expect
        .poll(() =>
          page
            .getByRole('img', { name: /Score d’écoute moyen/ })
            .locator('svg')
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page, '/quality (team leader)');
      await screenshot(page, 'quality-team-leader-1366');

      await row.getByRole('button').click();
      const form = page.getByRole('form', { name: /Évaluation de l’appel/ });
      await expect.poll(() => form.count()).toBe(1);
      for (const select of await form.locator('select').all()) {
        const values = await select
          .locator('option:not([disabled])')
          .evaluateAll((options) =>
            options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== 'na'),
          );
        await select.selectOption(values[values.length - 1]!);
      }
      await form.getByLabel('Notes').fill('Très bonne écoute, résumé final complet.');
      await expectNoAxeViolations(page, '/quality (review form)');
      await form.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await expect.poll(() => row.filter({ hasText: 'pas encore lue' }).count()).toBe(1);
      await expect.poll(() => row.filter({ hasText: '100' }).count()).toBe(1);

      await card.getByRole('button', { name: 'Nouvelle note d’accompagnement' }).click();
      const coaching = page.getByRole('form', { name: 'Note d’accompagnement pour Camille Martin' });
      await coaching
        .getByLabel('Actions convenues (une par ligne)')
        .fill('Garder cette qualité de résumé\nVérifier l’identité en premier');
      await coaching.getByLabel('Date de suivi').fill(followUp);
      await coaching.getByRole('button', { name: 'Enregistrer la note' }).click();
      await expect.poll(() => card.getByText('Garder cette qualité de résumé').count()).toBe(1);
    } finally {
      await leaderContext.close();
    }

    const agentContext = await newContext(fixture.browser);
    try {
      const page = await agentContext.newPage();
      await signInWithKeyboard(page, base, 'agent@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Qualité des appels', exact: true }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Mes évaluations', level: 2 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/quality (agent)');
      const review = page.getByRole('article', { name: new RegExp(`dossier ${reference}.*Note basse du débiteur`) });
      await expect.poll(() => review.count()).toBe(1);
      await review.getByRole('button', { name: 'J’ai pris connaissance de cette évaluation' }).click();
      await expect.poll(() => review.getByText(/^Lue le/).count()).toBe(1);
      const note = page.locator('.coaching-note').filter({ hasText: 'Garder cette qualité de résumé' });
      await note.getByRole('button', { name: 'J’ai pris connaissance de cette note' }).click();
      await expect.poll(() => note.getByText(/^Lue le/).count()).toBe(1);
      await screenshot(page, 'quality-agent-1366');
    } finally {
      await agentContext.close();
    }
    const stored = await db
      .selectFrom('quality_reviews')
      .select(['acknowledged_at', 'sample_reason', 'score_bp'])
      .where('contact_id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ sample_reason: 'low_csat', score_bp: 10_000 });
    expect(stored.acknowledged_at).not.toBeNull();
  });

  it('the compliance officer writes a new version of the listening grid by keyboard: errors on their fields, then published', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'compliance@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Grille d’écoute', exact: true }).first().click();
      await waitForPage(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Grille d’écoute', level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'Écrire la version 2', level: 2 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/quality/grid');
      await screenshot(page, 'quality-grid-1366');

      // The eighth criterion moved up by keyboard: the focus stays on what moved.
      const last = page.getByRole('button', { name: /^Monter le critère 8 / });
      await last.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/critère 7 /);
      // A new criterion, left empty: the errors land on its fields, and the summary says how many.
      await page.getByRole('button', { name: 'Ajouter un critère' }).click();
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id ?? ''))
        .toMatch(/-id$/);
      await page.keyboard.type('Reformulated');
      await page.getByRole('button', { name: 'Publier la version 2' }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'champs à corriger' }).count()).toBe(1);
      const identifier = page.getByLabel('Identifiant').last();
      expect(await identifier.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.getByText('Le libellé du critère 9 est à écrire.').count()).toBe(3);
      await expectNoAxeViolations(page, '/quality/grid (errors)');
      await screenshot(page, 'quality-grid-errors-1366', { fullPage: false });

      await identifier.fill('asked_consent');
      for (const [language, label] of [
        ['français', 'Consentement demandé'],
        ['anglais', 'Consent asked'],
        ['italien', 'Consenso chiesto'],
      ] as const) {
        await page.getByLabel(`Libellé en ${language}`).last().fill(label);
        await page
          .getByLabel(`Consignes en ${language} (ce que vaut chaque point)`)
          .last()
          .fill(`${label} : 0 non, 3 oui.`);
      }
      // The shipped "proposed within capacity" criterion removed.
      await page.getByRole('button', { name: /^Retirer le critère 5 / }).click();
      await page.getByRole('button', { name: 'Publier la version 2' }).click();
      await expect.poll(() => page.getByText(/^Version 2 publiée/).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { name: 'Écrire la version 3', level: 2 }).count()).toBe(1);
      await expectNoAxeViolations(page, '/quality/grid (published)');
    } finally {
      await context.close();
    }
    const stored = await fixture.server.deps.db
      .selectFrom('quality_grid_versions')
      .select(['version', 'criteria'])
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    const ids = (stored.criteria as { id: string }[]).map((criterion) => criterion.id);
    expect(ids).toHaveLength(8);
    expect(ids.at(-1)).toBe('asked_consent');
    expect(ids).not.toContain('proposed_within_capacity');
  });
});
