/**
 * The page the opt-out link of an e-mail opens in a browser: one question and one button, in the e-mail's language.
 * Opening it changes nothing (mail scanners follow links); the button posts the one-click form (RFC 8058). It names
 * the sender only: never a debt, an amount or a creditor, since anyone the link is forwarded to may read it.
 */

export type PageLanguage = 'fr' | 'en' | 'it';

export interface UnsubscribePage {
  language: PageLanguage;
  /** The agency's neutral name, as the e-mail's sender shows it. */
  sender: string;
  /** Already opted out of e-mail (this link or another way). */
  optedOut: boolean;
}

const TEXTS: Record<PageLanguage, { title: string; ask: string; button: string; done: string; note: string }> = {
  fr: {
    title: 'Ne plus recevoir d’e-mails',
    ask: 'Vous ne souhaitez plus recevoir d’e-mails de {sender} ?',
    button: 'Ne plus recevoir d’e-mails',
    done: 'C’est fait : vous ne recevrez plus d’e-mails de {sender}.',
    note: 'Vous pouvez toujours nous écrire ou nous appeler.',
  },
  en: {
    title: 'Stop e-mails',
    ask: 'Would you like to stop receiving e-mails from {sender}?',
    button: 'Stop these e-mails',
    done: 'Done: you will receive no more e-mails from {sender}.',
    note: 'You can still write to us or call us.',
  },
  it: {
    title: 'Non ricevere più e-mail',
    ask: 'Non desidera più ricevere e-mail da {sender}?',
    button: 'Non ricevere più e-mail',
    done: 'Fatto: non riceverà più e-mail da {sender}.',
    note: 'Può sempre scriverci o chiamarci.',
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's own Content-Security-Policy: nothing loads, its one style is inline, the form posts to itself. */
export const UNSUBSCRIBE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}' +
  'button{font:inherit;padding:.6rem 1.2rem;border-radius:.3rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}';

/** The whole page, self-contained. */
export function unsubscribePageHtml(page: UnsubscribePage): string {
  const texts = TEXTS[page.language];
  const say = (text: string) => escapeHtml(text.replace('{sender}', () => page.sender));
  const body = page.optedOut
    ? `<p role="status">${say(texts.done)}</p><p>${say(texts.note)}</p>`
    : `<p>${say(texts.ask)}</p>` +
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
      `<button type="submit">${say(texts.button)}</button></form>`;
  return (
    `<!doctype html><html lang="${page.language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${say(texts.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${say(texts.title)}</h1>${body}</main></body></html>`
  );
}
