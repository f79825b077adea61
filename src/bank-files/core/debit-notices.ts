import { addDays, type IsoDate } from '../../platform/calendar/dates.js';

/**
 * Days between the notice of a debit (its amount and date) and the debit: the SEPA Core rulebook's 14 calendar days
 * unless agreed otherwise [SOFT EPC SDD Core rulebook, PT-03.03]; REGULATION.md says nothing shorter, so Accord keeps
 * the rulebook's default [CHOICE].
 */
export const PRE_NOTIFICATION_DAYS = 14;

/**
 * The pre-notification of each debit under a mandate signed on the portal (docs/portal.md, "A direct debit"), pure.
 * A debit is an instalment of the plan on a date for an amount; the person must have been told that date and that
 * amount at least PRE_NOTIFICATION_DAYS before. The schedule shown at signature is the first notice; when the plan
 * changes (a new version, an instalment brought down to the balance), the changed debits need a notice of their own,
 * and until one is given in time they are not debited: the person pays them another way.
 */

export interface Debit {
  instalmentId: string;
  dueOn: IsoDate;
  amountCents: number;
}

export interface DebitNotice extends Debit {
  notifiedOn: IsoDate;
}

/** The latest day the person is told of a debit due on `dueOn`. */
export const preNotificationDate = (dueOn: IsoDate): IsoDate => addDays(dueOn, -PRE_NOTIFICATION_DAYS);

/** The first due date a notice given on `notifiedOn` reaches in time. */
export const firstDebitDate = (notifiedOn: IsoDate): IsoDate => addDays(notifiedOn, PRE_NOTIFICATION_DAYS);

const sameDebit = (notice: Debit, debit: Debit) =>
  notice.instalmentId === debit.instalmentId &&
  notice.dueOn === debit.dueOn &&
  notice.amountCents === debit.amountCents;

/** Whether the person was told of this debit, its date and its amount, in time. */
export function debitNotified(debit: Debit, notices: readonly DebitNotice[]): boolean {
  const latest = preNotificationDate(debit.dueOn);
  return notices.some((notice) => sameDebit(notice, debit) && notice.notifiedOn <= latest);
}

/**
 * The debits a notice sent today should name: those not yet notified in time that today's notice still reaches in
 * time (due PRE_NOTIFICATION_DAYS or more from today), in date order. A debit due sooner is left out: no notice can
 * make it in time, and it is paid another way.
 */
export function debitsToNotify(debits: readonly Debit[], notices: readonly DebitNotice[], today: IsoDate): Debit[] {
  const reachable = firstDebitDate(today);
  return debits
    .filter((debit) => debit.dueOn >= reachable && !debitNotified(debit, notices))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.instalmentId < b.instalmentId ? -1 : 1));
}
