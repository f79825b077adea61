import type { Readable } from 'node:stream';
import { appendAudit } from '../audit/append.js';
import type { DisputeDecision, DisputeGrounds, DisputeStatus } from '../disputes/core/dispute.js';
import { documentStorage } from '../documents/storage.js';
import { contentDisposition } from '../documents/core/file-name.js';
import { agencyToday, localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError, notFound } from '../platform/errors.js';
import { claimBarsOfCases } from '../time-bars/time-bar-facts.js';
import { caseStanding, livePlanOf } from '../workspace/case-workspace.js';
import type { PortalCase, PortalCaseSummary, PortalLanguage, PortalMe } from './contract.js';
import { agencyHoursInWords } from './core/agency-hours.js';
import { portalDisputeState } from './core/dispute-state.js';
import { PORTAL_ACTOR } from './portal-actor.js';
import { payingOf } from './portal-payments.js';
import type { PortalVisitor } from './portal-sessions.js';

/**
 * What the person reads of their own files (docs/portal.md): a projection for the debtor. Their cases with every
 * creditor (they owe them all), the amounts itemised, where each file stands in plain words, the letters sent to
 * them, their payments and their own requests. Never an internal note, an agent's name, a hold's reason, another
 * person's fact or anything a third party said.
 */

const MAX_CASES = 50;

/** The person's cases, newest first: any case of theirs, by id, or 404 like a case that does not exist. */
async function ownCase(deps: Deps, visitor: PortalVisitor, caseId: string) {
  const row = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
    .select([
      'cases.id',
      'cases.debtor_id',
      'cases.reference',
      'cases.status',
      'cases.balance_cents',
      'cases.currency',
      'cases.opened_on',
      'cases.first_letter_sent_on',
      'cases.first_letter_reference',
      'creditors.name as creditor_name',
      'mandates.kind as mandate_kind',
    ])
    .where('cases.id', '=', caseId)
    .where('cases.debtor_id', '=', visitor.debtorId)
    .executeTakeFirst();
  if (!row) throw notFound('case');
  return row;
}

export function agencyOf(deps: Deps, lang: PortalLanguage): PortalMe['agency'] {
  return {
    name: deps.config.AGENCY_NAME,
    phone: deps.config.AGENCY_PHONE,
    address: (deps.config.AGENCY_ADDRESS ?? '')
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean),
    hours: agencyHoursInWords(deps.config.AGENCY_HOURS, lang),
    timeZone: deps.config.AGENCY_TZ,
  };
}

/** Who the person is to the portal (first name, language) and the summary of each of their cases. */
export async function portalMe(
  deps: Deps,
  visitor: PortalVisitor,
  lang: PortalLanguage | undefined,
): Promise<PortalMe> {
  const debtor = await deps.db
    .selectFrom('debtors')
    .select(['first_name', 'language'])
    .where('id', '=', visitor.debtorId)
    .executeTakeFirstOrThrow();
  const language = lang ?? debtor.language;
  const rows = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select([
      'cases.id',
      'cases.debtor_id',
      'cases.reference',
      'cases.status',
      'cases.balance_cents',
      'cases.currency',
      'creditors.name as creditor_name',
    ])
    .where('cases.debtor_id', '=', visitor.debtorId)
    .orderBy('cases.status', 'desc')
    .orderBy('cases.opened_on', 'desc')
    .limit(MAX_CASES)
    .execute();
  const cases: PortalCaseSummary[] = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      reference: row.reference,
      creditorName: row.creditor_name,
      status: row.status,
      balanceCents: Number(row.balance_cents),
      currency: row.currency,
      procedure: (await caseStanding(deps, row)).procedure[language],
    })),
  );
  return {
    firstName: debtor.first_name,
    language,
    csrfToken: visitor.csrfToken,
    endsAt: visitor.endsAt.toISOString(),
    cases,
    help: await helpProposed(deps, visitor),
    agency: agencyOf(deps, language),
  };
}

/**
 * The organisations proposed to the person and not closed yet (a referral is made only with their consent): the
 * person reads on their own space whom to contact and how, as the letter or e-mail of the referral gave it.
 */
async function helpProposed(deps: Deps, visitor: PortalVisitor): Promise<PortalMe['help']> {
  const rows = await deps.db
    .selectFrom('care_referrals as r')
    .innerJoin('care_organisations as o', 'o.id', 'r.organisation_id')
    .select(['o.name', 'o.phone', 'o.email', 'o.website', 'o.address', 'r.proposed_at'])
    .where('r.debtor_id', '=', visitor.debtorId)
    .where('r.status', 'in', ['proposed', 'sent'])
    .orderBy('r.proposed_at', 'desc')
    .limit(10)
    .execute();
  return rows.map((row) => ({
    organisation: row.name,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: row.address,
    proposedOn: localDateOf(row.proposed_at, deps.config.AGENCY_TZ),
  }));
}

