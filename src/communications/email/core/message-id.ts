/**
 * How an e-mail names itself so that what comes back about it (a bounce, a complaint) finds it again: its Message-ID
 * is the outbox row's id at the sender's domain, `<0193d8a4-…@accord.example.fr>`. A report quoting the original's
 * headers quotes that id.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The address part of a sender such as `Accord <contact@accord.example.fr>` or `contact@accord.example.fr`. */
export function senderAddress(mailFrom: string): string {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(mailFrom)?.[1];
  const address = bracketed ?? mailFrom.trim();
  if (!/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(address))
    throw new Error('MAIL_FROM must be an address, or a name and an address in <>: Accord <contact@example.fr>');
  return address;
}

/** The domain of the sender's address, lower case: the right-hand side of every Message-ID Accord writes. */
export function senderDomain(mailFrom: string): string {
  return senderAddress(mailFrom).split('@').pop()!.toLowerCase();
}

export function messageIdFor(outboundId: string, domain: string): string {
  return `<${outboundId}@${domain}>`;
}

/**
 * The outbox id a Message-ID names, when it is one Accord wrote at this domain (case aside); null for any other
 * (the report's own id, a message of someone else's).
 */
export function outboundIdOf(messageId: string, domain: string): string | null {
  const match = /^\s*<?([^<>@\s]+)@([^<>@\s]+)>?\s*$/.exec(messageId);
  if (!match) return null;
  const [, local, host] = match as unknown as [string, string, string];
  const id = local.toLowerCase();
  return UUID.test(id) && host.toLowerCase() === domain.toLowerCase() ? id : null;
}

/** The one-click opt-out address of an e-mail (RFC 8058), served by `unsubscribe-routes.ts`. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/unsubscribe/${encodeURIComponent(token)}`;
}
