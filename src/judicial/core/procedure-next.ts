import { addDays, compareDates, type IsoDate, laterDate } from '../../platform/calendar/dates.js';
import type { JudicialCalendar } from './procedure-deadlines.js';
import type { DeadlineKind, NextActionKind, State } from './procedure-lists.js';
import { stateDeadlines, type ProcedureFacts } from './procedure.js';

export interface NextAction {
  action: NextActionKind;
  /** Never before today: an action whose day has passed is due today. */
  dueOn: IsoDate;
  /** The legal or follow-up deadline the action answers, when one runs. */
  deadline: { kind: DeadlineKind; on: IsoDate } | null;
}

/** For a state with one deadline: before (or on) it, `before` due on the day; after it, `after` due today. */
const BY_DEADLINE: Partial<Record<State, { before: NextActionKind; after: NextActionKind; dayAfter?: true }>> = {
  psrpc_invited: { before: 'await_psrpc_answer', after: 'record_psrpc_no_answer', dayAfter: true },
  psrpc_agreed: { before: 'obtain_psrpc_title', after: 'obtain_psrpc_title' },
  mediation_pending: { before: 'follow_mediation', after: 'follow_mediation' },
  agreement: { before: 'follow_agreement', after: 'follow_agreement' },
  requete_filed: { before: 'await_ordonnance', after: 'await_ordonnance' },
  ordonnance_issued: { before: 'serve_ordonnance', after: 'record_ordonnance_lapsed' },
  served: { before: 'await_opposition_window', after: 'await_opposition_window', dayAfter: true },
  opposed: { before: 'follow_hearing', after: 'follow_hearing' },
  attribution_seized: { before: 'denounce_attribution', after: 'record_attribution_lapsed' },
  attribution_denounced: { before: 'await_attribution_contest', after: 'await_attribution_contest', dayAfter: true },
  wage_seizure: { before: 'follow_wage_seizure', after: 'follow_wage_seizure' },
  contested: { before: 'follow_contest', after: 'follow_contest' },
};

const NOW: Partial<Record<State, NextActionKind>> = {
  psrpc_to_invite: 'send_psrpc_invitation',
  mediation_to_start: 'start_mediation',
  requete_to_file: 'file_requete',
  titled: 'enforce_title',
};

/**
 * What the judicial team does next on a procedure, and by when (never before `today`); null once it ended. A window
 * the debtor has (the PSRPC's month, the opposition, a contest) is followed by a step due the day after it closes.
 */
export function nextAction(facts: ProcedureFacts, today: IsoDate, calendar: JudicialCalendar): NextAction | null {
  if (facts.state === 'ended') return null;
  const due = (on: IsoDate) => laterDate(on, today);
  if (facts.titleExpiresOn && compareDates(today, facts.titleExpiresOn) > 0)
    return { action: 'record_title_expired', dueOn: today, deadline: { kind: 'title_life', on: facts.titleExpiresOn } };
  const deadlines = stateDeadlines(facts.state, facts.stateSince, calendar);
  if (facts.state === 'wage_commandement') {
    const [month, pv] = deadlines as [NextAction['deadline'] & {}, NextAction['deadline'] & {}];
    if (compareDates(today, month.on) <= 0)
      return { action: 'await_debtor_month', dueOn: addDays(month.on, 1), deadline: month };
    if (compareDates(today, pv.on) <= 0) return { action: 'serve_wage_pv', dueOn: pv.on, deadline: pv };
    return { action: 'record_commandement_lapsed', dueOn: today, deadline: pv };
  }
  const now = NOW[facts.state];
  if (now) {
    const dueOn = facts.state === 'requete_to_file' && facts.fileNotBefore ? due(facts.fileNotBefore) : today;
    const title = facts.titleExpiresOn ? { kind: 'title_life' as const, on: facts.titleExpiresOn } : null;
    return { action: now, dueOn, deadline: facts.state === 'titled' ? title : null };
  }
  const rule = BY_DEADLINE[facts.state]!;
  const deadline = deadlines[0]!;
  if (compareDates(today, deadline.on) <= 0) {
    return { action: rule.before, dueOn: rule.dayAfter ? addDays(deadline.on, 1) : deadline.on, deadline };
  }
  return { action: rule.after, dueOn: today, deadline };
}
