import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { recordText } from '../cases/core/record-texts.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { openTask } from '../workspace/tasks.js';
import { careTimeline } from './care-facts.js';

/**
 * Records whose review date passed lapse to review_due (core/record.ts `reviewStateOn`: a flag never lasts past its
 * review date without a person), each with a review task for the care team on the debtor's latest open case, its
 * neutral care line and an audit entry, in one transaction. Anchored to the stored review dates: run twice, it adds
 * nothing the second time.
 */
export async function lapseReviews(deps: Deps): Promise<{ reviewsDue: number; tasksOpened: number }> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const lapsed = await trx
      .updateTable('vulnerabilities')
      .set({ status: 'review_due', updated_at: now })
      .where('status', '=', 'active')
      .where('review_on', '<', today)
      .returning(['id', 'debtor_id', 'review_on'])
      .execute();
    if (lapsed.length === 0) return { reviewsDue: 0, tasksOpened: 0 };
    const team = await trx
      .selectFrom('teams')
      .select('id')
      .where('kind', '=', 'care')
      .orderBy('name')
      .limit(1)
      .executeTakeFirst();
    let tasksOpened = 0;
    for (const record of lapsed) {
      const target = await trx
        .selectFrom('cases')
        .select('id')
        .where('debtor_id', '=', record.debtor_id)
        .orderBy(({ eb }) => eb('status', '=', 'closed'))
        .orderBy('opened_on', 'desc')
        .orderBy('reference')
        .limit(1)
        .executeTakeFirst();
      if (target) {
        await openTask(
          trx,
          {
            caseId: target.id,
            debtorId: record.debtor_id,
            kind: 'vulnerability_review',
            dueAt: now,
            teamId: team?.id ?? null,
            source: { vulnerabilityId: record.id, reviewOn: record.review_on },
          },
          null,
          now,
          deps.config,
        );
        tasksOpened += 1;
      }
      await careTimeline(
        trx,
        {
          debtorId: record.debtor_id,
          caseId: null,
          at: now,
          actorUserId: null,
          summary: recordText('care_review_due', {}),
        },
        { vulnerabilityId: record.id },
      );
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'care.review_due',
        targetType: 'debtor',
        targetId: record.debtor_id,
        before: { vulnerabilityId: record.id, status: 'active', reviewOn: record.review_on },
        after: { vulnerabilityId: record.id, status: 'review_due' },
        at: now,
      });
    }
    return { reviewsDue: lapsed.length, tasksOpened };
  });
}
