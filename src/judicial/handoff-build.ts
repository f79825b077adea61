import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/append.js';
import { caseInScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { conflict } from '../platform/errors.js';
import { readCaseTimeBars } from '../time-bars/time-bars.js';
import type { HandoffView } from './contract.js';
import { buildHandoff } from './core/handoff.js';
import { loadHandoffFacts } from './handoff-facts.js';
import { handoffPdf } from './handoff-pdf.js';
import { handoffSchemaErrors } from './handoff-validate.js';
import { loadHandoff } from './handoff-read.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds a new version of a judicial case's handoff file, in one transaction under the case's row lock: the facts
 * read, the JSON built and checked against its schema, the PDF drawn, both kept with their SHA-256, the earlier
 * versions not sent marked withdrawn (a partner is never sent a superseded file), the build audited.
 */
export async function buildCaseHandoff(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null = null,
): Promise<HandoffView> {
  const now = deps.now();
  const builtOn = agencyToday(now, deps.config);
  // The time bars are read as their capability reads them (scope checked there: 404 outside the actor's).
  const timeBars = await readCaseTimeBars(deps, actor, caseId);
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseInScope(trx, actor, caseId);
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
    const current = await trx.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow();
    if (current.stage !== 'judicial')
      throw conflict(
        'handoffs.case_not_judicial',
        `Case ${found.reference} is at the ${current.stage} stage: a handoff file is built for a case at the judicial stage.`,
      );
    const last = await trx
      .selectFrom('judicial_handoffs')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    const facts = await loadHandoffFacts(trx, caseId, timeBars, deps.config);
    const document = buildHandoff(facts, { version, builtAt: now.toISOString(), builtOn });
    const errors = handoffSchemaErrors(document);
    if (errors.length > 0) throw new Error(`handoff of ${found.reference} breaks its schema: ${errors.join('; ')}`);
    const json = JSON.stringify(document, null, 2);
    const pdf = await handoffPdf(document);
    const row = await trx
      .insertInto('judicial_handoffs')
      .values({
        case_id: caseId,
        creditor_id: found.creditor_id,
        version,
        built_at: now,
        built_by: actor.userId,
        json_text: json,
        json_sha256: sha256(json),
        pdf_base64: pdf.toString('base64'),
        pdf_sha256: sha256(pdf),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('judicial_handoffs')
      .set({ status: 'withdrawn', withdrawn_at: now, withdrawn_by: actor.userId })
      .where('case_id', '=', caseId)
      .where('status', '=', 'built')
      .where('id', '<>', row.id)
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'handoff.built',
      targetType: 'judicial_handoff',
      targetId: row.id,
      creditorId: found.creditor_id,
      after: {
        caseId,
        version,
        amountCents: document.statement.totals.owedCents,
        jsonSha256: sha256(json),
        pdfSha256: sha256(pdf),
        documents: document.documents.length,
      },
      requestId,
      at: now,
    });
    return loadHandoff(trx, actor, row.id);
  });
}
