import { expect } from 'vitest';
import { as, type Session, type TestApp } from './app.js';

/** The mail house's own settings a first letter needs. */
export const AGENCY = { AGENCY_NAME: 'Accord Services', AGENCY_ADDRESS: '12 rue de la Paix;75002 Paris' };

/**
 * `count` open amicable cases of the demo, each of its own debtor with a French address, that the contact policy lets
 * the agency write to now; every other case's first letter is marked as sent before, so a print run takes these only.
 */
export async function casesToPrint(t: TestApp, agent: Session, count: number): Promise<string[]> {
  const candidates = await t.deps.db
    .selectFrom('cases as c')
    .innerJoin('debtor_addresses as a', (join) => join.onRef('a.debtor_id', '=', 'c.debtor_id'))
    .select(['c.id', 'c.debtor_id'])
    .distinct()
    .where('c.stage', '=', 'amicable')
    .where('c.status', '=', 'open')
    .where('c.balance_cents', '>', 0)
    .where('a.country', '=', 'FR')
    .orderBy('c.id')
    .limit(10 * count)
    .execute();
  const allowed: string[] = [];
  const debtors = new Set<string>();
  for (const candidate of candidates) {
    if (allowed.length === count || debtors.has(candidate.debtor_id)) continue;
    const decision = await as(t.app, agent)(
      'GET',
      `/api/v1/debtors/${candidate.debtor_id}/contact-permission?channel=letter&caseId=${candidate.id}`,
    );
    if (decision.statusCode === 200 && (decision.json() as { allowed: boolean }).allowed) {
      allowed.push(candidate.id);
      debtors.add(candidate.debtor_id);
    }
  }
  expect(allowed).toHaveLength(count);
  await t.deps.db
    .updateTable('cases')
    .set({ first_letter_sent_on: '2026-10-01', first_letter_reference: 'LR-EARLIER' })
    .where('id', 'not in', allowed)
    .where('first_letter_sent_on', 'is', null)
    .execute();
  await t.deps.db
    .updateTable('cases')
    .set({ first_letter_sent_on: null, first_letter_reference: null })
    .where('id', 'in', allowed)
    .execute();
  return allowed;
}

/** The rows of a run's manifest (CSV with a byte order mark, `;`, CRLF), its header and TOTAL line left out. */
export const manifestLines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'))
    .slice(1)
    .filter((row) => row[0] !== 'TOTAL');
