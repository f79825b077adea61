import { debtorLocation } from '../contact-policy/load-facts.js';
import { agencyToday, localDateOf } from '../platform/calendar/index.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { CALL_LIMITS } from './core/call-plan.js';
import { SCRIPT, VOICEMAIL_SCRIPT } from './core/conversation.js';
import { standing, type Standing, type StandingFacts } from './core/standing.js';
import { withReferral } from './core/standing-referral.js';
import { standingReferral } from './standing-referral.js';
import { TASK_TITLES } from './core/texts.js';
import { queueEntryViews } from './queue-view.js';
import type { CaseWorkspaceView, PromiseView, TaskView } from './contract.js';
import { caseInScope } from '../cases/scope.js';
import { claimBarsOfCases, type ClaimBar } from '../time-bars/time-bar-facts.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * What the case view adds for the agent: where the file stands in plain words, the queue entry and why, promises,
 * follow-ups, the call script, and the debtor's own clock.
 */
export async function caseWorkspace(deps: Deps, actor: Actor, caseId: string): Promise<CaseWorkspaceView> {
  const now = deps.now();
  const db = deps.db;
  const caseRow = await caseInScope(db, actor, caseId);
  const [facts, location, promises, tasks, queue] = await Promise.all([
    standingFacts(deps, caseRow, now),
    debtorLocation(db, caseRow.debtor_id),
    db
      .selectFrom('promises')
      .leftJoin('users', 'users.id', 'promises.created_by')
      .selectAll('promises')
      .select('users.display_name as created_by_name')
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('case_tasks')
      .leftJoin('teams', 'teams.id', 'case_tasks.team_id')
      .selectAll('case_tasks')
      .select('teams.name as team_name')
      .where('case_id', '=', caseId)
      .orderBy('status')
      .orderBy('due_at', 'desc')
      .limit(50)
      .execute(),
    queueEntryViews(db, [caseId], { actor, now }),
  ]);
  const openPromise = promises.find((promise) => promise.status === 'open');
  const text = withReferral(
    await standingOf(deps, facts, caseId, now, openPromise ?? null),
    await standingReferral(deps, actor, { debtorId: caseRow.debtor_id, caseId }),
  );
  const lang = actor.locale;
  return {
    caseId,
    debtorLocalTime: { at: now.toISOString(), timeZone: location.timeZone, country: location.country },
    standing: {
      procedure: text.procedure[lang],
      next: text.next[lang],
      ifNoSolution: text.ifNoSolution[lang],
      facts: text.facts.map((fact) => ({ label: fact.label[lang], value: fact.value[lang] })),
    },
    queue: queue[0] ?? null,
    promises: promises.map((promise) => promiseView(promise)),
    tasks: tasks.map((task) => taskView({ ...task, case_reference: caseRow.reference }, lang)),
    ...scriptsView(deps, actor),
    noteMaxLength: CALL_LIMITS.noteMaxLength,
    promiseMaxDays: CALL_LIMITS.promiseMaxDays,
  };
}

/**
 * "Where this file stands" for a case, as the debtor reads it on the portal: the same words the agent says, without
 * what only the agency reads (a care referral). The caller has checked the case is the reader's.
 */
export async function caseStanding(
  deps: Deps,
  caseRow: { id: string; debtor_id: string; balance_cents: number },
  shared: SharedFacts = {},
): Promise<Standing> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  // Read at once: the file, its open promise and what waits on it (each its own connection from the pool).
  const [facts, openPromise, waiting] = await Promise.all([
    standingFacts(deps, caseRow, now, shared.plan),
    deps.db
      .selectFrom('promises')
      .select(['due_on', 'amount_cents'])
      .where('case_id', '=', caseRow.id)
      .where('status', '=', 'open')
      .orderBy('due_on')
      .executeTakeFirst(),
    waitingFacts(deps.db, caseRow.id, today, deps.config.TIME_BAR_REVIEW_DAYS, shared.bars),
  ]);
  return standingOf(deps, facts, caseRow.id, now, openPromise ?? null, waiting);
}

