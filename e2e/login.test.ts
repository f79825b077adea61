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

  it('says in French until when an account is locked, in the user’s time zone', async () => {
    const base = fixture.server.url;
    const email = 'judicial@demo.accord.test';
    // Wrong passwords up to LOGIN_MAX_FAILURES lock the account: the last one is already answered "locked".
    const statuses: number[] = [];
    for (let attempt = 0; attempt < fixture.server.deps.config.LOGIN_MAX_FAILURES; attempt++) {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: `wrong-${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(423);
    const { locked_until: lockedUntil } = await fixture.server.deps.db
      .selectFrom('users')
      .select('locked_until')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(lockedUntil).not.toBeNull();
    // The browser runs in Europe/Paris with a French locale (newContext): the time is shown as a person there reads it.
    const until = new Date(lockedUntil!);
    const date = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' }).format(until);
    const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(until);

    const context = await newContext(fixture.browser);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/login`);
      await page.waitForSelector('#login-email');
      await page.fill('#login-email', email);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('Connexion impossible');
      expect(text).toContain(`Trop de tentatives de connexion échouées : ce compte est verrouillé jusqu’au ${date} à ${time}.`);
      expect(text).toContain('demandez à un administrateur de le déverrouiller');
      expect(text).not.toContain('Too many failed sign-ins');

      // The same problem in English once the user picks English on the sign-in page.
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const english = (await page.getByRole('alert').textContent()) ?? '';
      const enDate = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' }).format(until);
      const enTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(until);
      expect(english).toContain(`this account is locked until ${enDate} at ${enTime}.`);

      const violations = await axeViolations(page);
      const report = describeViolations('/login locked', violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
      await screenshot(page, 'login-locked');
    } finally {
      await context.close();
    }
  });
});
