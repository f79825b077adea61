import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { debitsToNotify, type Debit, type DebitNotice } from '../bank-files/core/debit-notices.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { queueConsentedEmailIn } from '../communications/queue-consented-email.js';
import { MESSAGES_DISPATCH } from '../communications/queue-message.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { debitNoticeText } from './core/debit-notice-text.js';
import { maskIban } from './core/e-mandate.js';

/**
 * The notice of each direct debit under a mandate signed on the portal (docs/portal.md, "A direct debit"). The
 * schedule shown at signature is the first notice (`recordSignatureNotices`, in the mandate's transaction). When the
 * plan changes after it (renegotiated, an instalment brought down to the balance), the changed debits were never
 * told: the direct-debit file leaves them out (bank-files/direct-debits.ts) until a notice reaches the person in time.
 * `sendDebitNotices` (daily, in the agency's working hours) e-mails each such person the debits still reachable, and
 * records what it told them.
 */

export const DEBIT_NOTICES = 'debit-notices';

type Db = Kysely<DB> | Transaction<DB>;

/** At signature: the plan's unpaid instalments of its current version, told on the day the person signed. */
export async function recordSignatureNotices(
  trx: Transaction<DB>,
  mandateId: string,
  planId: string,
  signedOn: string,
): Promise<void> {
  await sql`
    insert into sepa_debit_notices (mandate_id, instalment_id, due_on, amount_cents, notified_on, via)
    select ${mandateId}::uuid, i.id, i.due_on, i.amount_cents, ${signedOn}::date, 'signature'
    from plans p
    join plan_versions v on v.plan_id = p.id and v.version = p.current_version
    join plan_instalments i on i.plan_version_id = v.id
    where p.id = ${planId}::uuid and i.status <> 'paid'
    on conflict do nothing`.execute(trx);
}

/** The debits a mandate still takes: the unpaid instalments of the case's live plan, as they stand now. */
async function debitsOf(db: Db, caseId: string): Promise<Debit[]> {
  const rows = await db
    .selectFrom('plan_instalments as i')
    .innerJoin('plan_versions as v', 'v.id', 'i.plan_version_id')
    .innerJoin('plans as p', (join) =>
      join.onRef('p.id', '=', 'v.plan_id').onRef('p.current_version', '=', 'v.version'),
    )
    .select(['i.id', 'i.due_on', 'i.amount_cents'])
    .where('p.case_id', '=', caseId)
    .where('p.status', 'in', ['agreed', 'active'])
    .where('i.status', '<>', 'paid')
    .execute();
  return rows.map((row) => ({ instalmentId: row.id, dueOn: row.due_on, amountCents: Number(row.amount_cents) }));
}

async function noticesOf(db: Db, mandateId: string): Promise<DebitNotice[]> {
  const rows = await db.selectFrom('sepa_debit_notices').selectAll().where('mandate_id', '=', mandateId).execute();
  return rows.map((row) => ({
    instalmentId: row.instalment_id,
    dueOn: row.due_on,
    amountCents: Number(row.amount_cents),
    notifiedOn: row.notified_on,
  }));
}

/**
 * The active portal mandates whose case has a debit not told in time yet: found in one statement, each then decided
 * again in its own transaction under the mandate's lock.
 */
async function mandatesToNotify(db: Db, today: string): Promise<string[]> {
  const reachable = await sql<{ id: string }>`
    select distinct m.id from sepa_mandates m
    join plans p on p.case_id = m.case_id and p.status in ('agreed', 'active')
    join plan_versions v on v.plan_id = p.id and v.version = p.current_version
    join plan_instalments i on i.plan_version_id = v.id and i.status <> 'paid'
    where m.signed_via = 'portal' and m.status = 'active' and i.due_on >= ${today}::date + 14
      and not exists (
        select 1 from sepa_debit_notices n
        where n.mandate_id = m.id and n.instalment_id = i.id and n.due_on = i.due_on
          and n.amount_cents = i.amount_cents and n.notified_on <= i.due_on - 14)`.execute(db);
  return reachable.rows.map((row) => row.id);
}

export interface DebitNoticesReport {
  notified: number;
  debits: number;
  /** Mandates with debits to tell and no verified e-mail address: those debits are paid another way. */
  withoutEmail: number;
}

