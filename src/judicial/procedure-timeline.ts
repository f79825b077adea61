import type { Transaction } from 'kysely';
import { appendCaseEvent, recordText } from '../cases/append-case-event.js';
import type { RecordText } from '../cases/core/record-texts.js';
import type { Actor } from '../identity/actor.js';
import type { IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { ChargeableTo, CostKind } from './core/costs.js';
import type { StepKind } from './core/procedure-lists.js';
import type { ProcedureFacts } from './core/procedure.js';

/**
 * The judicial procedure's lines on the case's timeline (kind `judicial`, migration 0050): written in the act's
 * transaction, with its actor and time, `data` naming the rows (procedure, step, cost, payment). A note a person
 * typed on a step or a cost stays on the procedure, never on the line; the creditor's view does not list the kind.
 */
export interface ProcedureLine {
  caseId: string;
  debtorId: string;
  actor: Actor;
  at: Date;
  summary: RecordText;
  data: { procedureId: string } & Record<string, string | null>;
}

export async function appendProcedureLine(trx: Transaction<DB>, line: ProcedureLine): Promise<void> {
  await appendCaseEvent(trx, {
    caseId: line.caseId,
    debtorId: line.debtorId,
    at: line.at,
    kind: 'judicial',
    summary: line.summary,
    actorUserId: line.actor.userId,
    data: line.data,
  });
}

/** The opening, naming the partner's firm when one handles it. */
export function openedText(route: ProcedureFacts['route'], partnerName: string | null): RecordText {
  return partnerName
    ? recordText('judicial_procedure_opened_partner', { route, partner: partnerName })
    : recordText('judicial_procedure_opened', { route });
}

export interface RecordedStep {
  kind: StepKind;
  occurredOn: IsoDate;
  reportedBy: 'agency' | 'partner';
  /** The procedure after the step. */
  next: Pick<ProcedureFacts, 'state' | 'outcome'>;
  /** The deadline the step started, if any. */
  deadline: { kind: string; on: IsoDate } | null;
}

/** A step: its kind, day and source, then the outcome when it ended the procedure, else the state and its deadline. */
export function stepText(step: RecordedStep): RecordText {
  const said = { step: step.kind, on: step.occurredOn, by: step.reportedBy };
  if (step.next.state === 'ended' && step.next.outcome)
    return recordText('judicial_step_ended', { ...said, outcome: step.next.outcome });
  if (step.deadline)
    return recordText('judicial_step_due', {
      ...said,
      state: step.next.state,
      deadline: step.deadline.kind,
      dueOn: step.deadline.on,
    });
  return recordText('judicial_step', { ...said, state: step.next.state });
}

/** A cost line: its kind, amount, day and who bears it; the debtor's names the claim whose balance carries it. */
export function costText(
  cost: { kind: CostKind; amountCents: number; incurredOn: IsoDate; chargeableTo: ChargeableTo },
  claimReference: string | null,
): RecordText {
  const said = { cost: cost.kind, amountCents: cost.amountCents, on: cost.incurredOn };
  return cost.chargeableTo === 'debtor' && claimReference !== null
    ? recordText('judicial_cost_debtor', { ...said, claimReference })
    : recordText('judicial_cost_creditor', said);
}

/** A payment the partner collected, with the commissaire's A444-32 fee charged on it (0: none). */
export function partnerPaymentText(amountCents: number, receivedOn: IsoDate, feeCents: number): RecordText {
  return feeCents > 0
    ? recordText('judicial_partner_payment_fee', { amountCents, on: receivedOn, feeCents })
    : recordText('judicial_partner_payment', { amountCents, on: receivedOn });
}
