import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { unsubscribeUrl } from './email/core/message-id.js';
import { recordContactIn } from '../contact-policy/record-contact.js';
import { templateInForce } from './templates/template-store.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { normalisePhone } from '../intake/core/contacts.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import type { QueuedMessage } from './contract.js';
import {
  disclosures,
  renderMessage,
  TEMPLATE_CHANNELS,
  type MessageChannel,
  type MessageLanguage,
  type MessageTemplate,
  type RenderedMessage,
} from './core/message-templates.js';

/** The job that hands queued messages to their transports (`dispatch-messages.ts`). */
export const MESSAGES_DISPATCH = 'messages-dispatch';

export interface MessageRequest {
  channel: MessageChannel;
  template: MessageTemplate;
  /** The satisfaction survey's single-use link (src/satisfaction/), only in that template. */
  surveyUrl?: string;
}

interface Recipient {
  contactPointId: string;
  /** The address, or the number in E.164. */
  address: string;
}

const REFUSALS = {
  'communications.template_channel': () =>
    invalid('communications.template_channel', 'This template is not sent on this channel: choose another template.'),
  'communications.template_invalid': () =>
    invalid(
      'communications.template_invalid',
      'The template in force for this channel and language has an error: compliance must publish a corrected version.',
    ),
  'communications.first_letter_missing': () =>
    new AppError(
      'communications.first_letter_missing',
      409,
      'The first letter of this case has not gone out: nothing may precede it (CPCE R124-4). Send it first.',
    ),
} as const;

/**
 * The message as it would go out now, and to whom: nothing recorded. The same facts and rendering as `queueMessage`,
 * so what a person previews is what is sent.
 */
export async function previewMessage(deps: Deps, actor: Actor, caseId: string, request: MessageRequest) {
  const found = await caseInScope(deps.db, actor, caseId);
  const { message, recipient } = await compose(deps.db, deps, deps.now(), found, request, newToken());
  return { ...message, recipient: recipient?.address ?? null };
}

/**
 * Decides and queues an e-mail or an SMS, in one transaction: the contact policy asked under the debtor's lock (caps,
 * hours, opt-outs, holds, care adaptations, the first letter first) through the contacts' own path, which records the
 * contact and its timeline line; the rendered message kept in the outbox with its hash, and the act audited. The
 * dispatcher sends it after the commit; a refusal sends nothing and says why and when it next could.
 */
export async function queueMessage(
  deps: Deps,
  actor: Actor,
  caseId: string,
  request: MessageRequest,
  requestId: string | null = null,
): Promise<QueuedMessage> {
  const now = deps.now();
  const queued = await deps.db
    .transaction()
    .execute((trx) => queueMessageIn(trx, deps, now, actor, caseId, request, { requestId }));
  // Sent now rather than at the next minute's sweep; a queue that is down leaves it to the sweep.
  await deps.jobs?.send(MESSAGES_DISPATCH, {}).catch(() => null);
  return queued;
}

/** `queueMessage` inside the caller's transaction: a campaign run queues each case's message in its own. */
export async function queueMessageIn(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'config'>,
  now: Date,
  actor: Actor,
  caseId: string,
  request: MessageRequest,
  options: { requestId?: string | null; campaignRunId?: string | null } = {},
): Promise<QueuedMessage> {
  const found = await caseInScope(trx, actor, caseId);
  const token = newToken();
  const { message, recipient, templateVersion } = await compose(trx, deps, now, found, request, token);
  if (!recipient) throw noRecipient(request.channel);
  const { contact } = await recordContactIn(
    trx,
    now,
    actor,
    { debtorId: found.debtor_id, caseId, channel: request.channel, direction: 'outbound', outcome: 'sent' },
    options.requestId ?? null,
  );
  return writeOutbox(trx, now, actor, found, { ...message, version: templateVersion }, recipient, contact.id, {
    ...options,
    token,
  });
}

/** The secret of an e-mail's opt-out link (RFC 8058): whoever holds the e-mail may use it, no one can guess it. */
const newToken = () => randomBytes(24).toString('base64url');

export const contentHash = (message: Pick<RenderedMessage, 'subject' | 'body'>): string =>
  createHash('sha256')
    .update(`${message.subject ?? ''}\n\n${message.body}`)
    .digest('hex');

