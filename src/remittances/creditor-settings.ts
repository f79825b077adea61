import { isValidBIC, isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { invalid, notFound } from '../platform/errors.js';

export interface RemittanceSettings {
  remittanceIban: string | null;
  remittanceBic: string | null;
  webhookUrl: string | null;
  /** Write-only: the secret is never shown back, only whether one is set. */
  webhookSecret?: string | undefined;
}

/** Where a creditor's money is paid over, and where its payment notices are sent. The secret is never logged. */
export async function setRemittanceSettings(deps: Deps, actor: Actor, creditorId: string, input: RemittanceSettings, requestId: string | null = null) {
  const iban = input.remittanceIban ? electronicFormatIBAN(input.remittanceIban) ?? '' : null;
  if (iban !== null && !isValidIBAN(iban)) throw invalid('creditors.invalid_iban', 'This IBAN is not valid: check its country code, length and check digits.');
  const bic = input.remittanceBic ? input.remittanceBic.trim().toUpperCase() : null;
  if (bic !== null && !isValidBIC(bic)) throw invalid('creditors.invalid_bic', 'This BIC is not valid: 8 or 11 letters and digits, such as AGRIFRPP882.');
  if (input.webhookUrl && !/^https:\/\//.test(input.webhookUrl) && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/)/.test(input.webhookUrl)) {
    throw invalid('creditors.insecure_webhook', 'A webhook address must use https (plain http only for a local test server).');
  }
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('creditors')
      .set({
        remittance_iban: iban,
        remittance_bic: bic,
        webhook_url: input.webhookUrl,
        ...(input.webhookSecret !== undefined ? { webhook_secret: input.webhookSecret } : {}),
        updated_at: now,
      })
      .where('id', '=', creditorId)
      .returning(['remittance_iban', 'remittance_bic', 'webhook_url', 'webhook_secret'])
      .executeTakeFirst();
    if (!updated) throw notFound('The creditor');
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'creditor.remittance_settings_set',
      targetType: 'creditor',
      targetId: creditorId,
      creditorId,
      after: { remittanceIban: iban, remittanceBic: bic, webhookUrl: input.webhookUrl, webhookSecretChanged: input.webhookSecret !== undefined },
      requestId,
      at: now,
    });
    return {
      remittanceIban: updated.remittance_iban,
      remittanceBic: updated.remittance_bic,
      webhookUrl: updated.webhook_url,
      webhookSecretSet: updated.webhook_secret !== null,
    };
  });
}