/** Tells each person whose plan changed under a portal mandate of the debits to come; one transaction per mandate. */
export async function sendDebitNotices(deps: Deps): Promise<DebitNoticesReport> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  const report: DebitNoticesReport = { notified: 0, debits: 0, withoutEmail: 0 };
  for (const mandateId of await mandatesToNotify(deps.db, today)) {
    const told = await deps.db.transaction().execute((trx) => notifyMandate(trx, deps, mandateId, today, now));
    if (told === null) report.withoutEmail += 1;
    else if (told > 0) {
      report.notified += 1;
      report.debits += told;
    }
  }
  if (report.notified > 0) await deps.jobs?.send(MESSAGES_DISPATCH, {}).catch(() => null);
  return report;
}

/** One mandate under its lock: the debits to tell, the e-mail, the notices. Answers how many debits it told. */
async function notifyMandate(
  trx: Transaction<DB>,
  deps: Deps,
  mandateId: string,
  today: string,
  now: Date,
): Promise<number | null> {
  const mandate = await trx
    .selectFrom('sepa_mandates as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('debtors as d', 'd.id', 'm.debtor_id')
    .select(['m.id', 'm.reference', 'm.debtor_iban', 'm.status', 'm.case_id', 'm.debtor_id', 'm.creditor_id'])
    .select(['c.reference as case_reference', 'd.language', 'd.kind', 'd.first_name', 'd.last_name', 'd.company_name'])
    .where('m.id', '=', mandateId)
    .forUpdate('m')
    .executeTakeFirstOrThrow();
  if (mandate.status !== 'active') return 0;
  const debits = debitsToNotify(await debitsOf(trx, mandate.case_id), await noticesOf(trx, mandateId), today);
  if (debits.length === 0) return 0;
  const email = await trx
    .selectFrom('debtor_contact_points')
    .select(['id', 'value'])
    .where('debtor_id', '=', mandate.debtor_id)
    .where('channel', '=', 'email')
    .where('verified_at', 'is not', null)
    .where('undeliverable_at', 'is', null)
    .where('wrong_number_at', 'is', null)
    .orderBy('verified_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!email) return null;
  const { subject, body } = debitNoticeText({
    language: mandate.language,
    debtorName: debtorName(mandate),
    caseReference: mandate.case_reference,
    mandateReference: mandate.reference,
    ibanMasked: maskIban(mandate.debtor_iban),
    agencyName: deps.config.SEPA_CREDITOR_NAME ?? deps.config.AGENCY_NAME,
    creditorIdentifier: deps.config.SEPA_CREDITOR_ID ?? '',
    portalUrl: deps.config.PUBLIC_URL ? `${deps.config.PUBLIC_URL.replace(/\/$/, '')}/portal` : null,
    debits,
  });
  const found = { id: mandate.case_id, debtor_id: mandate.debtor_id };
  const queued = await queueConsentedEmailIn(
    trx,
    now,
    SYSTEM_ACTOR,
    {
      purpose: 'debit_notice',
      found,
      recipient: { contactPointId: email.id, address: email.value.trim() },
      language: mandate.language,
      subject,
      body,
    },
    null,
  );
  await trx
    .insertInto('sepa_debit_notices')
    .values(
      debits.map((debit) => ({
        mandate_id: mandateId,
        instalment_id: debit.instalmentId,
        due_on: debit.dueOn,
        amount_cents: debit.amountCents,
        notified_on: today,
        via: 'email' as const,
        message_id: queued.id,
      })),
    )
    .execute();
  await appendCaseEvent(trx, {
    caseId: mandate.case_id,
    debtorId: mandate.debtor_id,
    at: now,
    kind: 'plan',
    channel: 'email',
    direction: 'outbound',
    summary: recordText('portal_debits_notified', { reference: mandate.reference }),
    actorUserId: null,
    data: { mandateId, messageId: queued.id, debits: debits.length },
  });
  await appendAudit(trx, {
    actor: SYSTEM_ACTOR,
    action: 'sepa_mandate.debits_notified',
    targetType: 'sepa_mandate',
    targetId: mandateId,
    creditorId: mandate.creditor_id,
    after: {
      caseId: mandate.case_id,
      reference: mandate.reference,
      count: debits.length,
      messageId: queued.id,
      debits: debits.map((debit) => ({ dueOn: debit.dueOn, amountCents: debit.amountCents })),
    },
    at: now,
  });
  return debits.length;
}
