import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD as SEED_DEMO_PASSWORD } from '../../demo/seed.js';
import { DEMO_PASSWORD, refusePassword } from './password-rule.js';

const email = 'jeanne.martin@agence.example';

describe('the password rule', () => {
  it('accepts a long personal password', () => {
    expect(refusePassword('lune violette sur le canal Saint-Martin', email)).toBeNull();
    expect(refusePassword('a-long-enough-password', email)).toBeNull();
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(refusePassword('Xk2$pq9!zR', email)).toBe('password.too_short');
  });

  it('refuses leaked, common and keyboard passwords even when long enough', () => {
    for (const password of [
      'password1234',
      'Password123!',
      'qwertyuiop123',
      'azertyuiop12',
      '123456789012',
      'aaaaaaaaaaaa',
      'Summer2024!!',
    ]) {
      expect(refusePassword(password, email), password).toBe('password.too_common');
    }
  });

  it('refuses the e-mail address and its user name, in any case', () => {
    expect(refusePassword('jeanne.martin@agence.example', email)).toBe('password.contains_email');
    expect(refusePassword('my-JEANNE.MARTIN-secret-2026', email)).toBe('password.contains_email');
  });

  it('refuses the public demo password, alone or dressed up', () => {
    expect(DEMO_PASSWORD).toBe(SEED_DEMO_PASSWORD);
    expect(refusePassword(DEMO_PASSWORD, email)).toBe('password.demo');
    expect(refusePassword(`${DEMO_PASSWORD.toUpperCase()}!`, email)).toBe('password.demo');
  });

  it('never accepts a password that contains the e-mail or the demo password (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.boolean(), (before, after, demo) => {
        const password = `${before}${demo ? DEMO_PASSWORD : email}${after}`;
        expect(refusePassword(password, email)).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
