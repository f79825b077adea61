import { caseInScope } from '../../cases/scope.js';
import { debtorName } from '../../debtors/core/debtor-name.js';
import type { Actor } from '../../identity/actor.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import {
  checkTemplateText,
  renderTemplateText,
  SAMPLE_VARIABLES,
  type MessageLanguage,
  type MessageVariables,
  type TemplateSlot,
} from '../core/template-text.js';
import { unsubscribeUrl } from '../email/core/message-id.js';
import { smsSize } from '../sms/core/sms-text.js';
import { configuredAddress, demandOf, type PaymentWay } from '../core/first-letter.js';
import { howToDisputeText, itemisedAmountText, paymentWaysText } from '../core/reminder-letter.js';
import { loadLetterFacts } from '../first-letter-facts.js';
import type { EdgeSample, TemplatePreview, TemplatePreviewInput } from './contract.js';
import { assertSlot } from './template-admin.js';
import { creditorNames } from './template-store.js';

/**
 * A text as one debtor would read it, before it is saved: on a real case (its debtor's name, references, balance) or on
 * the edge cases a template must survive. Nothing is recorded, nothing is sent.
 */

/** The edge cases: names and amounts that stretch a text, a first letter sent on a day that reads both ways. */
const EDGES: Record<EdgeSample, Omit<MessageVariables, 'agencyName' | 'agencyPhone' | 'unsubscribeUrl'>> = {
  company: {
    debtorName: 'SAS Les Ateliers Réunis du Rhône et de la Saône',
    caseReference: 'C-2026-104871',
    firstLetter: { reference: 'LR-C-2026-104871', sentOn: '2026-03-12' },
    balanceCents: 1_234_567_89,
  },
  // Nothing a message says depends on a birth date: the text must read the same without one.
  no_birth_date: {
    debtorName: 'Jean MARTIN',
    caseReference: 'C-2026-000042',
    firstLetter: { reference: 'LR-C-2026-000042', sentOn: '2026-01-05' },
    balanceCents: 4_999,
  },
  overseas: {
    debtorName: 'Marie-Héloïse PAYET-HOARAU',
    caseReference: 'C-2026-097401',
    firstLetter: { reference: 'LR-C-2026-097401', sentOn: '2026-10-30' },
    balanceCents: 86_050,
  },
  italian: {
    debtorName: 'Giulia ROSSI',
    caseReference: 'C-2026-200317',
    firstLetter: { reference: 'LR-C-2026-200317', sentOn: '2026-07-01' },
    balanceCents: 250_000,
  },
};

export async function previewTemplate(deps: Deps, actor: Actor, input: TemplatePreviewInput): Promise<TemplatePreview> {
  const slot: TemplateSlot = { template: input.template, channel: input.channel, language: input.language };
  assertSlot(slot);
  const text = { subject: slot.channel === 'email' ? (input.subject ?? '') : null, body: input.body };
  const agency = {
    agencyName: deps.config.AGENCY_NAME,
    agencyPhone: deps.config.AGENCY_PHONE,
    unsubscribeUrl: deps.config.PUBLIC_URL
      ? unsubscribeUrl(deps.config.PUBLIC_URL, 'preview')
      : SAMPLE_VARIABLES.unsubscribeUrl,
  };
  let variables: MessageVariables;
  let sample: TemplatePreview['sample'];
  if (input.sample.kind === 'edge') {
    variables = { ...EDGES[input.sample.edge], ...agency };
    sample = { label: input.sample.edge, firstLetterSent: true };
  } else {
    const found = await deps.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
      .select([
        'c.id',
        'c.reference',
        'c.first_letter_reference',
        'c.first_letter_sent_on',
        'd.kind',
        'd.first_name',
        'd.last_name',
        'd.company_name',
      ])
      .where('c.reference', '=', input.sample.caseReference)
      .executeTakeFirst();
    if (!found) throw notFound(`The case ${input.sample.caseReference}`);
    const scoped = await caseInScope(deps.db, actor, found.id);
    const sent = found.first_letter_sent_on !== null && found.first_letter_reference !== null;
    variables = {
      ...agency,
      debtorName: debtorName(found),
      caseReference: found.reference,
      // A case whose letter has not gone out could receive nothing yet: the preview says so and shows a stand-in.
      firstLetter: sent
        ? { reference: found.first_letter_reference!, sentOn: found.first_letter_sent_on! }
        : SAMPLE_VARIABLES.firstLetter,
      balanceCents: scoped.balance_cents,
    };
    sample = { label: found.reference, firstLetterSent: sent };
  }
  if (slot.channel === 'letter')
    variables.letter =
      input.sample.kind === 'case' ? await caseBlocks(deps, actor, slot.language, input.sample.caseReference) : null;
  variables.letter ??= edgeBlocks(deps, slot.language, variables);
  const findings = checkTemplateText(slot, text, await creditorNames(deps.db), variables);
  const parses = !findings.some((finding) =>
    ['template.syntax', 'template.expression', 'template.unknown_variable'].includes(finding.code),
  );
  const rendered = parses ? renderTemplateText(text, slot.language, variables) : null;
  return {
    subject: rendered?.subject ?? null,
    body: rendered?.body ?? null,
    findings,
    sms: rendered && slot.channel === 'sms' ? smsSize(rendered.body) : null,
    sample,
  };
}

/** A letter's blocks for a real case, as its reminder would print them today (null when it has no address or owes nothing). */
async function caseBlocks(deps: Deps, actor: Actor, language: MessageLanguage, reference: string) {
  const found = await deps.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const scoped = await caseInScope(deps.db, actor, found.id);
  const loaded = await loadLetterFacts(deps.db, deps.config, scoped, deps.now());
  const demand = demandOf({ ...loaded.facts, letterReference: '', sentOn: '' });
  if (!demand.ok) return null;
  return {
    itemisedAmount: itemisedAmountText(language, demand.itemisation),
    paymentWays: paymentWaysText(language, demand.paymentWays),
    howToDispute: howToDisputeText(
      language,
      { address: loaded.facts.agency.address.lines, phone: loaded.facts.agency.phone },
      scoped.reference,
    ),
  };
}

/** An edge case's blocks: its balance as principal, the cheque and the phone as ways to pay. */
function edgeBlocks(
  deps: Deps,
  language: MessageLanguage,
  v: MessageVariables,
): NonNullable<MessageVariables['letter']> {
  const agency = {
    name: deps.config.AGENCY_NAME,
    address: configuredAddress(deps.config.AGENCY_ADDRESS)?.lines ?? ['8 rue des Archives', '75004 PARIS'],
    phone: deps.config.AGENCY_PHONE,
  };
  const ways: PaymentWay[] = [
    { kind: 'cheque', payee: agency.name, address: agency.address, reference: v.caseReference },
    { kind: 'phone', phone: agency.phone, reference: v.caseReference },
  ];
  const line = { claimReference: `${v.caseReference}-1`, component: 'principal' as const, amountCents: v.balanceCents };
  return {
    itemisedAmount: itemisedAmountText(language, {
      lines: [line],
      totals: { principal: v.balanceCents, interest: 0, accessory: 0 },
      amountDemandedCents: v.balanceCents,
    }),
    paymentWays: paymentWaysText(language, ways),
    howToDispute: howToDisputeText(language, agency, v.caseReference),
  };
}
