import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/dates.js';
import { debitNotified, debitsToNotify, PRE_NOTIFICATION_DAYS, type Debit, type DebitNotice } from './debit-notices.js';

const TODAY = '2026-12-05';
const debit = (id: string, dueOn: string, amountCents = 10_000): Debit => ({ instalmentId: id, dueOn, amountCents });
const told = (d: Debit, notifiedOn: string): DebitNotice => ({ ...d, notifiedOn });

describe('debit pre-notifications', () => {
  it('holds a debit notified 14 days or more before it, and no other', () => {
    const due = debit('i1', '2026-12-19');
    expect(debitNotified(due, [told(due, '2026-12-05')])).toBe(true);
    expect(debitNotified(due, [told(due, '2026-12-06')])).toBe(false);
    expect(debitNotified(due, [])).toBe(false);
  });

  it('asks for a new notice when the amount or the date changed, not when only another debit did', () => {
    const shown = debit('i1', '2027-01-05', 10_000);
    const notices = [told(shown, '2026-12-01')];
    expect(debitNotified({ ...shown, amountCents: 9_000 }, notices)).toBe(false);
    expect(debitNotified({ ...shown, dueOn: '2027-01-06' }, notices)).toBe(false);
    expect(debitNotified({ ...shown, instalmentId: 'i2' }, notices)).toBe(false);
    expect(debitsToNotify([shown, debit('i2', '2027-02-05')], notices, TODAY)).toEqual([debit('i2', '2027-02-05')]);
  });

  it('names only the debits a notice sent today still reaches in time, by date', () => {
    const soon = debit('a', addDays(TODAY, PRE_NOTIFICATION_DAYS - 1));
    const first = debit('b', addDays(TODAY, PRE_NOTIFICATION_DAYS));
    const later = debit('c', '2027-03-05');
    expect(debitsToNotify([later, soon, first], [], TODAY)).toEqual([first, later]);
  });

  const debits = fc.uniqueArray(
    fc.record({
      instalmentId: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6'),
      dueOn: fc.integer({ min: -30, max: 90 }).map((n) => addDays(TODAY, n)),
      amountCents: fc.integer({ min: 1, max: 1_000_000 }),
    }),
    { selector: (d) => d.instalmentId, maxLength: 6 },
  );
  const notices = fc.array(
    fc.record({
      instalmentId: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6'),
      dueOn: fc.integer({ min: -30, max: 90 }).map((n) => addDays(TODAY, n)),
      amountCents: fc.integer({ min: 1, max: 1_000_000 }),
      notifiedOn: fc.integer({ min: -60, max: 0 }).map((n) => addDays(TODAY, n)),
    }),
    { maxLength: 8 },
  );

  it('property: once today’s notice is recorded, every debit it named is notified in time, and none is named twice', () => {
    fc.assert(
      fc.property(debits, notices, (all, given) => {
        const named = debitsToNotify(all, given, TODAY);
        const after = [...given, ...named.map((d) => told(d, TODAY))];
        for (const d of named) expect(debitNotified(d, after)).toBe(true);
        expect(debitsToNotify(all, after, TODAY)).toEqual([]);
      }),
    );
  });

  it('property: a debit is debited only when a notice of its date and amount came 14 days before it', () => {
    fc.assert(
      fc.property(debits, notices, (all, given) => {
        for (const d of all) {
          const held = debitNotified(d, given);
          const witness = given.some(
            (n) =>
              n.instalmentId === d.instalmentId &&
              n.dueOn === d.dueOn &&
              n.amountCents === d.amountCents &&
              addDays(n.notifiedOn, PRE_NOTIFICATION_DAYS) <= d.dueOn,
          );
          expect(held).toBe(witness);
        }
      }),
    );
  });
});
