import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { navigationLabels, newContext, signInWithKeyboard, waitForPage } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the language switcher', () => {
  it('switches to English (navigation, <html lang>, title), keeps it on the account, then to Italian', async () => {
    const base = fixture.server.url;
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, base, 'manager@demo.accord.test', DEMO_PASSWORD);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await navigationLabels(page)).toEqual([
        'Accueil',
        'Dossiers',
        'Files de l’équipe',
        'Stratégies',
        'Remises de créances',
        'Rapprochements à vérifier',
        'Plans à valider',
        'Dossiers à revoir',
        'Contestations',
        'Revues judiciaires',
        'Surendettement',
        'Accompagnement',
        'Politique de contact',
        'Campagnes',
        'Modèles de messages',
        'Paiements et reversements',
        'Envois postaux',
        'Relevés bancaires',
        'Créanciers',
        'Utilisateurs',
        'Réclamations',
        'Partenaires judiciaires',
        'Prescriptions proches',
        'File judiciaire',
        'Indicateurs d’accompagnement',
        'Performance du portefeuille',
        'Pratiques responsables',
        'Équipes et agents',
        'Rapports mensuels',
        'Journal d’audit',
        'Formation',
        'Formation de l’équipe',
        'Satisfaction',
        'Qualité des appels',
      ]);

      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await navigationLabels(page)).toEqual([
        'Home',
        'Cases',
        'Team queues',
        'Strategies',
        'Placements',
        'Possible duplicates',
        'Plans to approve',
        'Cases to review',
        'Disputes',
        'Judicial reviews',
        'Over-indebtedness',
        'Care',
        'Contact policy',
        'Campaigns',
        'Message templates',
        'Payments and remittances',
        'Print runs',
        'Bank statements',
        'Creditors',
        'Users',
        'Complaints',
        'Judicial partners',
        'Time bars near',
        'Judicial queue',
        'Care figures',
        'Portfolio performance',
        'Responsible collection',
        'Teams and agents',
        'Monthly reports',
        'Audit trail',
        'Training',
        'Team training',
        'Satisfaction',
        'Call quality',
      ]);
      expect(await page.title()).toBe('Home – Accord');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.figures').textContent()).toMatch(/€\d/);

      // Saved on the account: a reload comes back in English.
      await page.reload();
      await waitForPage(page);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await navigationLabels(page)).toEqual([
        'Home',
        'Cases',
        'Team queues',
        'Strategies',
        'Placements',
        'Possible duplicates',
        'Plans to approve',
        'Cases to review',
        'Disputes',
        'Judicial reviews',
        'Over-indebtedness',
        'Care',
        'Contact policy',
        'Campaigns',
        'Message templates',
        'Payments and remittances',
        'Print runs',
        'Bank statements',
        'Creditors',
        'Users',
        'Complaints',
        'Judicial partners',
        'Time bars near',
        'Judicial queue',
        'Care figures',
        'Portfolio performance',
        'Responsible collection',
        'Teams and agents',
        'Monthly reports',
        'Audit trail',
        'Training',
        'Team training',
        'Satisfaction',
        'Call quality',
      ]);
      const saved = await fixture.server.deps.db
        .selectFrom('users')
        .select('locale')
        .where('email', '=', 'manager@demo.accord.test')
        .executeTakeFirstOrThrow();
      expect(saved.locale).toBe('en');

      await page.getByRole('button', { name: 'Italiano' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'it');
      expect(await navigationLabels(page)).toEqual([
        'Home',
        'Pratiche',
        'Code del team',
        'Strategie',
        'Affidamenti',
        'Possibili duplicati',
        'Piani da approvare',
        'Pratiche da riesaminare',
        'Contestazioni',
        'Revisioni giudiziali',
        'Sovraindebitamento',
        'Accompagnamento',
        'Politica di contatto',
        'Campagne',
        'Modelli di messaggio',
        'Pagamenti e riversamenti',
        'Invii postali',
        'Estratti conto',
        'Creditori',
        'Utenti',
        'Reclami',
        'Partner giudiziari',
        'Prescrizioni vicine',
        'Coda giudiziale',
        'Indicatori di accompagnamento',
        'Performance del portafoglio',
        'Pratiche responsabili',
        'Squadre e operatori',
        'Rapporti mensili',
        'Registro di audit',
        'Formazione',
        'Formazione del team',
        'Soddisfazione',
        'Qualità delle chiamate',
      ]);

      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      expect(await navigationLabels(page)).toEqual([
        'Accueil',
        'Dossiers',
        'Files de l’équipe',
        'Stratégies',
        'Remises de créances',
        'Rapprochements à vérifier',
        'Plans à valider',
        'Dossiers à revoir',
        'Contestations',
        'Revues judiciaires',
        'Surendettement',
        'Accompagnement',
        'Politique de contact',
        'Campagnes',
        'Modèles de messages',
        'Paiements et reversements',
        'Envois postaux',
        'Relevés bancaires',
        'Créanciers',
        'Utilisateurs',
        'Réclamations',
        'Partenaires judiciaires',
        'Prescriptions proches',
        'File judiciaire',
        'Indicateurs d’accompagnement',
        'Performance du portefeuille',
        'Pratiques responsables',
        'Équipes et agents',
        'Rapports mensuels',
        'Journal d’audit',
        'Formation',
        'Formation de l’équipe',
        'Satisfaction',
        'Qualité des appels',
      ]);
    } finally {
      await context.close();
    }
  });
});
