import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisedIban, receivedOnRefusal } from './payment-checks.js';

const facts = {
  caseOpenedOn: '2026-10-01',
  caseReference: 'ACC-2026-000001',
  now: new Date('2026-11-24T23:30:00Z'),
  zones: ['Europe/Paris', 'America/Guadeloupe'],
};

describe('the date a payment may be received', () => {
  it('takes any day from the case opening to today where it is latest, and refuses each side by its code', () => {
    expect(receivedOnRefusal('1999-12-31', { ...facts, caseOpenedOn: '1990-01-01' })?.code).toBe(
      'payments.received_too_early',
    );
    expect(receivedOnRefusal('2026-09-30', facts)?.code).toBe('payments.received_before_case');
    expect(receivedOnRefusal('2026-10-01', facts)).toBeNull();
    // 23:30 UTC: already the 25th in Paris, still the 24th in Guadeloupe; the later day counts.
    expect(receivedOnRefusal('2026-11-25', facts)).toBeNull();
    expect(receivedOnRefusal('2026-11-26', facts)?.code).toBe('payments.received_in_future');
    expect(receivedOnRefusal('2026-11-25', { ...facts, zones: ['America/Guadeloupe'] })?.code).toBe(
      'payments.received_in_future',
    );
  });

  it('never accepts a day after today in every zone given, nor before the case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: -40, max: 40 }),
        (nowMs, offsetDays) => {
          const now = new Date(nowMs);
          const day = new Date(nowMs + offsetDays * 86_400_000).toISOString().slice(0, 10);
          const refusal = receivedOnRefusal(day, {
            ...facts,
            caseOpenedOn: '2000-06-01',
            now,
            zones: ['Pacific/Kiritimati'],
          });
          // Kiritimati (UTC+14) is the first zone to start a day: its today is the latest anywhere.
          const latest = new Date(nowMs + 14 * 3_600_000).toISOString().slice(0, 10);
          expect(refusal === null).toBe(day <= latest && day >= '2000-06-01');
        },
      ),
    );
  });
});

describe("the payer's IBAN", () => {
  it('keeps a valid IBAN in electronic form and refuses a wrong check digit, length or country', () => {
    expect(normalisedIban(' fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
    expect(normalisedIban('IT60 X054 2811 1010 0000 0123 456')).toBe('IT60X0542811101000000123456');
    for (const wrong of [
      'FR7630006000011234567890188',
      'FR76300060000112345678901',
      'XX7630006000011234567890189',
      '',
      'not an iban',
    ]) {
      expect(normalisedIban(wrong), wrong).toBeNull();
    }
  });
});
