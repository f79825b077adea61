import { performance } from 'node:perf_hooks';
import { renderMessage, type MessageLanguage } from '../../../src/communications/core/message-templates.js';
import { decideContact } from '../../../src/contact-policy/core/decide.js';
import { loadContactFacts } from '../../../src/contact-policy/load-facts.js';
import { policyInForce } from '../../../src/contact-policy/policy-store.js';
import type { Deps } from '../../../src/platform/deps.js';

export interface Components {
  sample: number;
  /** Reading the policy in force and the debtor's facts (one round trip each), ms. */
  factsMs: number;
  /** The decision itself, on facts in memory, µs. */
  decideUs: number;
  /** Rendering an e-mail's text from its template, µs. */
  renderUs: number;
}

/**
 * The parts of a message's decision and rendering, one at a time on an idle connection, after the run: for `sample`
 * of the e-mails' and SMS' cases, the policy's reads, the decision (repeated, it is microseconds) and the rendering.
 */
export async function componentTimes(deps: Deps, sample: number, at: Date): Promise<Components> {
  const cases = await deps.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', 'd.id', 'c.debtor_id')
    .select([
      'c.id',
      'c.debtor_id',
      'c.reference',
      'c.balance_cents',
      'c.first_letter_reference',
      'c.first_letter_sent_on',
    ])
    .select(['d.language', 'd.first_name', 'd.last_name'])
    .where('c.reference', 'like', 'BCOM-%')
    .where('c.first_letter_reference', 'is not', null)
    .orderBy('c.reference')
    .limit(sample)
    .execute();
  let factsMs = 0;
  let decideMs = 0;
  let renderMs = 0;
  const repeat = 20;
  for (const row of cases) {
    const began = performance.now();
    const policy = await policyInForce(deps.db, at);
    const { facts } = await loadContactFacts(deps.db, policy, { debtorId: row.debtor_id, caseId: row.id, at });
    const read = performance.now();
    for (let k = 0; k < repeat; k += 1) decideContact(policy, facts, 'email', at.getTime());
    const decided = performance.now();
    for (let k = 0; k < repeat; k += 1)
      renderMessage('balance_statement', 'email', row.language as MessageLanguage, {
        debtorName: `${row.first_name} ${row.last_name}`,
        caseReference: row.reference,
        firstLetter: { reference: row.first_letter_reference!, sentOn: row.first_letter_sent_on! },
        agencyName: deps.config.AGENCY_NAME,
        agencyPhone: deps.config.AGENCY_PHONE,
        balanceCents: row.balance_cents,
        unsubscribeUrl: 'https://accord.example/unsubscribe/token',
      });
    factsMs += read - began;
    decideMs += (decided - read) / repeat;
    renderMs += (performance.now() - decided) / repeat;
  }
  const n = Math.max(cases.length, 1);
  return {
    sample: cases.length,
    factsMs: factsMs / n,
    decideUs: (decideMs / n) * 1000,
    renderUs: (renderMs / n) * 1000,
  };
}