async function writeOutbox(
  trx: Transaction<DB>,
  now: Date,
  actor: Actor,
  found: { id: string; debtor_id: string; creditor_id: string },
  message: RenderedMessage & { version: number },
  recipient: Recipient,
  contactId: string,
  {
    requestId = null,
    campaignRunId = null,
    token,
  }: { requestId?: string | null; campaignRunId?: string | null; token: string },
): Promise<QueuedMessage> {
  const hash = contentHash(message);
  const row = await trx
    .insertInto('outbound_messages')
    .values({
      debtor_id: found.debtor_id,
      case_id: found.id,
      contact_id: contactId,
      channel: message.channel,
      contact_point_id: recipient.contactPointId,
      recipient: recipient.address,
      template: message.template,
      template_version: message.version,
      language: message.language,
      subject: message.subject,
      body: message.body,
      content_sha256: hash,
      unsubscribe_token: message.channel === 'email' ? token : null,
      queued_at: now,
      next_attempt_at: now,
      created_by: actor.userId,
      campaign_run_id: campaignRunId,
    })
    .returning(['id', 'status', 'queued_at'])
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'message.queued',
    targetType: 'outbound_message',
    targetId: row.id,
    creditorId: found.creditor_id,
    // The content's hash, not the content: the outbox keeps the text, the chained audit proves it unchanged.
    after: {
      caseId: found.id,
      contactId,
      channel: message.channel,
      template: message.template,
      templateVersion: message.version,
      language: message.language,
      contactPointId: recipient.contactPointId,
      contentSha256: hash,
      campaignRunId,
    },
    requestId,
    at: now,
  });
  return {
    id: row.id,
    caseId: found.id,
    contactId,
    channel: message.channel,
    template: message.template,
    status: 'queued',
    queuedAt: row.queued_at.toISOString(),
  };
}

function noRecipient(channel: MessageChannel): AppError {
  return invalid(
    'communications.no_recipient',
    channel === 'sms'
      ? 'The debtor has no mobile number that may receive an SMS (none, or each is wrong, opted out or refused).'
      : 'The debtor has no e-mail address that may receive one (none, or each bounced, is opted out or refused).',
  );
}

type Db = Transaction<DB> | Deps['db'];

/** Renders the message for the case from its facts and finds where it may go. */
async function compose(
  db: Db,
  deps: Pick<Deps, 'config'>,
  now: Date,
  found: { id: string; reference: string; debtor_id: string; creditor_id: string; balance_cents: number },
  request: MessageRequest,
  token: string,
): Promise<{ message: RenderedMessage; recipient: Recipient | null; templateVersion: number }> {
  const facts = await db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .innerJoin('creditors as cr', 'cr.id', 'c.creditor_id')
    .select([
      'c.first_letter_sent_on',
      'c.first_letter_reference',
      'd.kind',
      'd.first_name',
      'd.last_name',
      'd.company_name',
      'd.language',
      'cr.legal_name',
      'cr.name as creditor_name',
    ])
    .where('c.id', '=', found.id)
    .executeTakeFirstOrThrow();
  const language = facts.language as MessageLanguage;
  const slot = { template: request.template, channel: request.channel, language };
  // A template on a channel it does not exist on has no text: renderMessage refuses it below.
  const inForce = TEMPLATE_CHANNELS[request.template].includes(request.channel)
    ? await templateInForce(db, slot, now)
    : null;
  const rendered = renderMessage(
    request.template,
    request.channel,
    language,
    {
      debtorName: debtorName(facts),
      caseReference: found.reference,
      firstLetter:
        facts.first_letter_sent_on && facts.first_letter_reference
          ? { reference: facts.first_letter_reference, sentOn: facts.first_letter_sent_on }
          : null,
      agencyName: deps.config.AGENCY_NAME,
      agencyPhone: deps.config.AGENCY_PHONE,
      balanceCents: found.balance_cents,
      unsubscribeUrl: deps.config.PUBLIC_URL ? unsubscribeUrl(deps.config.PUBLIC_URL, token) : null,
      surveyUrl: request.surveyUrl ?? null,
    },
    inForce?.text,
  );
  if (!rendered.ok) throw REFUSALS[rendered.code]();
  const disclosed = disclosures(
    rendered.message,
    [facts.legal_name, facts.creditor_name].filter((name): name is string => !!name),
  );
  if (disclosed.length > 0)
    throw new AppError(
      'communications.message_discloses',
      422,
      `This message would show a third party what it is about (${disclosed.join(', ')}): it is not sent.`,
      { disclosed },
    );
  return {
    message: rendered.message,
    recipient: await findRecipient(db, found.debtor_id, request.channel),
    templateVersion: inForce?.version ?? 0,
  };
}

/**
 * Where the message may go: a contact point of the debtor's for the channel (a mobile for an SMS) that is not
 * opted out, refused, wrong (it reached someone else) or undeliverable; the verified and the newest first.
 */
async function findRecipient(db: Db, debtorId: string, channel: MessageChannel): Promise<Recipient | null> {
  let query = db
    .selectFrom('debtor_contact_points')
    .select(['id', 'value'])
    .where('debtor_id', '=', debtorId)
    .where('channel', '=', channel === 'sms' ? 'phone' : 'email')
    .where('consent', '<>', 'withdrawn')
    .where('opted_out_at', 'is', null)
    .where('wrong_number_at', 'is', null)
    .where('undeliverable_at', 'is', null)
    .orderBy((eb) => eb.case().when('verified_at', 'is', null).then(1).else(0).end())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (channel === 'sms') query = query.where('usage', '=', 'mobile');
  for (const point of await query.execute()) {
    if (channel === 'email') return { contactPointId: point.id, address: point.value.trim() };
    const phone = normalisePhone(point.value, null);
    if (phone.ok) return { contactPointId: point.id, address: phone.e164 };
  }
  return null;
}
