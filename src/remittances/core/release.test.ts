import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancelRefusal, mayProduceTransfer, releaseRefusal, type RemittanceStatus } from './release.js';

const person = fc.constantFrom('ana', 'bruno', 'carla');
const status = fc.constantFrom<RemittanceStatus>('prepared', 'released', 'cancelled');

describe('releaseRefusal', () => {
  it('never lets the preparer release their own remittance', () => {
    fc.assert(
      fc.property(person, status, (who, s) => {
        expect(releaseRefusal(who, { status: s, preparedBy: who })).not.toBeNull();
      }),
    );
  });

  it('lets exactly another person release a prepared remittance', () => {
    fc.assert(
      fc.property(person, person, status, (releaser, preparer, s) => {
        const refusal = releaseRefusal(releaser, { status: s, preparedBy: preparer });
        expect(refusal === null).toBe(s === 'prepared' && releaser !== preparer);
      }),
    );
  });

  it('says which rule refuses: the state first, then the four-eyes rule', () => {
    expect(releaseRefusal('ana', { status: 'released', preparedBy: 'ana' })).toBe('not_prepared');
    expect(releaseRefusal('ana', { status: 'prepared', preparedBy: 'ana' })).toBe('own_preparation');
    expect(releaseRefusal('ana', { status: 'prepared', preparedBy: null })).toBe('own_preparation');
  });
});

describe('the transfer and cancellation', () => {
  it('produces a transfer only once released, and cancels only what is prepared', () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(mayProduceTransfer({ status: s })).toBe(s === 'released');
        expect(cancelRefusal({ status: s }) === null).toBe(s === 'prepared');
      }),
    );
  });
});