const WHY: Record<'collection' | 'purchased', Record<PortalLanguage, (creditor: string, agency: string) => string>> = {
  collection: {
    fr: (creditor, agency) =>
      `${creditor} a confié à ${agency} le recouvrement amiable des sommes ci-dessous, restées impayées. Nous vous écrivons pour trouver avec vous une solution à votre mesure.`,
    en: (creditor, agency) =>
      `${creditor} has asked ${agency} to recover the unpaid amounts below, out of court. We write to find with you a solution you can afford.`,
    it: (creditor, agency) =>
      `${creditor} ha affidato a ${agency} il recupero stragiudiziale delle somme qui sotto, rimaste non pagate. Le scriviamo per trovare con lei una soluzione sostenibile.`,
  },
  purchased: {
    fr: (creditor, agency) =>
      `${agency} a racheté à ${creditor} les sommes ci-dessous, restées impayées : elles lui sont désormais dues. Nous vous écrivons pour trouver avec vous une solution à votre mesure.`,
    en: (creditor, agency) =>
      `${agency} has bought the unpaid amounts below from ${creditor}: they are now owed to it. We write to find with you a solution you can afford.`,
    it: (creditor, agency) =>
      `${agency} ha acquistato da ${creditor} le somme qui sotto, rimaste non pagate: ora le sono dovute. Le scriviamo per trovare con lei una soluzione sostenibile.`,
  },
};

/** One of the person's cases, whole, in their language. */
export async function portalCase(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  lang: PortalLanguage | undefined,
): Promise<PortalCase> {
  // The case and the person's language, read at once.
  const [found, language] = await Promise.all([
    ownCase(deps, visitor, caseId),
    lang ??
      deps.db
        .selectFrom('debtors')
        .select('language')
        .where('id', '=', visitor.debtorId)
        .executeTakeFirstOrThrow()
        .then((row) => row.language),
  ]);
  const { text, claims, bars, plan, letters, payments, callbacks, declarations, disputes } = await caseFacts(
    deps,
    found,
  );
  const claimViews = claimsView(claims, bars);
  const sum = (pick: (claim: (typeof claimViews)[number]) => number) =>
    claimViews.reduce((total, claim) => total + pick(claim), 0);
  return {
    id: found.id,
    reference: found.reference,
    creditorName: found.creditor_name,
    status: found.status,
    balanceCents: Number(found.balance_cents),
    currency: found.currency,
    procedure: text.procedure[language],
    mandateKind: found.mandate_kind,
    why: WHY[found.mandate_kind][language](found.creditor_name, deps.config.AGENCY_NAME),
    openedOn: found.opened_on,
    firstLetter: found.first_letter_sent_on
      ? { sentOn: found.first_letter_sent_on, reference: found.first_letter_reference }
      : null,
    claims: claimViews,
    totals: {
      principalCents: sum((claim) => claim.principalCents),
      interestCents: sum((claim) => claim.interestCents),
      feesCents: sum((claim) => claim.feesCents),
      paidCents: payments.reduce((total, payment) => total + Number(payment.amount_cents), 0),
      balanceCents: Number(found.balance_cents),
    },
    standing: {
      procedure: text.procedure[language],
      next: text.next[language],
      ifNoSolution: text.ifNoSolution[language],
      facts: text.facts.map((fact) => ({ label: fact.label[language], value: fact.value[language] })),
    },
    plan: plan
      ? {
          status: plan.status,
          nextInstalment:
            plan.due_on && plan.amount_cents !== null
              ? { dueOn: plan.due_on, amountCents: Number(plan.amount_cents) }
              : null,
        }
      : null,
    letters: letters.map((letter) => ({
      id: letter.id,
      fileName: letter.file_name,
      sentAt: letter.uploaded_at.toISOString(),
    })),
    payments: payments.map((payment) => ({
      id: payment.id,
      receiptNumber: payment.receipt_number,
      receivedOn: payment.received_on,
      amountCents: Number(payment.amount_cents),
      channel: payment.channel,
    })),
    paying: payingOf(deps, { ...found, balanceCents: Number(found.balance_cents) }),
    callbacks: callbacks.map((callback) => ({ id: callback.id, at: callback.callback_at.toISOString() })),
    declarations: declarations.map((declaration) => ({
      kind: declaration.kind,
      declaredAt: declaration.declared_at.toISOString(),
    })),
    disputes: disputes.map((dispute) => ({
      grounds: dispute.grounds as DisputeGrounds,
      claimReference: dispute.reference,
      openedAt: dispute.opened_at.toISOString(),
      state: portalDisputeState(dispute.status as DisputeStatus, dispute.decision as DisputeDecision | null),
      decidedAt: dispute.decided_at?.toISOString() ?? null,
    })),
  };
}

