import { createHash, createHmac } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { isValidCreditorIdentifier } from '../bank-files/core/pain008.js';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import { hashToken } from '../identity/sessions.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB, SepaMandatesTable } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import {
  checkAccount,
  eMandateReference,
  firstDebitDate,
  MANDATE_TEXT_VERSION,
  mandateRefusal,
  mandateText,
  maskIban,
  notifiedInTime,
  PRE_NOTIFICATION_DAYS,
  preNotificationDate,
  type MandateLanguage,
  type MandateRefusal,
} from './core/e-mandate.js';
import type { MandateSigned, PortalMandate, PortalMandatePage, SignMandateInput } from './mandates/contract.js';
import { ACCOUNT_REFUSALS, MANDATE_REFUSAL_PROBLEMS } from './mandates/problems.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import type { PortalVisitor } from './portal-sessions.js';
import { surveyOfferFor } from './portal-survey.js';
import { activeHoldKinds } from './portal-facts.js';
import { recordSignatureNotices } from './debit-notices.js';

/**
 * The SEPA direct-debit e-mandate the person signs on the portal for their plan (docs/portal.md, "A direct debit").
 * It is a row of `sepa_mandates` like a paper mandate an agent records, so the agency's one pain.008 file
 * (bank-files/direct-debits.ts) takes the plan's instalments with it, from the first one its schedule notified in
 * time. The signature's evidence is kept beside it; the IBAN is shown masked, audited by its last four only, never
 * logged.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** The evidence of the signature the route knows: the portal session's cookie, the client's address and browser. */
export interface SignatureContext {
  sessionToken: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
}

const LIVE_PLAN = ['agreed', 'active'] as const;

