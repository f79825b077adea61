import type { Actor } from '../identity/actor.js';
import { assertVisible } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { listHolds } from './holds/manage-holds.js';
import { decisionsAsReadBy } from '../need-to-know/decisions.js';
import { holdsAsReadBy } from '../need-to-know/holds.js';
import { decideContact } from './core/decide.js';
import type { CompiledPolicy } from './core/compile.js';
import type { ContactFacts } from './core/facts.js';
import { CHANNELS, HOLD_KINDS, type Channel, type DayKey, type HoldKind } from './core/policy-document.js';
import { contactView } from './contact-view.js';
import { usableOverride } from './contact-permission.js';
import type { CaseContactView, DecisionView } from './contract.js';
import { decisionView } from './decision-view.js';
import { loadContactFacts } from './load-facts.js';
import { policyInForce } from './policy-store.js';

const HISTORY_LIMIT = 200;

/** Everything the case view shows about contact: the permission per channel now, and what it rests on. */
export async function caseContact(
  deps: Deps,
  actor: Actor,
  caseId: string,
  read: { reason?: string | undefined; requestId?: string | null } = {},
): Promise<CaseContactView> {
  const now = deps.now();
  const caseRow = await deps.db
    .selectFrom('cases')
    .select(['id', 'debtor_id', 'creditor_id', 'first_letter_sent_on', 'first_letter_reference'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  assertVisible(actor, caseRow, 'The case');
  const debtorId = caseRow.debtor_id;
  const policy = await policyInForce(deps.db, now);
  const { facts } = await loadContactFacts(deps.db, policy, { debtorId, caseId, at: now });
  const permissions = await permissionsNow(deps, actor, policy, facts, { debtorId, caseId }, now);
  const records = await readContactRecords(deps, debtorId);
  // Need-to-know (GDPR art. 9): care holds in full only for those entitled; the read is recorded.
  const careRead = await holdsAsReadBy(deps, actor, { debtorId, caseId }, records.holds, read);
  // The same need-to-know for what the decisions say: a care hold's rule in neutral words for anyone else.
  const readable = await decisionsAsReadBy(deps.db, actor, debtorId, now, permissions, careRead.decision);
  const contactViews = records.contacts.map(contactView);
  const contactDecisions = await decisionsAsReadBy(
    deps.db,
    actor,
    debtorId,
    now,
    contactViews.map((contact) => contact.decision),
    careRead.decision,
  );

  return {
    debtorId,
    now: now.toISOString(),
    location: facts.location,
    policyVersion: policy.version,
    holdRules: holdRulesOf(policy),
    firstLetter: caseRow.first_letter_sent_on
      ? { sentOn: caseRow.first_letter_sent_on, reference: caseRow.first_letter_reference }
      : null,
    permissions: Object.fromEntries(CHANNELS.map((channel, index) => [channel, readable[index]!])) as Record<
      Channel,
      DecisionView
    >,
    contacts: contactViews.map((contact, index) => ({ ...contact, decision: contactDecisions[index]! })),
    holds: careRead.holds,
    ...recordViews(records),
  };
}

/** The policy's decision per channel now (in the order of CHANNELS), with an override that would let it through. */
async function permissionsNow(
  deps: Deps,
  actor: Actor,
  policy: CompiledPolicy,
  facts: ContactFacts,
  { debtorId, caseId }: { debtorId: string; caseId: string },
  now: Date,
): Promise<DecisionView[]> {
  const permissions: DecisionView[] = [];
  for (const channel of CHANNELS) {
    const decision = decideContact(policy, facts, channel, now.getTime());
    const override = decision.allowed ? null : await usableOverride(deps.db, debtorId, caseId, channel, now);
    permissions.push(decisionView(decision, actor.locale, override));
  }
  return permissions;
}

/** What each kind of hold stops, and its default and longest durations, so the form can say them. */
function holdRulesOf(policy: CompiledPolicy): CaseContactView['holdRules'] {
  return Object.fromEntries(
    HOLD_KINDS.map((kind) => {
      const rule = policy.document.holds[kind];
      return [kind, { stops: rule.stops, defaultDays: rule.defaultDays ?? null, maxDays: rule.maxDays ?? null }];
    }),
  ) as Record<HoldKind, { stops: Channel[]; defaultDays: number | null; maxDays: number | null }>;
}

type ContactRecords = Awaited<ReturnType<typeof readContactRecords>>;

/** The debtor's recent contacts, holds, overrides, opt-outs, preferences and callbacks. */
async function readContactRecords(deps: Deps, debtorId: string) {
  const [contacts, holds, overrides, optOuts, preferences, callbacks] = await Promise.all([
    deps.db
      .selectFrom('contacts as c')
      .leftJoin('users as u', 'u.id', 'c.recorded_by')
      .selectAll('c')
      .select('u.display_name as recorded_by_name')
      .where('c.debtor_id', '=', debtorId)
      .orderBy('c.occurred_at', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
    listHolds(deps, debtorId),
    deps.db
      .selectFrom('contact_overrides as o')
      .innerJoin('users as u', 'u.id', 'o.granted_by')
      .select([
        'o.id',
        'o.case_id',
        'o.channel',
        'o.reason',
        'o.granted_at',
        'o.valid_until',
        'o.used_at',
        'u.display_name',
      ])
      .where('o.debtor_id', '=', debtorId)
      .orderBy('o.granted_at', 'desc')
      .limit(50)
      .execute(),
    deps.db
      .selectFrom('contact_opt_outs')
      .select(['channel', 'opted_out_at'])
      .where('debtor_id', '=', debtorId)
      .where('withdrawn_at', 'is', null)
      .execute(),
    deps.db
      .selectFrom('contact_preferences')
      .select(['channels', 'windows'])
      .where('debtor_id', '=', debtorId)
      .executeTakeFirst(),
    deps.db
      .selectFrom('contact_callbacks')
      .select(['id', 'case_id', 'callback_at', 'status'])
      .where('debtor_id', '=', debtorId)
      .orderBy('callback_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  return { contacts, holds, overrides, optOuts, preferences, callbacks };
}

function recordViews({
  overrides,
  optOuts,
  preferences,
  callbacks,
}: ContactRecords): Pick<CaseContactView, 'overrides' | 'optOuts' | 'preferences' | 'callbacks'> {
  return {
    overrides: overrides.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      channel: row.channel,
      reason: row.reason,
      grantedBy: row.display_name,
      grantedAt: row.granted_at.toISOString(),
      validUntil: row.valid_until.toISOString(),
      usedAt: row.used_at?.toISOString() ?? null,
    })),
    optOuts: optOuts.map((row) => ({ channel: row.channel, optedOutAt: row.opted_out_at.toISOString() })),
    preferences: {
      channels: (preferences?.channels as Channel[] | null | undefined) ?? null,
      windows: (preferences?.windows as { days: DayKey[]; from: string; to: string }[] | null | undefined) ?? null,
    },
    callbacks: callbacks.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      at: row.callback_at.toISOString(),
      status: row.status,
    })),
  };
}
