import type { Deps } from '../platform/deps.js';
import { recoverInterruptedPlacements } from '../intake/import-placement.js';
import { sealPlaintextWebhookSecrets } from '../remittances/creditor-settings.js';

/** What a starting server puts right in the database before it serves, once migrations are applied. */
export async function prepareStart(deps: Deps): Promise<void> {
  // Imports interrupted by the end of a previous process are reported as failed (nothing of them was kept).
  await recoverInterruptedPlacements(deps);
  // Webhook secrets from before encryption at rest are encrypted now (or the start stops, asking for SECRETS_KEY).
  await sealPlaintextWebhookSecrets(deps);
}