/** The case's live plan with its next unpaid instalment, as the standing reads it (and the portal's case view). */
export function livePlanOf(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('plans')
    .leftJoin('plan_instalments as i', (join) => join.onRef('i.plan_id', '=', 'plans.id').on('i.status', '<>', 'paid'))
    .select(['plans.status', 'i.due_on', 'i.amount_cents'])
    .where('plans.case_id', '=', caseId)
    .where('plans.status', 'not in', ['completed', 'cancelled', 'refused'])
    .orderBy('i.due_on')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Facts a caller reads anyway for its own page (the portal's case view: the claims' bars, the live plan), given as
 * the promises of their reads so the standing does not read them a second time.
 */
export interface SharedFacts {
  bars?: Promise<ClaimBar[]>;
  plan?: ReturnType<typeof livePlanOf>;
}

async function standingOf(
  deps: Deps,
  facts: Awaited<ReturnType<typeof standingFacts>>,
  caseId: string,
  now: Date,
  openPromise: { due_on: string; amount_cents: number } | null,
  waiting?: Awaited<ReturnType<typeof waitingFacts>>,
): Promise<Standing> {
  const today = agencyToday(now, deps.config);
  return standing({
    ...facts,
    ...(waiting ?? (await waitingFacts(deps.db, caseId, today, deps.config.TIME_BAR_REVIEW_DAYS))),
    today,
    openPromise: openPromise ? { dueOn: openPromise.due_on, amountCents: Number(openPromise.amount_cents) } : null,
  });
}

/** What the file's standing is told from, but its open promise and what waits on it: the case, its mandate, its live plan, its holds. */
async function standingFacts(
  deps: Deps,
  caseRow: { id: string; debtor_id: string; balance_cents: number },
  now: Date,
  sharedPlan?: ReturnType<typeof livePlanOf>,
): Promise<Omit<StandingFacts, 'openPromise' | 'today' | 'dispute' | 'complaint' | 'timeBar'>> {
  const db = deps.db;
  const caseId = caseRow.id;
  const [detail, plan, holds] = await Promise.all([
    db
      .selectFrom('cases')
      .innerJoin('mandates', 'mandates.id', 'cases.mandate_id')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select([
        'cases.stage',
        'cases.close_reason',
        'cases.opened_on',
        'cases.first_letter_sent_on',
        'mandates.kind as mandate_kind',
        'creditors.name as creditor_name',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow(),
    sharedPlan ?? livePlanOf(db, caseId),
    db
      .selectFrom('holds')
      .select(['kind', 'ends_at', 'review_at'])
      .where('debtor_id', '=', caseRow.debtor_id)
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
      .where('starts_at', '<=', now)
      .execute(),
  ]);
  return {
    stage: detail.stage,
    closeReason: detail.close_reason,
    mandateKind: detail.mandate_kind,
    creditorName: detail.creditor_name,
    openedOn: detail.opened_on,
    firstLetterSentOn: detail.first_letter_sent_on,
    balanceCents: Number(caseRow.balance_cents),
    plan: plan
      ? {
          status: plan.status,
          nextInstalment:
            plan.due_on && plan.amount_cents !== null
              ? { dueOn: plan.due_on, amountCents: Number(plan.amount_cents) }
              : null,
        }
      : null,
    holds: holds.map((hold) => {
      const end = hold.ends_at ?? hold.review_at;
      return { kind: hold.kind, until: end ? localDateOf(end, deps.config.AGENCY_TZ) : null };
    }),
  };
}

/** The call script and the voicemail message in the agent's language, signed with their first name. */
function scriptsView(deps: Deps, actor: Actor): Pick<CaseWorkspaceView, 'script' | 'voicemailScript'> {
  const lang = actor.locale;
  const agentFirstName = actor.displayName.split(' ')[0] ?? actor.displayName;
  return {
    script: SCRIPT.map((step) => ({
      id: step.id,
      title: step.title[lang],
      guidance: step.guidance[lang],
      rightPartyOnly: step.rightPartyOnly,
    })),
    voicemailScript: VOICEMAIL_SCRIPT[lang]
      .replace('{agent}', agentFirstName)
      .replace('{agency}', deps.config.AGENCY_NAME)
      .replace('{number}', deps.config.AGENCY_PHONE),
  };
}

export function promiseView(row: {
  id: string;
  case_id: string;
  amount_cents: number;
  paid_cents: number;
  currency: string;
  due_on: string;
  status: PromiseView['status'];
  created_at: Date;
  created_by_name: string | null;
  resolved_at: Date | null;
  cancel_reason: string | null;
}): PromiseView {
  return {
    id: row.id,
    caseId: row.case_id,
    amountCents: Number(row.amount_cents),
    paidCents: Number(row.paid_cents),
    currency: row.currency,
    dueOn: row.due_on,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
  };
}

export function taskView(
  row: {
    id: string;
    case_id: string;
    case_reference: string;
    kind: TaskView['kind'];
    due_at: Date;
    team_id: string | null;
    team_name: string | null;
    status: TaskView['status'];
    note: string | null;
    created_at: Date;
    done_at: Date | null;
  },
  lang: Actor['locale'],
): TaskView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    kind: row.kind,
    title: TASK_TITLES[row.kind][lang],
    dueAt: row.due_at.toISOString(),
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    status: row.status,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    doneAt: row.done_at?.toISOString() ?? null,
  };
}

/** What waits on the case: its oldest waiting dispute and unanswered complaint, and its nearest bar when near. */
async function waitingFacts(
  db: Kysely<DB>,
  caseId: string,
  today: string,
  timeBarLeadDays: number,
  sharedBars?: Promise<ClaimBar[]>,
) {
  const [dispute, complaint, bars] = await Promise.all([
    db
      .selectFrom('disputes')
      .select(['status', 'evidence_due_on'])
      .where('case_id', '=', caseId)
      .where('status', 'in', ['evidence_requested', 'answered'])
      .orderBy('evidence_due_on')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('complaints')
      .select(['reference', 'status', 'acknowledge_by', 'answer_by'])
      .where('case_id', '=', caseId)
      .where('status', 'in', ['received', 'acknowledged'])
      .orderBy('received_on')
      .limit(1)
      .executeTakeFirst(),
    sharedBars ?? claimBarsOfCases(db, [caseId], today, timeBarLeadDays),
  ]);
  const nearest = bars
    .filter((claim) => claim.bar.status !== 'running')
    .sort((a, b) => a.bar.daysLeft - b.bar.daysLeft)[0];
  return {
    dispute: dispute
      ? { status: dispute.status as 'evidence_requested' | 'answered', evidenceDueOn: dispute.evidence_due_on }
      : null,
    complaint: complaint
      ? {
          reference: complaint.reference,
          status: complaint.status as 'received' | 'acknowledged',
          acknowledgeBy: complaint.acknowledge_by,
          answerBy: complaint.answer_by,
        }
      : null,
    timeBar: nearest
      ? { status: nearest.bar.status as 'approaching' | 'time_barred', lastDay: nearest.bar.lastDay }
      : null,
  };
}
