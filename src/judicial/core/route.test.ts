import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/dates.js';
import { ceilingOn, JUDICIAL_ROUTES, proposeRoute, SMALL_CLAIM_CEILINGS } from './route.js';

const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2020-01-01', n));

describe('the judicial route', () => {
  it('is exact at 5,000.00 EUR, interest included', () => {
    const today = '2026-12-03';
    expect(proposeRoute({ amountCents: 500_000, hasTitle: false, today })).toMatchObject({
      proposed: 'psrpc',
      allowed: ['psrpc', 'prior_mediation'],
      ceilingCents: 500_000,
    });
    expect(proposeRoute({ amountCents: 500_001, hasTitle: false, today })).toMatchObject({
      proposed: 'injonction_de_payer',
      allowed: ['injonction_de_payer'],
    });
    expect(proposeRoute({ amountCents: 1, hasTitle: false, today }).proposed).toBe('psrpc');
  });

  it('proposes a small-claims route up to the ceiling and the injonction above, for any amount and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), day, (amountCents, today) => {
        const proposal = proposeRoute({ amountCents, hasTitle: false, today });
        const small = amountCents <= ceilingOn(today).cents;
        expect(proposal.proposed).toBe(small ? 'psrpc' : 'injonction_de_payer');
        expect(proposal.allowed[0]).toBe(proposal.proposed);
        expect(proposal.allowed.includes('injonction_de_payer')).toBe(!small);
        expect(proposal.allowed.every((route) => (JUDICIAL_ROUTES as readonly string[]).includes(route))).toBe(true);
      }),
    );
  });

  it('enforces a title directly, whatever the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), day, (amountCents, today) => {
        expect(proposeRoute({ amountCents, hasTitle: true, today })).toMatchObject({
          proposed: 'enforcement_with_title',
          allowed: ['enforcement_with_title'],
        });
      }),
    );
  });

  it('takes the ceiling in force on the day, dated reference data', () => {
    const ceilings = [...SMALL_CLAIM_CEILINGS, { cents: 600_000, validFrom: '2027-01-01', source: 'a later decree' }];
    expect(proposeRoute({ amountCents: 550_000, hasTitle: false, today: '2026-12-31' }, ceilings).proposed).toBe(
      'injonction_de_payer',
    );
    expect(proposeRoute({ amountCents: 550_000, hasTitle: false, today: '2027-01-01' }, ceilings).proposed).toBe(
      'psrpc',
    );
    expect(ceilingOn('2019-01-01').cents).toBe(500_000);
  });
});
