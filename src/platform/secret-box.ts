import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (creditors' webhook secrets): AES-256-GCM with the operator's key (SECRETS_KEY, 32 random bytes in
 * base64). A sealed value reads `v1:<iv>:<tag>:<ciphertext>` (base64url); the key never reaches the database, so a
 * dump or a backup alone does not give the secrets away. Without a key Accord refuses to store a secret rather than
 * keep it in clear or make up a key next to the data (several processes on one PostgreSQL server would each make
 * their own and could not read each other's secrets).
 */

const PREFIX = 'v1:';

export class SecretsKeyMissing extends Error {}

/** The key from SECRETS_KEY, or null when none is set; throws when it is not 32 bytes of base64. */
export function secretsKey(setting: string | undefined): Buffer | null {
  if (!setting) return null;
  const key = Buffer.from(setting, 'base64');
  if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32).');
  return key;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function seal(key: Buffer | null, plaintext: string): string {
  if (!key) throw new SecretsKeyMissing('no SECRETS_KEY');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${ciphertext.toString('base64url')}`;
}

/** Opens a sealed value; throws when the key is missing or another key sealed it (the tag does not match). */
export function open(key: Buffer | null, sealed: string): string {
  if (!key) throw new SecretsKeyMissing('no SECRETS_KEY');
  const [iv, tag, ciphertext] = sealed.slice(PREFIX.length).split(':');
  if (!isSealed(sealed) || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
