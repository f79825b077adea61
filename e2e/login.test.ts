import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, newContext, tabTo } from './support/browser.js';
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
      // The problem's `detail`, as the server wrote it.
      expect(text).toContain('The email or the password is wrong');
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
});
