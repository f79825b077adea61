import { createHash, randomBytes } from 'node:crypto';
import { isValidBIC, isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';
import { isSealed, seal, secretsKey } from '../platform/secret-box.js';
import type { RemittanceSettingsView } from './contract.js';
import { assertWebhookTarget, type Resolve } from './webhook-target.js';

export interface RemittanceSettings {
  remittanceIban: string | null;
  remittanceBic: string | null;
  webhookUrl: string | null;
  /** Write-only: a secret the creditor chose. Never shown back, only its last four characters. */
  webhookSecret?: string | undefined;
  /** Accord draws a new secret and shows it once, in this answer only. */
  rotateWebhookSecret?: boolean | undefined;
}

/** Where a creditor's money is paid over, and where its payment notices are sent. The secret is never logged. */
export async function setRemittanceSettings(
  deps: Deps,
  actor: Actor,
  creditorId: string,
  input: RemittanceSettings,
  requestId: string | null = null,
  resolve?: Resolve,
): Promise<RemittanceSettingsView> {
  const iban = input.remittanceIban ? (electronicFormatIBAN(input.remittanceIban) ?? '') : null;
  if (iban !== null && !isValidIBAN(iban))
    throw invalid('creditors.invalid_iban', 'This IBAN is not valid: check its country code, length and check digits.');
  const bic = input.remittanceBic ? input.remittanceBic.trim().toUpperCase() : null;
  if (bic !== null && !isValidBIC(bic))
    throw invalid('creditors.invalid_bic', 'This BIC is not valid: 8 or 11 letters and digits, such as AGRIFRPP882.');
  if (input.webhookUrl) await assertWebhookTarget(input.webhookUrl, deps.config, resolve);
  if (input.webhookSecret !== undefined && input.rotateWebhookSecret) {
    throw invalid(
      'creditors.secret_twice',
      'Either give a webhook secret or ask Accord to draw one (rotateWebhookSecret), not both.',
    );
  }
  const newSecret = input.rotateWebhookSecret ? randomBytes(32).toString('base64url') : input.webhookSecret;
  let sealedSecret: string | undefined;
  if (newSecret !== undefined) {
    const key = secretsKey(deps.config.SECRETS_KEY);
    if (!key) {
      throw invalid(
        'creditors.secrets_key_missing',
        'This server has no key to keep webhook secrets encrypted: the operator must set SECRETS_KEY, then try again.',
      );
    }
    sealedSecret = seal(key, newSecret);
  }
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('creditors')
      .set({
        remittance_iban: iban,
        remittance_bic: bic,
        webhook_url: input.webhookUrl,
        ...(sealedSecret !== undefined
          ? { webhook_secret: sealedSecret, webhook_secret_last4: newSecret!.slice(-4) }
          : {}),
        updated_at: now,
      })
      .where('id', '=', creditorId)
      .returning(['remittance_iban', 'remittance_bic', 'webhook_url', 'webhook_secret', 'webhook_secret_last4'])
      .executeTakeFirst();
    if (!updated) throw notFound('The creditor');
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'creditor.remittance_settings_set',
      targetType: 'creditor',
      targetId: creditorId,
      creditorId,
      after: {
        remittanceIban: iban,
        remittanceBic: bic,
        webhookUrl: input.webhookUrl,
        webhookSecretChanged: newSecret !== undefined,
        // A fingerprint tells two secrets apart without revealing either.
        ...(newSecret !== undefined
          ? { webhookSecretSha256Prefix: createHash('sha256').update(newSecret).digest('hex').slice(0, 8) }
          : {}),
      },
      requestId,
      at: now,
    });
    return {
      remittanceIban: updated.remittance_iban,
      remittanceBic: updated.remittance_bic,
      webhookUrl: updated.webhook_url,
      webhookSecretSet: updated.webhook_secret !== null,
      webhookSecretLast4: updated.webhook_secret_last4,
      ...(input.rotateWebhookSecret ? { newWebhookSecret: newSecret! } : {}),
    };
  });
}

/**
 * Webhook secrets left in clear by earlier versions are encrypted at start with SECRETS_KEY. Without a key Accord
 * refuses to start while any remain, rather than keep serving them in clear.
 */
export async function sealPlaintextWebhookSecrets(deps: Deps): Promise<number> {
  const rows = await deps.db
    .selectFrom('creditors')
    .select(['id', 'webhook_secret'])
    .where('webhook_secret', 'is not', null)
    .execute();
  const plain = rows.filter((row) => !isSealed(row.webhook_secret!));
  if (plain.length === 0) return 0;
  const key = secretsKey(deps.config.SECRETS_KEY);
  if (!key) {
    throw new Error(
      `${plain.length} creditor webhook secret(s) are stored in clear: set SECRETS_KEY (openssl rand -base64 32) and start again to encrypt them.`,
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const row of plain) {
      await trx
        .updateTable('creditors')
        .set({ webhook_secret: seal(key, row.webhook_secret!), webhook_secret_last4: row.webhook_secret!.slice(-4) })
        .where('id', '=', row.id)
        .where('webhook_secret', '=', row.webhook_secret)
        .execute();
    }
    await appendAudit(trx, {
      actor: { userId: null, role: 'system' },
      action: 'creditor.webhook_secrets_encrypted',
      targetType: 'system',
      targetId: 'webhook_secrets',
      after: { creditors: plain.map((row) => row.id) },
      at: deps.now(),
    });
  });
  return plain.length;
}
