import type { Deps } from '../../platform/deps.js';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/append.js';

/**
 * A hold whose end date has passed lapses: it stops holding. Holds with only a review date stay active
 * until a person reviews them (see holdsDueForReview), because lifting them is a human decision.
 */
export async function lapseEndedHolds(deps: Deps): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const lapsed = await trx
      .updateTable('holds')
      .set({ status: 'lapsed' })
      .where('status', '=', 'active')
      .where('ends_at', '<=', now)
      .returning(['id', 'debtor_id', 'case_id', 'kind', 'ends_at'])
      .execute();
    for (const hold of lapsed) {
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'hold.lapsed',
        targetType: 'hold',
        targetId: hold.id,
        before: { status: 'active' },
        after: { status: 'lapsed', kind: hold.kind, endsAt: hold.ends_at },
        at: now,
      });
    }
    return lapsed.length;
  });
}

export async function holdsDueForReview(deps: Deps): Promise<number> {
  const row = await deps.db
    .selectFrom('holds')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'active')
    .where('review_at', '<=', deps.now())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