/** A letter the agency sent on one of the person's cases, as a PDF; each download audited. */
export async function openPortalLetter(
  deps: Deps,
  visitor: PortalVisitor,
  caseId: string,
  documentId: string,
  requestId: string,
): Promise<{ stream: Readable; sizeBytes: number; contentDisposition: string }> {
  const found = await ownCase(deps, visitor, caseId);
  const row = await deps.db
    .selectFrom('case_documents')
    .select(['id', 'file_name', 'sha256', 'creditor_id'])
    .where('id', '=', documentId)
    .where('case_id', '=', found.id)
    .where('document_type', '=', 'correspondence')
    .where('source', '=', 'agent')
    .where('special_category', '=', false)
    .executeTakeFirst();
  if (!row) throw notFound('letter');
  const file = await documentStorage(deps.config).get(row.id);
  if (!file) throw new AppError('portal.letter_missing', 404, 'This letter is no longer kept: call us for a copy.');
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: PORTAL_ACTOR,
      action: 'portal.letter_downloaded',
      targetType: 'document',
      targetId: row.id,
      creditorId: row.creditor_id,
      after: { caseId: found.id, debtorId: visitor.debtorId, sha256: row.sha256 },
      requestId,
      at: deps.now(),
    }),
  );
  return { stream: file.stream, sizeBytes: file.bytes, contentDisposition: contentDisposition(row.file_name) };
}

/** Everything the person's view of a case is made of, read at once. */
async function caseFacts(deps: Deps, found: { id: string; debtor_id: string; balance_cents: number }) {
  const today = agencyToday(deps.now(), deps.config);
  // The claims' bars and the live plan are read once, for the standing and for this page.
  const barsRead = claimBarsOfCases(deps.db, [found.id], today, deps.config.TIME_BAR_REVIEW_DAYS);
  const planRead = livePlanOf(deps.db, found.id);
  const [text, claims, bars, plan, letters, payments, callbacks, declarations, disputes] = await Promise.all([
    caseStanding(deps, found, { bars: barsRead, plan: planRead }),
    deps.db.selectFrom('claims').selectAll().where('case_id', '=', found.id).orderBy('default_on').execute(),
    barsRead.catch(() => []),
    planRead,
    deps.db
      .selectFrom('case_documents')
      .select(['id', 'file_name', 'uploaded_at'])
      .where('case_id', '=', found.id)
      .where('document_type', '=', 'correspondence')
      .where('source', '=', 'agent')
      .where('special_category', '=', false)
      .orderBy('uploaded_at', 'desc')
      .limit(50)
      .execute(),
    deps.db
      .selectFrom('payments')
      .select(['id', 'receipt_number', 'received_on', 'amount_cents', 'channel'])
      .where('case_id', '=', found.id)
      .where('reversed_at', 'is', null)
      .orderBy('received_on', 'desc')
      .limit(100)
      .execute(),
    deps.db
      .selectFrom('contact_callbacks')
      .select(['id', 'callback_at'])
      .where('case_id', '=', found.id)
      .where('status', '=', 'pending')
      .where('callback_at', '>', deps.now())
      .orderBy('callback_at')
      .execute(),
    deps.db
      .selectFrom('portal_declarations')
      .select(['kind', 'declared_at'])
      .where('case_id', '=', found.id)
      .orderBy('declared_at', 'desc')
      .limit(10)
      .execute(),
    deps.db
      .selectFrom('disputes as d')
      .innerJoin('claims as c', 'c.id', 'd.claim_id')
      .select(['d.grounds', 'c.reference', 'd.opened_at', 'd.status', 'd.decision', 'd.decided_at'])
      .where('d.case_id', '=', found.id)
      .orderBy('d.opened_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  return { text, claims, bars, plan, letters, payments, callbacks, declarations, disputes };
}

type ClaimRow = Awaited<ReturnType<typeof caseFacts>>['claims'][number];
type ClaimBarRow = Awaited<ReturnType<typeof caseFacts>>['bars'][number];

/** Each claim as placed, what was settled on it and what is left, with its time bar when near or passed. */
function claimsView(claims: ClaimRow[], bars: ClaimBarRow[]): PortalCase['claims'] {
  const barOf = new Map(bars.map((bar) => [bar.claimId, bar.bar]));
  return claims.map((claim) => {
    const settled = claim.settled_principal_cents + claim.settled_interest_cents + claim.settled_fees_cents;
    const bar = barOf.get(claim.id);
    return {
      reference: claim.reference,
      contractType: claim.contract_type,
      originalCreditor: claim.original_creditor,
      defaultOn: claim.default_on,
      principalCents: claim.principal_cents,
      interestCents: claim.interest_cents,
      feesCents: claim.fees_cents,
      settledCents: settled,
      balanceCents: claim.principal_cents + claim.interest_cents + claim.fees_cents - settled,
      timeBar: bar && bar.status !== 'running' ? { status: bar.status, lastDay: bar.lastDay } : null,
    };
  });
}
