import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsubscribePageHtml } from './unsubscribe-page.js';

describe('the opt-out page', () => {
  it('asks in the e-mail’s language with a form that posts the one-click field, and says it is done after', () => {
    const ask = unsubscribePageHtml({ language: 'it', sender: 'Accord', optedOut: false });
    expect(ask).toContain('<html lang="it">');
    expect(ask).toContain('Non desidera più ricevere e-mail da Accord?');
    expect(ask).toContain('<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">');
    const done = unsubscribePageHtml({ language: 'fr', sender: 'Accord', optedOut: true });
    expect(done).toContain('vous ne recevrez plus d’e-mails de Accord');
    expect(done).not.toContain('<form');
  });

  it('escapes the sender’s name and loads nothing from elsewhere', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('fr' as const, 'en' as const, 'it' as const), (sender, language) => {
        const html = unsubscribePageHtml({ language, sender: `<b>${sender}`, optedOut: false });
        expect(html).not.toContain('<b>');
        expect(html).not.toMatch(/<script|src=|href=/);
      }),
    );
  });
});