async function ownCase(db: Db, visitor: PortalVisitor, caseId: string, lock = false) {
  let query = db
    .selectFrom('cases')
    .select(['id', 'reference', 'debtor_id', 'creditor_id', 'status'])
    .where('id', '=', caseId)
    .where('debtor_id', '=', visitor.debtorId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('case');
  return row;
}
type OwnCase = Awaited<ReturnType<typeof ownCase>>;

/** The live plan's unpaid instalments, in order (none without a live plan). */
async function planDebits(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', (join) =>
      join.onRef('v.plan_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
    )
    .leftJoin('plan_instalments as i', (join) =>
      join.onRef('i.plan_version_id', '=', 'v.id').on('i.status', '<>', 'paid'),
    )
    .select(['p.id as plan_id', 'i.number', 'i.due_on', 'i.amount_cents'])
    .where('p.case_id', '=', caseId)
    .where('p.status', 'in', [...LIVE_PLAN])
    .orderBy('i.number')
    .execute();
  const planId = rows[0]?.plan_id ?? null;
  const debits = rows.flatMap((row) =>
    row.number === null || row.due_on === null || row.amount_cents === null
      ? []
      : [{ number: row.number, dueOn: row.due_on, amountCents: Number(row.amount_cents) }],
  );
  return { planId, debits };
}

function creditorOf(deps: Deps) {
  const { SEPA_CREDITOR_NAME: name, SEPA_CREDITOR_ID: identifier, SEPA_CREDITOR_IBAN: iban } = deps.config;
  return name && identifier && iban && isValidCreditorIdentifier(identifier) ? { name, identifier } : null;
}

async function nextReference(db: Db, found: OwnCase): Promise<string> {
  const { count } = await db
    .selectFrom('sepa_mandates')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('case_id', '=', found.id)
    .where('signed_via', '=', 'portal')
    .executeTakeFirstOrThrow();
  return eMandateReference(found.reference, Number(count) + 1);
}

const mandateView = (row: Selectable<SepaMandatesTable>): PortalMandate => ({
  reference: row.reference,
  holder: row.debtor_name,
  ibanMasked: maskIban(row.debtor_iban),
  bic: row.debtor_bic,
  signedOn: row.signed_on,
  signedVia: row.signed_via as 'staff' | 'portal',
  status: row.status as 'active' | 'revoked',
  revokedOn: row.revoked_on,
  firstDebitOn: row.pre_notified_from,
});

/** The case's mandates, latest signed first; the active one (if any) first of all. */
async function mandatesOf(db: Db, caseId: string) {
  return db
    .selectFrom('sepa_mandates')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('signed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

async function refusalOf(deps: Deps, db: Db, found: OwnCase, planId: string | null): Promise<MandateRefusal | null> {
  return mandateRefusal({
    status: found.status,
    livePlan: planId !== null,
    activeHolds: await activeHoldKinds(db, found, deps.now()),
    creditorConfigured: creditorOf(deps) !== null,
  });
}

/** The mandate page: the text to read in the person's language, the debits it would take, the mandates on the case. */
export async function portalMandatePage(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  language: MandateLanguage,
): Promise<PortalMandatePage> {
  const found = await ownCase(deps.db, visitor, caseId);
  const [{ planId, debits }, mandates, reference] = await Promise.all([
    planDebits(deps.db, found.id),
    mandatesOf(deps.db, found.id),
    nextReference(deps.db, found),
  ]);
  const refusal = await refusalOf(deps, deps.db, found, planId);
  const creditor = creditorOf(deps);
  const today = agencyToday(deps.now(), deps.config);
  const active = mandates.find((m) => m.status === 'active');
  return {
    refusal,
    creditorName: creditor?.name ?? null,
    creditorIdentifier: creditor?.identifier ?? null,
    reference: refusal === null ? reference : null,
    textVersion: MANDATE_TEXT_VERSION,
    text:
      refusal === null && creditor
        ? mandateText(language, { creditorName: creditor.name, creditorIdentifier: creditor.identifier, reference })
        : [],
    preNotificationDays: PRE_NOTIFICATION_DAYS,
    debits: debits.map((d) => ({
      ...d,
      noticeBy: preNotificationDate(d.dueOn),
      byDirectDebit: notifiedInTime(today, d.dueOn),
    })),
    current: active ? mandateView(active) : null,
    history: mandates.filter((m) => m !== active).map(mandateView),
  };
}

/** A one-way trace of the client's address: keyed with the server's secrets key when there is one. */
function addressTrace(deps: Deps, ip: string): string {
  const key = deps.config.SECRETS_KEY ? Buffer.from(deps.config.SECRETS_KEY, 'base64') : 'accord-portal-address';
  return createHmac('sha256', key).update(ip).digest('hex');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The mandate the person signs for their plan, after reading its text and ticking their consent: the account checked,
 * the reference the page showed (409 otherwise: look again), any mandate in force on the case replaced, the signature's
 * evidence kept, on the timeline and audited, in one transaction under the case's lock.
 */
export async function signPortalMandate(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  input: SignMandateInput,
  context: SignatureContext,
): Promise<MandateSigned> {
  const verdict = checkAccount(input.iban, input.bic);
  if (!verdict.ok) {
    const problem = ACCOUNT_REFUSALS[verdict.reason];
    throw invalid(problem.code, problem.message, { field: problem.field });
  }
  const at = deps.now();
  const signedOn = agencyToday(at, deps.config);
  const mandateId = await deps.db.transaction().execute(async (trx) => {
    const found = await ownCase(trx, visitor, caseId, true);
    const { planId } = await planDebits(trx, found.id);
    const refusal = await refusalOf(deps, trx, found, planId);
    if (refusal !== null || planId === null) {
      const problem = MANDATE_REFUSAL_PROBLEMS[refusal ?? 'no_plan'];
      throw conflict(problem.code, problem.message);
    }
    const reference = await nextReference(trx, found);
    if (reference !== input.reference)
      throw conflict('portal.mandate_changed', 'The mandate has changed since you read it: read it again and sign.');
    const creditor = creditorOf(deps)!;
    const text = mandateText(input.language, {
      creditorName: creditor.name,
      creditorIdentifier: creditor.identifier,
      reference,
    });
    await replaceActive(trx, found, signedOn, at, context.requestId);
    const row = await insertMandate(trx, deps, found, {
      reference,
      holder: input.holder,
      account: verdict,
      signedOn,
      at,
      planId,
      context,
      language: input.language,
      textSha256: sha256(text.join('\n')),
    });
    await recordSignatureNotices(trx, row.id, planId, signedOn);
    await appendCaseEvent(trx, {
      caseId: found.id,
      debtorId: found.debtor_id,
      at,
      kind: 'plan',
      channel: null,
      summary: recordText('portal_mandate_signed', { reference }),
      actorUserId: null,
      data: { via: 'portal', mandateId: row.id, planId, firstDebitOn: firstDebitDate(signedOn) },
    });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.mandate_signed',
      targetType: 'sepa_mandate',
      targetId: row.id,
      creditorId: found.creditor_id,
      // The IBAN is bank data: the audit keeps its last four characters only.
      after: {
        reference,
        caseId: found.id,
        debtorId: found.debtor_id,
        planId,
        ibanEnd: verdict.iban.slice(-4),
        signedOn,
        consent: true,
        textVersion: MANDATE_TEXT_VERSION,
        consentAt: at.toISOString(),
      },
      requestId: context.requestId,
      at,
    });
    return row.id;
  });
  const mandate = await deps.db
    .selectFrom('sepa_mandates')
    .selectAll()
    .where('id', '=', mandateId)
    .executeTakeFirstOrThrow();
  const offered = await surveyOfferFor(deps, visitor, caseId, { kind: 'mandate_signed', id: mandateId });
  return { mandate: mandateView(mandate), survey: offered.offered ? { kind: 'mandate_signed', id: mandateId } : null };
}

/** The mandate's row and its signature evidence. */
async function insertMandate(
  trx: Transaction<DB>,
  deps: Deps,
  found: OwnCase,
  m: {
    reference: string;
    holder: string;
    account: { iban: string; bic: string | null };
    signedOn: string;
    at: Date;
    planId: string;
    context: SignatureContext;
    language: MandateLanguage;
    textSha256: string;
  },
): Promise<{ id: string }> {
  const row = await trx
    .insertInto('sepa_mandates')
    .values({
      reference: m.reference,
      case_id: found.id,
      debtor_id: found.debtor_id,
      creditor_id: found.creditor_id,
      debtor_name: m.holder,
      debtor_iban: m.account.iban,
      debtor_bic: m.account.bic,
      signed_on: m.signedOn,
      signed_via: 'portal',
      pre_notified_from: firstDebitDate(m.signedOn),
      created_by: null,
      created_at: m.at,
      updated_at: m.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('sepa_mandate_signatures')
    .values({
      mandate_id: row.id,
      signed_at: m.at,
      portal_session_sha256: sha256(hashToken(m.context.sessionToken)),
      ip_sha256: addressTrace(deps, m.context.ip),
      user_agent: m.context.userAgent?.slice(0, 500) ?? null,
      text_version: MANDATE_TEXT_VERSION,
      text_language: m.language,
      text_sha256: m.textSha256,
      plan_id: m.planId,
    })
    .execute();
  return row;
}

/** Revokes the case's mandates in force, on the portal (a new one replaces them, or the person stops the debits). */
async function replaceActive(
  trx: Transaction<DB>,
  found: OwnCase,
  revokedOn: string,
  at: Date,
  requestId: string,
  reason: 'replaced' | 'revoked_by_debtor' = 'replaced',
): Promise<number> {
  const active = await trx
    .selectFrom('sepa_mandates')
    .select(['id', 'reference', 'signed_on'])
    .where('case_id', '=', found.id)
    .where('status', '=', 'active')
    .forUpdate()
    .execute();
  for (const mandate of active) {
    await trx
      .updateTable('sepa_mandates')
      .set({
        status: 'revoked',
        revoked_on: revokedOn < mandate.signed_on ? mandate.signed_on : revokedOn,
        revoke_reason: reason === 'replaced' ? 'Replaced by a mandate signed on the portal' : 'Revoked on the portal',
        revoked_via: 'portal',
        updated_at: at,
      })
      .where('id', '=', mandate.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: found.id,
      debtorId: found.debtor_id,
      at,
      kind: 'plan',
      channel: null,
      summary: recordText('portal_mandate_revoked', { reference: mandate.reference }),
      actorUserId: null,
      data: { via: 'portal', mandateId: mandate.id, reason },
    });
    await appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.mandate_revoked',
      targetType: 'sepa_mandate',
      targetId: mandate.id,
      creditorId: found.creditor_id,
      before: { status: 'active' },
      after: { status: 'revoked', reference: mandate.reference, caseId: found.id, revokedOn, reason },
      requestId,
      at,
    });
  }
  return active.length;
}

/** The person stops the direct debits of their file: every mandate in force on it is revoked (409 if none). */
export async function revokePortalMandate(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  requestId: string,
): Promise<{ revoked: number }> {
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await ownCase(trx, visitor, caseId, true);
    const revoked = await replaceActive(trx, found, agencyToday(at, deps.config), at, requestId, 'revoked_by_debtor');
    if (revoked === 0)
      throw conflict('portal.mandate_none', 'No direct debit is set up on this file: there is nothing to stop.');
    return { revoked };
  });
}
