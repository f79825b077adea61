import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { openJudicialProcedure } from '../src/judicial/procedure-steps.js';
import { agencyToday } from '../src/platform/calendar/index.js';
import { expectNoAxeViolations, newContext, screenshot, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the partner API', () => {
  it('the judicial specialist creates a partner’s key, the partner posts a report with it, the specialist applies it on the case', async () => {
    const base = fixture.server.url;
    const deps = fixture.server.deps;
    const db = deps.db;
    const target = await db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select(['cases.id', 'cases.reference'])
      .where('creditors.code', '=', 'BHORIZON')
      .where('cases.status', '=', 'open')
      .where('cases.stage', '=', 'amicable')
      .orderBy('cases.reference')
      .offset(9)
      .executeTakeFirstOrThrow();
    // The review's escalation moves a case to the judicial stage, and the specialist opens its procedure with the
    // partner; the fixture does both through the data and the procedure's service.
    await db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', target.id).execute();
    const specialist = await db
      .selectFrom('users')
      .select(['id', 'display_name', 'email'])
      .where('email', '=', 'judicial@demo.accord.test')
      .executeTakeFirstOrThrow();
    const firm = 'Étude Vidal Commissaires';
    const partner = await db
      .insertInto('judicial_partners')
      .values({
        firm_name: firm,
        kind: 'commissaire_de_justice',
        address: '12 quai Saint-Antoine, 69002 Lyon',
        channel: 'portal',
        area: 'Cour d’appel de Lyon',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = {
      userId: specialist.id,
      role: 'judicial_specialist' as const,
      creditorId: null,
      displayName: specialist.display_name,
      email: specialist.email,
      locale: 'fr' as const,
    };
    const procedure = await openJudicialProcedure(deps, actor, target.id, {
      route: 'injonction_de_payer',
      partnerId: partner.id,
      titleObtainedOn: null,
      note: '',
    });

    const context = await newContext(fixture.browser);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, base, 'judicial@demo.accord.test', DEMO_PASSWORD);
      await page.locator('nav[aria-label] a', { hasText: /^Partenaires judiciaires$/ }).click();
      await page.waitForURL(`${base}/judicial-partners`);
      await waitForPage(page);
      await page.getByRole('button', { name: `Clés d’API de ${firm}` }).click();
      const keys = page.getByRole('region', { name: `Clés d’API de ${firm}` });
      await expect.poll(() => keys.getByText('Aucune clé.').count()).toBe(1);
      await expectNoAxeViolations(page, '/judicial-partners (keys)');
      await keys.getByLabel('Libellé').fill('Logiciel de l’étude');
      await keys.getByRole('button', { name: 'Créer la clé' }).click();
      const shown = keys.getByTestId('partner-key-value');
      await expect.poll(() => shown.count()).toBe(1);
      const key = (await shown.textContent())!;
      expect(key).toMatch(/^acp_[a-z0-9]{8}_/);
      await expect.poll(() => keys.getByText(/ne sera plus jamais affichée/).count()).toBe(1);
      const table = keys.getByRole('table', { name: `Clés d’API de ${firm}` });
      await expect
        .poll(() => table.getByRole('button', { name: 'Révoquer la clé « Logiciel de l’étude »' }).count())
        .toBe(1);
      await expectNoAxeViolations(page, '/judicial-partners (key created)');
      await screenshot(page, 'partner-keys-1366');

      // The partner's software posts a report with the key, as any HTTP client would.
      const posted = await fetch(`${base}/api/partner/v1/procedures/${procedure.id}/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          externalId: 'VIDAL-2026-0042',
          kind: 'step',
          stepKind: 'requete_filed',
          occurredOn: agencyToday(new Date(), deps.config),
          note: 'Requête déposée au greffe du tribunal judiciaire de Lyon.',
        }),
      });
      expect(posted.status).toBe(201);
      const report = (await posted.json()) as { id: string; status: string };
      expect(report.status).toBe('pending');

      await page.goto(`${base}/cases/${target.id}`);
      await waitForPage(page);
      const section = page.getByRole('region', { name: 'Procédure judiciaire' });
      const inbox = section.getByRole('table', { name: 'Comptes rendus du partenaire à traiter' });
      await expect.poll(() => inbox.getByText('Requête en injonction de payer déposée').count()).toBe(1);
      await expectNoAxeViolations(page, '/cases/:id (partner report)');
      await screenshot(page, 'partner-report-1366');
      await inbox.getByRole('button', { name: 'Appliquer : Requête en injonction de payer déposée' }).click();
      await expect.poll(() => section.getByText(/Compte rendu appliqué/).count()).toBe(1);
      await expect.poll(() => inbox.count()).toBe(0);
      const steps = section.getByRole('table', { name: 'Étapes de la procédure' });
      const applied = steps.getByRole('row').filter({ hasText: 'Requête en injonction de payer déposée' });
      await expect.poll(() => applied.getByText('Partenaire').count()).toBe(1);

      const read = await fetch(`${base}/api/partner/v1/reports/${report.id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(((await read.json()) as { status: string }).status).toBe('applied');
    } finally {
      await context.close();
    }
  });
});
