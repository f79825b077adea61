import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { axeViolations, describeViolations, newContext, screenshot, tabTo } from './support/browser.js';
import { useAccordAndBrowser } from './support/fixtures.js';

const fixture = useAccordAndBrowser();

describe('the sign-in page', () => {
  it('is in French by default and passes axe', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${fixture.server.url}/login`);
      await page.waitForSelector('#login-email');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.title()).toBe('Connexion – Accord');
      const violations = await axeViolations(page);
      const report = describeViolations('/login', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${fixture.server.url}/cases?q=martin`);
      await page.waitForURL(`${fixture.server.url}/login`);
      await page.waitForSelector('#login-email');
    } finally {
      await context.close();
    }
  });

  it('shows the reason when the password is wrong, and the message passes axe', async () => {
    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${fixture.server.url}/login`);
      await page.waitForSelector('#login-email');
      await tabTo(page, '#login-email');
      await page.keyboard.type('agent@demo.accord.test');
      await page.keyboard.press('Tab');
      await page.keyboard.type('not-the-password');
      await page.keyboard.press('Enter');

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.textContent();
      expect(text).toContain('Connexion impossible');
      // The problem's stable code, translated: not the server's English `detail`.
      expect(text).toContain('L’adresse e-mail ou le mot de passe est incorrect. Vérifiez les deux puis réessayez.');
      expect(text).not.toContain('The email or the password is wrong');
      expect(await alert.locator('[lang="en"]').count()).toBe(0);
      expect(page.url()).toBe(`${fixture.server.url}/login`);
      expect(await page.inputValue('#login-password')).toBe('');

      const violations = await axeViolations(page);
      const report = describeViolations('/login with error', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says in French how long to wait after repeated failures, the same for an unknown address, then in English', async () => {
    const base = fixture.server.url;
    const free = fixture.server.deps.config.LOGIN_MAX_FAILURES;
    // Wrong passwords up to LOGIN_MAX_FAILURES make the next attempt wait 30 seconds, whether the address has an
    // account or not.
    for (const email of ['judicial@demo.accord.test', 'nobody.at.all@demo.accord.test']) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt <= free; attempt++) {
        const response = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: `wrong-${attempt}` }),
        });
        statuses.push(response.status);
        if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      expect(statuses).toEqual([...Array(free).fill(401), 429]);
    }

    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/login`);
      await page.waitForSelector('#login-email');
      await page.fill('#login-email', 'judicial@demo.accord.test');
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('Connexion impossible');
      expect(text).toMatch(
        /Trop de tentatives de connexion échouées avec cette adresse ou depuis ce réseau : patientez \d+\s(?:secondes?|minutes?) puis réessayez\./,
      );
      expect(text).not.toContain('Too many failed sign-ins');

      // The same problem in English once the user picks English on the sign-in page.
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const english = (await page.getByRole('alert').textContent()) ?? '';
      expect(english).toMatch(
        /Too many failed sign-ins with this email or from this network: wait \d+\s(?:seconds?|minutes?), then try again\./,
      );

      const violations = await axeViolations(page);
      const report = describeViolations('/login waiting', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
      await screenshot(page, 'login-waiting');
    } finally {
      await context.close();
    }
  });
});
