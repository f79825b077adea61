import { expect } from 'vitest';
import { as, type Session, type TestApp } from './app.js';

/**
 * The case the agent's queue gives next whose debtor's primary address is in `country`, with its debtor. The queue
 * orders equal entries as the server finds them, so the agent takes cases until one fits; the case taken before is
 * given back each time, as next case does.
 */
export async function takeCaseOfDebtorIn(
  t: TestApp,
  session: Session,
  country: string,
): Promise<{ caseId: string; debtorId: string }> {
  for (let taken = 0; ; taken += 1) {
    expect(taken, `a case of a debtor in ${country} in the agent’s queue`).toBeLessThan(20);
    const next = await as(t.app, session)('POST', '/api/v1/workspace/next-case');
    expect(next.statusCode, next.body).toBe(200);
    const caseId = next.json().entry.caseId as string;
    const found = await t.deps.db
      .selectFrom('cases')
      .innerJoin('debtor_addresses', 'debtor_addresses.debtor_id', 'cases.debtor_id')
      .select(['cases.debtor_id', 'debtor_addresses.country'])
      .where('cases.id', '=', caseId)
      .where('debtor_addresses.is_primary', '=', true)
      .executeTakeFirstOrThrow();
    if (found.country === country) return { caseId, debtorId: found.debtor_id };
  }
}
