import type { Deps } from '../platform/deps.js';
import { AppError, invalid } from '../platform/errors.js';
import type { AuditActor } from '../audit/append.js';
import { agencyToday } from '../platform/calendar/index.js';

export interface PlacementSource {
  fileName: string | null;
  sha256: string | null;
  format: 'csv' | 'jsonl';
}

/** Creates the placement record ('pending'), checking the mandate belongs to the creditor and is in force. */
export async function createPlacement(
  deps: Deps,
  input: { creditorId: string; mandateCode: string; source: PlacementSource; actor: AuditActor },
): Promise<{ placementId: string; mandateId: string }> {
  const mandate = await deps.db
    .selectFrom('mandates')
    .select(['id', 'starts_on', 'ends_on'])
    .where('creditor_id', '=', input.creditorId)
    .where('code', '=', input.mandateCode)
    .executeTakeFirst();
  if (!mandate) {
    throw new AppError(
      'intake.unknown_mandate',
      404,
      `This creditor has no mandate ${input.mandateCode}: check the mandate code.`,
      { mandateCode: input.mandateCode },
    );
  }
  const today = agencyToday(deps.now(), deps.config);
  if (mandate.starts_on > today || (mandate.ends_on !== null && mandate.ends_on < today)) {
    throw invalid(
      'intake.mandate_not_in_force',
      `The mandate ${input.mandateCode} is not in force today (${mandate.starts_on} to ${mandate.ends_on ?? 'open-ended'}).`,
    );
  }
  const row = await deps.db
    .insertInto('placements')
    .values({
      creditor_id: input.creditorId,
      mandate_id: mandate.id,
      placed_on: today,
      source_file_name: input.source.fileName,
      source_sha256: input.source.sha256,
      format: input.source.format,
      status: 'pending',
      created_by: input.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { placementId: row.id, mandateId: mandate.id };
}
