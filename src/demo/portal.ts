import { sql } from 'kysely';
import type { Deps } from '../platform/deps.js';
import { portalAccessCode } from '../cases/access-code.js';
import { printedAccessCode } from '../portal/core/access.js';

export interface DemoPortalAccess {
  caseId: string;
  name: string;
  accessCode: string;
  birthDate: string;
  /** Where the one-time code goes: `sms` or `email`. */
  channel: string;
}

/**
 * A few demo debtors a new user can sign in to the portal as: open cases whose first letter went out, a birth date
 * and a verified mobile or e-mail address on file; the first one owes more than one creditor. Their cases' access
 * codes are made if they are not yet (the same ever after).
 */
export async function demoPortalAccess(deps: Deps, count = 3): Promise<DemoPortalAccess[]> {
  const rows = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .innerJoin('debtor_contact_points as p', (join) =>
      join
        .onRef('p.debtor_id', '=', 'd.id')
        .on('p.verified_at', 'is not', null)
        .on('p.wrong_number_at', 'is', null)
        .on('p.undeliverable_at', 'is', null)
        .on((eb) => eb.or([eb('p.channel', '=', 'email'), eb('p.usage', '=', 'mobile')])),
    )
    .select([
      'c.id as case_id',
      'd.id as debtor_id',
      'd.first_name',
      'd.last_name',
      'd.birth_date',
      sql<string>`min(p.channel)`.as('channel'),
      sql<number>`(select count(*) from cases o where o.debtor_id = d.id and o.status <> 'closed')`.as('open_cases'),
    ])
    .where('c.status', '=', 'open')
    .where('c.stage', '=', 'amicable')
    .where('c.first_letter_sent_on', 'is not', null)
    .where('d.birth_date', 'is not', null)
    .where('d.deceased_on', 'is', null)
    .where('d.kind', '=', 'person')
    .groupBy(['c.id', 'd.id'])
    .orderBy(sql`(select count(*) from cases o where o.debtor_id = d.id and o.status <> 'closed')`, 'desc')
    .orderBy('c.reference')
    .limit(count * 4)
    .execute();
  const now = deps.now();
  const found: DemoPortalAccess[] = [];
  // One case a person: a new user tries three people, not one person's two files.
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.debtor_id) || found.length === count) continue;
    seen.add(row.debtor_id);
    found.push({
      caseId: row.case_id,
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      accessCode: printedAccessCode(await portalAccessCode(deps.db, row.case_id, now)),
      birthDate: row.birth_date!,
      channel: row.channel === 'email' ? 'email' : 'sms',
    });
  }
  return found;
}
