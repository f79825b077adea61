import { assertDebtorInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import { needToKnow, recordSensitiveRead } from '../need-to-know/access.js';
import { DAY_MS, localDateOf } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { notFound } from '../platform/errors.js';
import { breathingSpaceViews, recordViews, signalViews } from './care-facts.js';
import type { CareView } from './contract.js';

/** Decided signals stay in the view this long (the open ones always). */
const SIGNAL_HISTORY_DAYS = 365;

/**
 * A debtor's vulnerability records, signals and breathing spaces, under need-to-know (GDPR art. 9): in full for the
 * care team, compliance, the worker who holds one of the debtor's cases now, or a team leader or manager who states a
 * reason, each such read recorded; anyone else reads only that collection is adapted, and until when.
 */
export async function readVulnerabilities(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  options: { reason?: string | undefined; requestId?: string | null } = {},
): Promise<CareView> {
  const now = deps.now();
  const debtor = await deps.db.selectFrom('debtors').select('id').where('id', '=', debtorId).executeTakeFirst();
  if (!debtor) throw notFound('The debtor');
  await assertDebtorInScope(deps.db, actor, debtorId, null);
  const decision = await needToKnow(deps, actor, debtorId, options.reason);
  const [records, breathingSpaces] = await Promise.all([
    recordViews(deps.db, debtorId),
    breathingSpaceViews(deps.db, debtorId, now),
  ]);
  if (decision.access === 'restricted') {
    const live = records.filter((record) => record.status !== 'ended');
    const running = breathingSpaces.filter(
      (space) => space.status === 'active' && new Date(space.endsAt).getTime() > now.getTime(),
    );
    const until = [
      ...live.filter((record) => record.status === 'active').map((record) => record.reviewOn),
      ...running.map((space) => localDateOf(new Date(space.endsAt), deps.config.AGENCY_TZ)),
    ].sort();
    const waiting = live.some((record) => record.status === 'review_due');
    return {
      restricted: true,
      adapted: live.length > 0 || running.length > 0,
      adaptedUntil: waiting || until.length === 0 ? null : until.at(-1)!,
    };
  }
  const signals = await signalViews(deps.db, debtorId, new Date(now.getTime() - SIGNAL_HISTORY_DAYS * DAY_MS));
  if (records.length > 0 || signals.length > 0 || breathingSpaces.length > 0)
    await recordSensitiveRead(deps, {
      actor,
      debtorId,
      caseId: null,
      subject: 'vulnerability',
      basis: decision.basis,
      reason: options.reason?.trim() ?? null,
      requestId: options.requestId ?? null,
    });
  return { restricted: false, records, signals, breathingSpaces };
}
