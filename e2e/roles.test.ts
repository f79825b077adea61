import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import { can, type Permission } from '../src/identity/core/permissions.js';
import {
  axeViolations,
  describeViolations,
  navigationLabels,
  newContext,
  POLL_MS,
  screenshot,
  signInWithKeyboard,
  waitForPage,
} from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

/** A menu label matched whole ("Dossiers" is not "Dossiers à revoir"). */
const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The French navigation, in menu order, with the permission each entry needs (the server's matrix decides). */
const MENU: { label: string; permission: Permission; path: string }[] = [
  { label: 'Accueil', permission: 'dashboard.read', path: '/' },
  { label: 'Mon poste', permission: 'queues.work', path: '/workspace' },
  { label: 'Dossiers', permission: 'cases.read', path: '/cases' },
  { label: 'Files de l’équipe', permission: 'queues.supervise', path: '/team-queues' },
  { label: 'Stratégies', permission: 'strategies.read', path: '/strategies' },
  { label: 'Remises de créances', permission: 'placements.read', path: '/placements' },
  { label: 'Rapprochements à vérifier', permission: 'debtors.review_matches', path: '/debtor-matches' },
  { label: 'Plans à valider', permission: 'plans.approve', path: '/plan-approvals' },
  { label: 'Dossiers à revoir', permission: 'plans.review', path: '/case-reviews' },
  { label: 'Contestations', permission: 'disputes.read', path: '/disputes' },
  { label: 'Revues judiciaires', permission: 'judicial_reviews.review', path: '/judicial-reviews' },
  { label: 'Surendettement', permission: 'overindebtedness.queue', path: '/overindebtedness' },
  { label: 'Accompagnement', permission: 'care.queue', path: '/care' },
  { label: 'Politique de contact', permission: 'contact_policy.read', path: '/contact-policy' },
  { label: 'Campagnes', permission: 'campaigns.read', path: '/campaigns' },
  { label: 'Modèles de messages', permission: 'templates.read', path: '/templates' },
  { label: 'Paiements et reversements', permission: 'remittances.read', path: '/payments' },
  { label: 'Envois postaux', permission: 'print_runs.manage', path: '/print-runs' },
  { label: 'Relevés bancaires', permission: 'bank_files.read', path: '/bank-statements' },
  { label: 'Créanciers', permission: 'creditors.read', path: '/creditors' },
  { label: 'Utilisateurs', permission: 'users.read', path: '/users' },
  { label: 'Données de référence', permission: 'legal_figures.manage', path: '/reference-data' },
  { label: 'Réclamations', permission: 'complaints.register_read', path: '/complaints' },
  { label: 'Médiateurs', permission: 'mediators.manage', path: '/mediators' },
  { label: 'Annuaire d’aide', permission: 'care.directory.manage', path: '/care/organisations' },
  { label: 'Partenaires judiciaires', permission: 'judicial_partners.manage', path: '/judicial-partners' },
  { label: 'Prescriptions proches', permission: 'time_bars.review', path: '/time-bars' },
  { label: 'File judiciaire', permission: 'judicial_procedures.queue', path: '/judicial/procedures' },
  { label: 'Indicateurs d’accompagnement', permission: 'care.report', path: '/reports/care' },
  { label: 'Performance du portefeuille', permission: 'reports.portfolio', path: '/reports/portfolio' },
  { label: 'Pratiques responsables', permission: 'reports.portfolio', path: '/reports/conduct' },
  { label: 'Équipes et agents', permission: 'reports.teams', path: '/reports/teams' },
  { label: 'Rapports mensuels', permission: 'reports.monthly', path: '/reports/monthly' },
  { label: 'Journal d’audit', permission: 'audit.read', path: '/audit' },
  { label: 'Formation', permission: 'training.take', path: '/training' },
  { label: 'Formation de l’équipe', permission: 'training.team', path: '/training/team' },
  { label: 'Satisfaction', permission: 'satisfaction.read', path: '/satisfaction' },
  { label: 'Qualité des appels', permission: 'quality.read_own', path: '/quality' },
  { label: 'Grille d’écoute', permission: 'quality.grid', path: '/quality/grid' },
];

const fixture = useAccordAndBrowser();

/**
 * Pages axe has checked here at a laptop's size, once each whichever role opens it first: every role's every page is
 * also checked by axe at a phone's size in layout.test.ts, so a second desktop pass per role only cost minutes.
 */
const checkedAtDesktop = new Set<string>();

describe('every demo role', () => {
  for (const user of DEMO_USERS) {
    it(`${user.role} (${user.email}): signs in by keyboard, sees exactly its menu, opens every page, and axe passes on each page not yet checked`, async () => {
      const context = await newContext(fixture.browser);
      const page = await context.newPage();
      try {
        const base = fixture.server.url;
        await signInWithKeyboard(page, base, user.email, DEMO_PASSWORD);

        const allowed = MENU.filter((entry) => can(user.role, entry.permission));
        expect(await navigationLabels(page)).toEqual(allowed.map((entry) => entry.label));
        for (const refused of MENU.filter((entry) => !can(user.role, entry.permission))) {
          await expect(page.locator('nav[aria-label] a', { hasText: exactly(refused.label) }).count()).resolves.toBe(0);
        }
        await expect(page.locator('header').textContent()).resolves.toContain(user.displayName);

        let checked = 0;
        for (const entry of allowed) {
          // By keyboard, as a person who signed in so goes on: Enter on the menu's link. (A click also waits for two
          // painted frames to call the link stable; on a loaded machine headless Chromium has painted none for
          // minutes, while the page itself worked.)
          await page.locator('nav[aria-label] a', { hasText: exactly(entry.label) }).press('Enter');
          await page.waitForURL(`${base}${entry.path}`);
          // The menu marks the new page as current once it has rendered; only then is the old page gone.
          await page.waitForFunction(
            (label) =>
              [...document.querySelectorAll('nav[aria-label] a[aria-current="page"]')].some(
                (link) => link.textContent === label,
              ),
            entry.label,
            { polling: POLL_MS },
          );
          await waitForPage(page);
          expect(await page.title()).toMatch(/ – Accord$/);
          if (checkedAtDesktop.has(entry.path)) continue;
          checkedAtDesktop.add(entry.path);
          const violations = await axeViolations(page);
          const report = describeViolations(`${user.role} ${entry.path}`, violations);
          if (violations.length > 0) console.log(report);
          expect(violations, report).toEqual([]);
          checked++;
        }
        console.log(
          `${user.role}: menu [${allowed.map((e) => e.label).join(', ')}], ${checked} new page(s) passed axe`,
        );

        // Out by keyboard too, as it came in.
        await page.getByRole('button', { name: 'Se déconnecter' }).press('Enter');
        await page.waitForURL(`${base}/login`);
      } catch (error) {
        // What the page showed when it stopped, for the next reader of a failed run.
        console.log(
          `${user.role}: stopped at ${page.url()}; ${await screenshot(page, `roles-failed-${user.role}`).catch(() => 'no picture')}`,
        );
        throw error;
      } finally {
        await context.close();
      }
    });
  }
});
