import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSealed, open, seal, secretsKey, SecretsKeyMissing } from './secret-box.js';

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never stores the plaintext', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 16, maxLength: 200 }), (secret) => {
        const sealed = seal(key, secret);
        expect(isSealed(sealed)).toBe(true);
        expect(sealed).not.toContain(secret);
        expect(open(key, sealed)).toBe(secret);
      }),
    );
  });

  it('refuses another key and a tampered value', () => {
    const sealed = seal(key, 'a-webhook-secret-1234');
    expect(() => open(randomBytes(32), sealed)).toThrow();
    // Another letter in the ciphertext's second-to-last place (it was compared with the last one, so one seal in 64
    // came back unchanged).
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => open(key, tampered)).toThrow();
  });

  it('needs a key of 32 bytes, and says so', () => {
    expect(secretsKey(undefined)).toBeNull();
    expect(secretsKey(key.toString('base64'))).toEqual(key);
    expect(() => secretsKey(randomBytes(16).toString('base64'))).toThrow('SECRETS_KEY must be 32 random bytes');
    expect(() => seal(null, 'x')).toThrow(SecretsKeyMissing);
  });
});
