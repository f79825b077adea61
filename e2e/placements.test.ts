import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  expectNoAxeViolations,
  newContext,
  screenshot,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

/** Placements are imported by a background job: this server runs the job worker. */
const fixture = useAccordAndBrowser({ jobs: true });

/** The example file of the intake format with a few bad rows among good ones. */
const FILE_WITH_ERRORS = join(process.cwd(), 'examples/intake/placement-with-errors.csv');

/**
 * Records what the page showed while it changed: the upload progress bar and the import's status line. A small
 * file goes fast, so the test cannot rely on catching each state with a locator; the page itself keeps a log.
 */
async function recordProgress(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const note = (text: string) => {
      if (seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(() => {
      const upload = document.querySelector('#placement-upload-progress');
      if (upload) {
        const label = document.querySelector('label[for="placement-upload-progress"]')?.textContent ?? '';
        note(`upload:${label}:${upload.getAttribute('value')}/${upload.getAttribute('max')}`);
      }
      const status = document.querySelector('#placement-status-line')?.textContent;
      if (status) note(`status:${status}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function placementCases(reference: string, creditorCode: string) {
  return fixture.server.deps.db
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select(['cases.id', 'cases.reference'])
    .where('claims.reference', '=', reference)
    .where('creditors.code', '=', creditorCode)
    .execute();
}

describe('placements', () => {
  let placementId = '';

  it('a manager uploads a file with bad rows, follows the import and reads the report; the new cases can be searched', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    await recordProgress(page);
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Remises de créances' }).click();
      await page.waitForURL(`${base}/placements`);
      await waitForPage(page);
      expect(await page.title()).toBe('Remises de créances – Accord');
      await expectNoAxeViolations(page, '/placements (empty)');

      await page.getByRole('link', { name: 'Déposer un fichier de créances' }).click();
      await page.waitForURL(`${base}/placements/new`);
      await waitForPage(page);

      // Sending nothing names each missing choice next to its field, and puts the focus on the first one.
      await page.getByRole('button', { name: 'Déposer et importer' }).click();
      await page.locator('#placement-creditor-error').waitFor();
      expect(await page.locator('#placement-creditor-error').textContent()).toBe('Choisissez le créancier.');
      expect(await page.locator('#placement-file-error').textContent()).toBe('Choisissez le fichier à déposer.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('placement-creditor');
      expect(await page.getAttribute('#placement-creditor', 'aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, '/placements/new with errors');

      // Everything by keyboard: the creditor, its only mandate in force (chosen for the user), then the file.
      await page.getByLabel('Créancier').selectOption({ label: 'Banque Horizon' });
      await page.locator('#placement-mandate option[value="BH-2026"]').waitFor({ state: 'attached' });
      await page.waitForFunction(
        () => (document.querySelector('#placement-mandate') as HTMLSelectElement | null)?.value === 'BH-2026',
      );
      expect(await page.getByLabel('Mandat').inputValue()).toBe('BH-2026');
      await tabTo(page, '#placement-file');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('placement-file');
      // The field is reached by keyboard. The browser's own file picker is not ours to test, and headless Chromium
      // does not always open it on a key press: the file is set on the focused field.
      await page.setInputFiles('#placement-file', FILE_WITH_ERRORS);
      expect(await page.locator('#placement-file-hint').textContent()).toContain(
        'Fichier choisi : placement-with-errors.csv',
      );
      expect(await page.getAttribute('#placement-file', 'accept')).toContain('.csv,.jsonl,.ndjson');
      await expectNoAxeViolations(page, '/placements/new');
      await screenshot(page, 'placement-upload');

      // The import is held back until the page has shown the file as received: a small file is imported faster than
      // the page loads, and the waiting state must be seen on any machine. Then it goes to the real worker.
      const jobs = fixture.server.deps.jobs!;
      const held: Array<() => Promise<unknown>> = [];
      fixture.server.deps.jobs = {
        send: async (name, data) => {
          held.push(() => jobs.send(name, data));
          return null;
        },
      };
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
      placementId = page.url().split('/').pop()!;
      await page.locator('#placement-status-line').filter({ hasText: 'Fichier reçu' }).waitFor();
      fixture.server.deps.jobs = jobs;
      expect(held).toHaveLength(1);
      await held[0]!();

      // The report: counts in plain words, and each bad row named by its line and column.
      const statusLine = page.locator('#placement-status-line');
      await statusLine.filter({ hasText: 'Terminée' }).waitFor();
      await page.getByRole('heading', { name: 'Lignes rejetées' }).waitFor();
      await page.locator('.errors-table tbody tr').first().waitFor();
      const summary = (await statusLine.textContent()) ?? '';
      expect(summary).toMatch(/^Terminée : \d+ créances? créées?, \d+ mises? à jour, \d+ lignes? rejetées?\.$/);

      // While it went: the upload's labelled progress bar, then the import waiting or running, then the report.
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(seen.some((entry) => entry.startsWith('upload:Envoi du fichier:'))).toBe(true);
      const firstStatus = seen.findIndex((entry) => /^status:(Fichier reçu|Import en cours)/.test(entry));
      const finalStatus = seen.findIndex((entry) => entry.startsWith('status:Terminée'));
      expect(firstStatus, seen.join('\n')).toBeGreaterThanOrEqual(0);
      expect(finalStatus).toBeGreaterThan(firstStatus);

      const placement = await fixture.server.deps.db
        .selectFrom('placements')
        .select(['status', 'rows_total', 'rows_rejected', 'claims_created', 'claims_updated'])
        .where('id', '=', placementId)
        .executeTakeFirstOrThrow();
      expect(placement.status).toBe('completed');
      expect(placement.rows_rejected).toBeGreaterThan(0);
      expect(placement.claims_created).toBeGreaterThan(0);
      expect(summary).toContain(`${placement.claims_created} créance`);
      expect(summary).toContain(`${placement.rows_rejected} ligne`);
      const report =
        (await page.locator('section', { has: page.getByRole('heading', { name: 'Compte rendu' }) }).textContent()) ??
        '';
      expect(report).toContain(`${placement.rows_total} lignes lues dans le fichier.`);
      expect(report).toContain('Les lignes rejetées n’ont pas été importées');
      expect(report).toMatch(/\d+ nouveaux? débiteurs?/);
      expect(report).toMatch(/\d+ dossiers? ouverts?/);

      const rows = await page
        .locator('.errors-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent?.trim() ?? '')));
      const stored = await fixture.server.deps.db
        .selectFrom('placement_errors')
        .select(['line', 'column_name', 'code'])
        .where('placement_id', '=', placementId)
        .orderBy('line')
        .execute();
      expect(rows.length).toBe(stored.length);
      // Line 3 (Paul, no last name, an amount with three decimals) and line 5 (a four-digit postal code).
      expect(rows).toContainEqual(['3', 'last_name', '(vide)', 'Valeur obligatoire manquante : renseignez-la.']);
      expect(rows.find(([line, column]) => line === '3' && column === 'principal')?.[2]).toBe('12,345');
      expect(rows.find(([line, column]) => line === '5' && column === 'postal_code')?.[3]).toContain(
        'Code postal invalide',
      );
      // Every row of the table is in French: no server (English) message where the code has a translation.
      expect(await page.locator('.errors-table td[lang="en"]').count()).toBe(0);
      await expectNoAxeViolations(page, '/placements/:id report');
      await screenshot(page, 'placement-report');

      // The list shows it with its status and result.
      await page.getByRole('link', { name: 'Retour aux remises' }).click();
      await page.waitForURL(`${base}/placements`);
      await waitForPage(page);
      const listed = page.locator('tbody tr', { hasText: 'placement-with-errors.csv' });
      expect(await listed.count()).toBe(1);
      expect(await listed.textContent()).toContain('Terminée');
      expect(await listed.textContent()).toContain('Banque Horizon');
      expect(await listed.textContent()).toMatch(/\d+ créances? créées?, \d+ mises? à jour, \d+ lignes? rejetées?/);
      await expectNoAxeViolations(page, '/placements');
      await screenshot(page, 'placements');

      // The new cases are in the Cases search: the claim of line 13 (Jules Mercier) by its exact reference.
      const [created] = await placementCases('LOY-2024-1010', 'BHORIZON');
      expect(created).toBeDefined();
      await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
      await page.waitForURL(`${base}/cases`);
      await waitForPage(page);
      await page.getByLabel('Nom, référence dossier ou créance').fill('LOY-2024-1010');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'LOY-2024-1010');
      await waitForPage(page);
      const found = page.locator('tbody tr');
      expect(await found.count()).toBe(1);
      expect(await found.textContent()).toContain(created!.reference);
      expect(await found.textContent()).toContain('Banque Horizon');
      expect((await found.textContent())?.toUpperCase()).toContain('MERCIER');
    } finally {
      await context.close();
    }
  });

  it('the creditor user of Énergie Rhône neither lists nor opens a Banque Horizon placement', async () => {
    expect(placementId).not.toBe('');
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'creditor.energie@demo.accord.test', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Remises de créances' }).click();
      await page.waitForURL(`${base}/placements`);
      await waitForPage(page);
      expect(await page.locator('main').textContent()).not.toContain('placement-with-errors.csv');
      expect(await page.locator('.result-count').textContent()).toBe('Aucune remise dans votre périmètre.');

      await page.goto(`${base}/placements/${placementId}`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Introuvable');
      expect(await alert.textContent()).toContain('Cette remise n’existe pas, ou vous n’avez pas le droit de la voir.');
      expect(await page.locator('main').textContent()).not.toContain('Banque Horizon');

      // Its upload form offers its own creditor only, already chosen, with its mandate.
      await page.goto(`${base}/placements/new`);
      await waitForPage(page);
      expect(await page.locator('#placement-creditor option').allTextContents()).toEqual(['Énergie Rhône']);
      await page.waitForFunction(
        () => (document.querySelector('#placement-mandate') as HTMLSelectElement | null)?.value === 'ER-2026',
      );
    } finally {
      await context.close();
    }
  });

  it('a file refused by a mandate that rejects files with errors imports nothing, and says why', async () => {
    // Telco Alpi's mandate refuses a file as soon as one row is bad.
    await fixture.server.deps.db
      .updateTable('mandates')
      .set({ reject_file_on_error: true })
      .where('code', '=', 'TA-2026')
      .execute();
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/placements/new`);
      await waitForPage(page);
      await page.getByLabel('Créancier').selectOption({ label: 'Telco Alpi' });
      await page.waitForFunction(
        () => (document.querySelector('#placement-mandate') as HTMLSelectElement | null)?.value === 'TA-2026',
      );
      await page.setInputFiles('#placement-file', FILE_WITH_ERRORS);
      await page.getByRole('button', { name: 'Déposer et importer' }).click();
      await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);

      const statusLine = page.locator('#placement-status-line');
      await statusLine.filter({ hasText: 'Refusée' }).waitFor();
      expect(await statusLine.textContent()).toMatch(/^Refusée : rien n’a été importé \(\d+ lignes rejetées\)\.$/);
      const explanation = page.locator('.outcome-bad');
      await explanation.filter({ hasText: 'TA-2026' }).waitFor();
      expect(await explanation.textContent()).toBe(
        'Rien n’a été importé : le mandat TA-2026 refuse les fichiers qui contiennent des erreurs, et celui-ci en contient. Corrigez les lignes ci-dessous, puis déposez de nouveau le fichier complet.',
      );
      await page.locator('.errors-table tbody tr').first().waitFor();
      expect(await placementCases('LOY-2024-1010', 'TELCOALPI')).toEqual([]);
      await expectNoAxeViolations(page, '/placements/:id rejected');
      await screenshot(page, 'placement-rejected');
    } finally {
      await context.close();
    }
  });

  it('the creditor user of Banque Horizon uploads a file whose header is wrong: refused whole, the header named', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'creditor@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/placements/new`);
      await waitForPage(page);
      // Its own creditor and mandate are already chosen.
      expect(await page.locator('#placement-creditor option').allTextContents()).toEqual(['Banque Horizon']);
      await page.waitForFunction(
        () => (document.querySelector('#placement-mandate') as HTMLSelectElement | null)?.value === 'BH-2026',
      );

      // A file of another kind is refused before anything is sent.
      await page.setInputFiles('#placement-file', {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('hello'),
      });
      await page.getByRole('button', { name: 'Déposer et importer' }).click();
      await page.locator('#placement-file-error').waitFor();
      expect(await page.locator('#placement-file-error').textContent()).toBe(
        '«\u00a0notes.txt\u00a0» n’est ni un fichier .csv ni un fichier .jsonl ou .ndjson : enregistrez-le dans l’un de ces formats.',
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('placement-file');

      // A file over the server's upload limit is refused with a message in French.
      const config = fixture.server.deps.config as { UPLOAD_LIMIT_BYTES: number };
      const limit = config.UPLOAD_LIMIT_BYTES;
      config.UPLOAD_LIMIT_BYTES = 4096;
      try {
        await page.setInputFiles('#placement-file', {
          name: 'trop-gros.csv',
          mimeType: 'text/csv',
          buffer: Buffer.alloc(64 * 1024, 'a'),
        });
        await page.getByRole('button', { name: 'Déposer et importer' }).click();
        const refused = page.getByRole('alert').filter({ hasText: 'Dépôt impossible' });
        await refused.waitFor();
        expect(await refused.textContent()).toContain(
          'Les données envoyées dépassent la taille acceptée. Pour un fichier de créances, découpez-le en plusieurs remises.',
        );
        expect(page.url()).toBe(`${base}/placements/new`);
      } finally {
        config.UPLOAD_LIMIT_BYTES = limit;
      }

      const header = 'debtor_reference;prenom;nom;claim_reference';
      await page.setInputFiles('#placement-file', {
        name: 'entete.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header}\nA-1;Marie;Curie;C-1\n`),
      });
      await page.getByRole('button', { name: 'Déposer et importer' }).click();
      await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
      const statusLine = page.locator('#placement-status-line');
      await statusLine.filter({ hasText: 'Refusée' }).waitFor();
      expect(await statusLine.textContent()).toBe('Refusée : rien n’a été importé.');
      expect(await page.locator('.outcome-bad').textContent()).toContain('le fichier lui-même est refusé');
      await page.getByRole('heading', { name: 'Problèmes du fichier' }).waitFor();
      await page.locator('.errors-table tbody tr').first().waitFor();
      const rows = await page
        .locator('.errors-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent?.trim() ?? '')));
      expect(rows).toContainEqual([
        '1',
        'prenom, nom',
        '(vide)',
        'L’en-tête contient des colonnes inconnues : renommez-les ou retirez-les (voir la liste des colonnes du format).',
      ]);
      expect(
        rows.some(
          ([line, columns, , problem]) =>
            line === '1' &&
            columns?.includes('first_name') &&
            problem?.startsWith('Des colonnes obligatoires manquent'),
        ),
      ).toBe(true);
      await expectNoAxeViolations(page, '/placements/:id file refused');
    } finally {
      await context.close();
    }
  });

  it('a large file shows its upload progress, announced at each quarter, and a clean report', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const announced: string[] = [];
      (window as unknown as { announced: string[] }).announced = announced;
      new MutationObserver(() => {
        const text = document.querySelector('.upload-progress [role="status"]')?.textContent;
        if (text && announced[announced.length - 1] !== text) announced.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    // 3,000 good rows (about 300 kB), sent over a slowed-down upload link so the progress can be seen.
    const header =
      'debtor_reference;first_name;last_name;address_line1;postal_code;city;claim_reference;contract_type;principal;default_date';
    const lines = [header];
    for (let i = 1; i <= 3000; i++) {
      lines.push(
        `GRAND-${i};Camille;Grandjean${i % 50};${i} rue de la Paix;75002;Paris;GRAND-CLAIM-${i};consumer_credit;${100 + (i % 900)},00;01/03/2025`,
      );
    }
    const file = { name: 'grand-fichier.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      await page.goto(`${base}/placements/new`);
      await waitForPage(page);
      await page.getByLabel('Créancier').selectOption({ label: 'Banque Horizon' });
      await page.waitForFunction(
        () => (document.querySelector('#placement-mandate') as HTMLSelectElement | null)?.value === 'BH-2026',
      );
      await page.setInputFiles('#placement-file', file);

      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 100_000,
      });
      await page.getByRole('button', { name: 'Déposer et importer' }).click();

      // Mid-way: the labelled bar shows the share sent, the form is busy and offers to cancel.
      await page.waitForFunction(() => {
        const bar = document.querySelector('#placement-upload-progress') as HTMLProgressElement | null;
        return bar !== null && bar.value / bar.max > 0.3 && bar.value / bar.max < 0.8;
      });
      expect(await page.getByLabel('Envoi du fichier').count()).toBe(1);
      expect(await page.locator('#placement-upload-progress-text').textContent()).toMatch(
        /^Envoi du fichier : \d+\s% \(.+ sur .+\)\.$/,
      );
      expect(await page.getByRole('button', { name: 'Annuler l’envoi' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Envoi en cours…' }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page, '/placements/new uploading');
      await screenshot(page, 'placement-uploading');

      await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
      // Polite announcements at the quarters only, not at every progress event: from 0 to 100 %, each one further on.
      // A quarter may go unsaid when the page was busy as the upload crossed it (the axe check above runs during the
      // upload and held the main thread past 50 % once, on a loaded machine): then the next quarter is announced.
      const percents = announced.map((text) => Number(/(\d+)\s%/.exec(text)?.[1]));
      expect(percents[0]).toBe(0);
      expect(percents[percents.length - 1]).toBe(100);
      expect(percents.every((percent) => percent % 25 === 0)).toBe(true);
      expect(percents.every((percent, i) => i === 0 || percent > percents[i - 1]!)).toBe(true);
      expect(percents.length).toBeGreaterThanOrEqual(3);

      const statusLine = page.locator('#placement-status-line');
      await statusLine.filter({ hasText: 'Terminée' }).waitFor();
      // French groups thousands with a narrow no-break space.
      expect(await statusLine.textContent()).toBe(
        'Terminée : 3\u202f000 créances créées, 0 mise à jour, 0 ligne rejetée.',
      );
      expect(await page.locator('main').textContent()).toContain('Toutes les lignes ont été importées.');
      expect(await page.getByRole('heading', { name: 'Lignes rejetées' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
