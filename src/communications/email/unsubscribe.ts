import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { optOutIn } from '../message-events.js';
import type { UnsubscribePage } from './core/unsubscribe-page.js';

/**
 * The one-click opt-out of an e-mail (RFC 8058): the link's token is the outbox row's `unsubscribe_token`, a secret
 * only that e-mail carries. The debtor then receives no more e-mail from Accord, whatever the case (REGULATION.md §6
 * and §13: free, immediate, for the channel). An unknown token is a 404 that says nothing of anyone.
 */

async function messageOf(deps: Deps, token: string) {
  const message = await deps.db
    .selectFrom('outbound_messages')
    .select(['id', 'debtor_id', 'case_id', 'language'])
    .where('unsubscribe_token', '=', token)
    .where('channel', '=', 'email')
    .executeTakeFirst();
  if (!message) throw notFound('This unsubscribe link');
  return message;
}

/** What the confirmation page needs: the language of the e-mail, the sender's name, and whether it is done. */
export async function unsubscribePage(deps: Deps, token: string): Promise<UnsubscribePage> {
  const message = await messageOf(deps, token);
  const active = await deps.db
    .selectFrom('contact_opt_outs')
    .select('id')
    .where('debtor_id', '=', message.debtor_id)
    .where('channel', '=', 'email')
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return { language: message.language, sender: deps.config.AGENCY_NAME, optedOut: active !== undefined };
}

/** Opts the debtor out of e-mail, once: a second click changes nothing and answers the same. */
export async function unsubscribe(
  deps: Deps,
  token: string,
): Promise<{ alreadyOptedOut: boolean; page: UnsubscribePage }> {
  const message = await messageOf(deps, token);
  const now = deps.now();
  const added = await deps.db.transaction().execute((trx) =>
    optOutIn(trx, now, {
      debtorId: message.debtor_id,
      caseId: message.case_id,
      channel: 'email',
      via: 'email_link',
      at: now,
    }),
  );
  return {
    alreadyOptedOut: !added,
    page: { language: message.language, sender: deps.config.AGENCY_NAME, optedOut: true },
  };
}
