import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../src/contact-policy/core/default-policy.js';
import { holidayCalendar } from '../src/contact-policy/core/holidays.js';
import { fromLocal, isoDateOf, toLocal, TIME } from '../src/platform/calendar/index.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import {
  axeViolations,
  describeViolations,
  newContext,
  screenshot,
  signInWithKeyboard,
  tabTo,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  const report = describeViolations(where, violations);
  if (violations.length > 0) console.log(report);
  expect(violations, report).toEqual([]);
}

/** Signs in by keyboard and opens the policy from the menu. */
async function openPolicyFromMenu(page: Page, email: string) {
  const base = fixture.server.url;
  await signInWithKeyboard(page, base, email, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Politique de contact' }).click();
  await page.waitForURL(`${base}/contact-policy`);
  await waitForPage(page);
}

/** The latest Tuesday to Friday, at least two days ago, that is no public holiday in metropolitan France. */
function recentWorkingDay(now: number): number {
  const calendar = holidayCalendar(DEFAULT_POLICY.holidays);
  let day = toLocal('Europe/Paris', now).dayNumber - 2;
  for (;;) {
    const weekday = new Date(`${isoDateOf(day)}T12:00:00Z`).getUTCDay();
    if (weekday >= 2 && weekday <= 5 && !calendar.isHoliday('FR', '69', day)) return day;
    day -= 1;
  }
}

describe('the contact policy pages', () => {
  let example: { caseId: string; reference: string };

  beforeAll(async () => {
    // Two calls to one debtor on one working day, 10:00 and 15:00 in Paris: allowed by the default policy (at most
    // two a day), refused by a draft that allows one. The debtor has no other recent contact, hold or preference.
    const db = fixture.server.deps.db;
    const now = Date.now();
    const day = recentWorkingDay(now);
    const chosen = await db
      .selectFrom('cases as k')
      .innerJoin('debtor_addresses as a', (join) =>
        join.onRef('a.debtor_id', '=', 'k.debtor_id').on('a.is_primary', '=', true),
      )
      .select(['k.id', 'k.reference', 'k.debtor_id'])
      .where('k.status', '=', 'open')
      .where('a.country', '=', 'FR')
      .where('a.subdivision', 'not in', ['57', '67', '68', '971', '972', '973', '974', '976'])
      .where('k.first_letter_sent_on', '<', isoDateOf(day - 1))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contacts as c')
              .select('c.id')
              .whereRef('c.debtor_id', '=', 'k.debtor_id')
              .where('c.occurred_at', '>', new Date(now - 40 * TIME.DAY_MS)),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('holds as h').select('h.id').whereRef('h.debtor_id', '=', 'k.debtor_id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('contact_opt_outs as o').select('o.debtor_id').whereRef('o.debtor_id', '=', 'k.debtor_id')),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contact_preferences as p').select('p.debtor_id').whereRef('p.debtor_id', '=', 'k.debtor_id'),
          ),
        ),
      )
      .where(sql<boolean>`(select count(*) from cases other where other.debtor_id = k.debtor_id) = 1`)
      .orderBy('k.reference')
      .limit(1)
      .executeTakeFirstOrThrow();
    for (const hour of [10, 15]) {
      const at = new Date(fromLocal('Europe/Paris', day, hour * 60));
      await db
        .insertInto('contacts')
        .values({
          debtor_id: chosen.debtor_id,
          case_id: chosen.id,
          channel: 'phone',
          direction: 'outbound',
          outcome: 'no_answer',
          conversation: false,
          occurred_at: at,
          recorded_at: at,
          policy_version: 1,
          decision: JSON.stringify({ allowed: true }),
        })
        .execute();
    }
    example = { caseId: chosen.id, reference: chosen.reference };
  });

  it('a compliance officer reads the policy, drafts a stricter phone cap, sees the diff, simulates it and publishes it', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openPolicyFromMenu(page, 'compliance@demo.accord.test');
      expect(await page.title()).toBe('Politique de contact – Accord');
      // Readable rules, not JSON: each with its basis and source.
      const monday = page.locator('li[data-rule="hours.FR.mon"]');
      expect(await monday.textContent()).toBe(
        'France, lundi : contact de 09:00–20:00. Choix de l’agence Source : C. conso D223-9 (référence indicative)',
      );
      const cap = page.locator('li[data-rule="cap.phone.attempts.day"]');
      expect(await cap.textContent()).toContain('Au plus 2 contacts sortants par jour (heure locale) par : téléphone.');
      expect(await page.locator('li[data-rule="hold.overindebtedness_admissible"]').textContent()).toContain(
        'Surendettement recevable : arrête téléphone, SMS, e-mail, courrier ; au plus 730 jours.',
      );
      expect(await page.locator('main').textContent()).toContain('Version 1, en vigueur depuis le');
      await expectNoAxeViolations(page, '/contact-policy');
      await screenshot(page, 'contact-policy');

      // A draft from the version in force, by keyboard.
      await tabTo(page, 'button.button.primary', 40);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Créer un brouillon à partir de la version en vigueur',
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/contact-policy/draft`);
      await waitForPage(page);
      expect(await page.title()).toBe('Brouillon de la politique de contact – Accord');
      expect(await page.locator('#draft-diff-heading + p').textContent()).toBe(
        'Aucune différence : ce document se lit comme la version en vigueur.',
      );

      // The phone daily cap goes from 2 to 1: the diff says it in words.
      await page
        .getByLabel('Maximum : contacts sortants par téléphone, par jour (heure locale)', { exact: true })
        .fill('1');
      await page.locator('#draft-status').filter({ hasText: 'Modifications non enregistrées.' }).waitFor();
      const changed = page.locator('.policy-diff li[data-rule="cap.phone.attempts.day"]');
      expect(await changed.locator('.diff-before').textContent()).toContain(
        'Avant : Au plus 2 contacts sortants par jour (heure locale) par : téléphone.',
      );
      expect(await changed.locator('.diff-after').textContent()).toContain(
        'Après : Au plus 1 contact sortant par jour (heure locale) par : téléphone.',
      );
      expect(await page.locator('.policy-diff .result-count').textContent()).toBe(
        '1 modifiée(s), 0 ajoutée(s), 0 retirée(s)',
      );
      // A wrong figure is refused where it is typed, and the draft cannot be saved meanwhile.
      await page.getByLabel('France, lundi').fill('9h-20h');
      expect(await page.locator('#hours-FR-mon-error').textContent()).toBe(
        'Écrivez des plages comme 09:00-20:00, séparées par des virgules.',
      );
      expect(await page.getByRole('button', { name: 'Enregistrer le brouillon' }).isDisabled()).toBe(true);
      await page.getByLabel('France, lundi').fill('09:00-20:00');
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await page.locator('#draft-status').filter({ hasText: 'Brouillon enregistré.' }).waitFor();

      // The advanced view: an invalid document is refused with each issue by its path; nothing is saved.
      await page.getByText('Vue avancée : le document JSON').click();
      const json = JSON.parse(
        await page.getByLabel('Document JSON du brouillon').inputValue(),
      ) as typeof DEFAULT_POLICY;
      expect(json.caps[0]!.max).toBe(1);
      await page
        .getByLabel('Document JSON du brouillon')
        .fill(JSON.stringify({ ...json, caps: [{ ...json.caps[0], max: -1 }, ...json.caps.slice(1)] }));
      await page.getByRole('button', { name: 'Enregistrer le JSON' }).click();
      const refusal = page.locator('.json-editor .problem');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Le document de la politique n’est pas valable');
      expect(await refusal.textContent()).toContain('caps.0.max:');
      await expectNoAxeViolations(page, '/contact-policy/draft');
      await page.reload();
      await waitForPage(page);
      expect(
        await page
          .getByLabel('Maximum : contacts sortants par téléphone, par jour (heure locale)', { exact: true })
          .inputValue(),
      ).toBe('1');

      // The simulator: the two calls of the chosen day, the second now refused by the daily cap.
      await page.getByLabel('Nombre de jours à rejouer').fill('30');
      await page.getByRole('button', { name: 'Lancer la simulation' }).click();
      const row = page.locator('tr[data-rule="cap.phone.attempts.day"]');
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
      expect(cells[1]).toBe('0');
      expect(await row.locator('th').textContent()).toBe(
        'Au plus 1 contact sortant par jour (heure locale) par : téléphone.',
      );
      const link = row.getByRole('link', { name: new RegExp(`dossier ${example.reference}$`) });
      expect(await link.getAttribute('href')).toBe(`/cases/${example.caseId}`);
      expect(await link.textContent()).toMatch(/^Téléphone, le .+ 15:00 — dossier /);
      expect(await page.locator('.simulation .figures').textContent()).toMatch(
        /Refusés par le brouillon, permis alors[1-9]/,
      );
      await expectNoAxeViolations(page, '/contact-policy/draft simulated');
      await screenshot(page, 'contact-policy-draft');

      // Publish from tomorrow 08:00, after a confirmation.
      const tomorrow = new Date(Date.now() + TIME.DAY_MS);
      const pad = (n: number) => String(n).padStart(2, '0');
      const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
      await page.getByLabel('Date et heure d’effet').fill(`${local}T08:00`);
      await page.getByLabel('Note de version').fill('Un seul appel par jour et par débiteur.');
      await page.getByRole('button', { name: 'Publier…' }).click();
      const confirm = page.getByRole('group', { name: /^Publier ce brouillon/ });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain(
        'Changements par rapport à la version en vigueur : 1 modifiée(s), 0 ajoutée(s), 0 retirée(s).',
      );
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Oui, publier');
      await expectNoAxeViolations(page, '/contact-policy/draft confirming');
      await screenshot(page, 'contact-policy-publish');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/contact-policy`);
      await waitForPage(page);
      const status = await page.locator('#contact-policy-status').textContent();
      expect(status).toMatch(/^Version 2 publiée, en vigueur à partir du .+ 08:00\.$/);
      expect(await page.locator('section[aria-labelledby="policy-upcoming-heading"]').textContent()).toContain(
        'Version 2, en vigueur à partir du',
      );
      expect(await page.locator('section[aria-labelledby="policy-history-heading"] tbody tr').count()).toBe(2);
      expect(await page.locator('main').textContent()).toContain('Aucun brouillon en cours.');
      const stored = await fixture.server.deps.db
        .selectFrom('contact_policy_versions')
        .select(['document', 'note'])
        .where('version', '=', 2)
        .executeTakeFirstOrThrow();
      expect((stored.document as typeof DEFAULT_POLICY).caps[0]!.max).toBe(1);
      expect(stored.note).toBe('Un seul appel par jour et par débiteur.');

      // The new version's page says what it changes.
      // Followed by keyboard: a click waits for two painted frames to call the link stable, and on a loaded machine
      // headless Chromium painted none for three minutes here.
      await page.getByRole('link', { name: 'Voir la version 2' }).press('Enter');
      await page.waitForURL(`${base}/contact-policy/versions/2`);
      await waitForPage(page);
      expect(
        await page.locator('.policy-diff li[data-rule="cap.phone.attempts.day"] .diff-after').textContent(),
      ).toContain('Au plus 1 contact sortant');
      await expectNoAxeViolations(page, '/contact-policy/versions/2');

      // Holidays of Moselle in 2026: Good Friday and 26 December on top of the national days.
      await page.goto(`${base}/contact-policy/holidays`);
      await waitForPage(page);
      await page.getByLabel('Région (facultative)').fill('57');
      await page.getByLabel('Année').fill('2026');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.waitForURL(`${base}/contact-policy/holidays?country=FR&year=2026&region=57`);
      await waitForPage(page);
      const holidays = await page.locator('main tbody').textContent();
      expect(holidays).toContain('03/04/2026');
      expect(holidays).toContain('26/12/2026');
      expect(await page.locator('main .result-count').textContent()).toBe('13 jours fériés.');
      await expectNoAxeViolations(page, '/contact-policy/holidays');
      await screenshot(page, 'contact-policy-holidays');
    } finally {
      await context.close();
    }
  });

  it('an agent reads the policy without any edit control, and cannot open the draft', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await openPolicyFromMenu(page, 'agent@demo.accord.test');
      expect(await page.locator('li[data-rule="cap.phone.attempts.day"]').textContent()).toContain(
        'Au plus 2 contacts sortants par jour',
      );
      expect(await page.locator('main').textContent()).toContain(
        'Lecture seule : seuls les responsables conformité modifient la politique.',
      );
      expect(await page.locator('main button').count()).toBe(0);
      expect(await page.locator('main input, main textarea, main select').count()).toBe(0);
      expect(await page.getByText('Brouillon', { exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page, '/contact-policy as agent');
      await page.setViewportSize({ width: 1366, height: 768 });
      await screenshot(page, 'contact-policy-agent');

      // In Italian and in English: the notices the policy carries and the words around its sources follow the
      // reader; the citations stay as written; no note of the shipped policy is left in English.
      const notice = page.locator('li[data-rule="notice.letters.neutral_envelope"]');
      const italy = page.locator('li[data-rule="hours.IT.mon"]');
      expect(await notice.textContent()).toContain('Enveloppe neutre : aucune mention du recouvrement visible.');
      expect(await page.locator('main').textContent()).not.toMatch(
        /\[CHECK|\(benchmark\)|US anchor|as amended|UNIREC code\b/,
      );
      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      expect(await notice.textContent()).toContain('Busta neutra: nessuna menzione visibile del recupero crediti.');
      expect(await notice.locator('q').getAttribute('lang')).toBeNull();
      expect(await italy.textContent()).toContain('Fonte: Codice di condotta UNIREC');
      expect(await page.locator('li[data-rule="holidays.IT"]').textContent()).toContain(
        'Fonte: L. 260/1949 e successive modifiche',
      );
      expect(await page.locator('li[data-rule="hold.represented.notice"]').textContent()).toContain(
        'Rappresentato da un avvocato: contattare solo il rappresentante.',
      );
      await expectNoAxeViolations(page, '/contact-policy as agent in Italian');
      await screenshot(page, 'contact-policy-agent-it');
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await notice.textContent()).toContain('Neutral envelope: no mention of debt collection visible.');
      expect(await italy.textContent()).toContain('Source: UNIREC code of conduct');
      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.goto(`${base}/contact-policy/draft`);
      await waitForPage(page);
      expect(await page.locator('h1').textContent()).toBe('Accès refusé');
    } finally {
      await context.close();
    }
  });
});
