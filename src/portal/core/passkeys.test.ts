import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  challengeExpiry,
  challengeOpen,
  counterMovesOn,
  offersPasskey,
  PASSKEYS,
  passkeyName,
  relyingParty,
} from './passkeys.js';

const instant = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });

describe('the relying party', () => {
  it('is the public address when set, whatever the request says', () => {
    expect(relyingParty('https://accord.example.fr/', { protocol: 'http', host: 'evil.test:80' })).toEqual({
      id: 'accord.example.fr',
      origin: 'https://accord.example.fr',
    });
  });
  it('is the request’s local host and port otherwise (development, tests)', () => {
    expect(relyingParty(undefined, { protocol: 'http', host: 'localhost:5173' })).toEqual({
      id: 'localhost',
      origin: 'http://localhost:5173',
    });
  });
  it('is none for any other host without a public address: a forwarded header must not choose the site', () => {
    expect(relyingParty(undefined, { protocol: 'https', host: 'portal.test' })).toBeNull();
    expect(relyingParty(undefined, { protocol: 'https', host: 'localhost.evil.test' })).toBeNull();
    expect(relyingParty(undefined, { protocol: 'http', host: '127.0.0.1:3000' })).toBeNull();
  });
});

describe('a ceremony’s challenge', () => {
  it('is open until its expiry and never once used', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 60_000 }), fc.boolean(), (made, after, used) => {
        const now = new Date(made.getTime() + after);
        const open = challengeOpen({ expiresAt: challengeExpiry(made), usedAt: used ? made : null }, now);
        expect(open).toBe(!used && after < PASSKEYS.challengeMinutes * 60_000);
      }),
    );
  });
});

describe('the signature counter', () => {
  it('must move forward, unless the authenticator keeps none', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (stored, received) => {
        expect(counterMovesOn(stored, received)).toBe((stored === 0 && received === 0) || received > stored);
      }),
    );
    expect(counterMovesOn(5, 5)).toBe(false);
    expect(counterMovesOn(5, 4)).toBe(false);
    expect(counterMovesOn(5, 0)).toBe(false);
  });
});

describe('a passkey’s name', () => {
  it('is trimmed, its spaces collapsed, at most 60 characters, null when empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (typed) => {
        const name = passkeyName(typed);
        if (name === null) return;
        expect(name.length).toBeLessThanOrEqual(PASSKEYS.nameMaxLength);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s{2}/);
      }),
    );
    expect(passkeyName('  Mon   téléphone ')).toBe('Mon téléphone');
    expect(passkeyName('   ')).toBeNull();
    expect(passkeyName(undefined)).toBeNull();
  });
});

describe('the offer to create a passkey', () => {
  it('comes after a full sign-in only, once a session, within the most a person keeps', () => {
    expect(offersPasskey({ method: 'code', closed: false, count: 0 })).toBe(true);
    expect(offersPasskey({ method: 'code', closed: false, count: 1 })).toBe(true);
    expect(offersPasskey({ method: 'passkey', closed: false, count: 1 })).toBe(false);
    expect(offersPasskey({ method: 'code', closed: true, count: 0 })).toBe(false);
    expect(offersPasskey({ method: 'code', closed: false, count: PASSKEYS.maxPerDebtor })).toBe(false);
  });
});
