import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { assertVisible, caseInScope, withinScope } from '../cases/scope.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { HandoffList, HandoffView } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Reading handoff files: a case's versions, newest first, and a version's JSON or PDF as built (the bytes whose
 * SHA-256 the row keeps). A creditor user reads its own cases' files only (404 outside, as for a missing one); every
 * download is audited, as the file names the debtor.
 */
const handoffRows = (db: Db, actor: Actor) =>
  db
    .selectFrom('judicial_handoffs as h')
    .leftJoin('judicial_partners as p', 'p.id', 'h.partner_id')
    .leftJoin('users as b', 'b.id', 'h.built_by')
    .leftJoin('users as s', 's.id', 'h.sent_by')
    .select([
      'h.id',
      'h.case_id',
      'h.creditor_id',
      'h.version',
      'h.built_at',
      'h.json_sha256',
      'h.pdf_sha256',
      'h.status',
      'h.channel',
      'h.sent_at',
      'h.acknowledged_at',
      'h.partner_id',
      'p.firm_name',
      'b.display_name as built_by_name',
      's.display_name as sent_by_name',
    ])
    .select(sql<number>`((h.json_text::jsonb)->'statement'->'totals'->>'owedCents')::integer`.as('owed_cents'))
    .where(withinScope(actor, 'h.creditor_id'));
type HandoffRow = Awaited<ReturnType<ReturnType<typeof handoffRows>['executeTakeFirstOrThrow']>>;

function handoffView(row: HandoffRow): HandoffView {
  return {
    id: row.id,
    caseId: row.case_id,
    version: row.version,
    builtAt: row.built_at.toISOString(),
    builtBy: row.built_by_name,
    jsonSha256: row.json_sha256,
    pdfSha256: row.pdf_sha256,
    owedCents: Number(row.owed_cents),
    status: row.status,
    partner: row.partner_id && row.firm_name ? { id: row.partner_id, firmName: row.firm_name } : null,
    channel: row.channel,
    sentAt: row.sent_at?.toISOString() ?? null,
    sentBy: row.sent_by_name,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  };
}

export async function loadHandoff(db: Db, actor: Actor, handoffId: string): Promise<HandoffView> {
  const row = await handoffRows(db, actor).where('h.id', '=', handoffId).executeTakeFirst();
  assertVisible(actor, row, 'The handoff file');
  return handoffView(row);
}

export async function listCaseHandoffs(deps: Deps, actor: Actor, caseId: string): Promise<HandoffList> {
  const found = await caseInScope(deps.db, actor, caseId);
  const rows = await handoffRows(deps.db, actor).where('h.case_id', '=', caseId).orderBy('h.version', 'desc').execute();
  return { items: rows.map(handoffView), caseJudicial: found.stage === 'judicial' };
}

/** A version's JSON or PDF as built, its download audited in the same transaction as it is read. */
export async function openHandoffFile(
  deps: Deps,
  actor: Actor,
  handoffId: string,
  format: 'json' | 'pdf',
  requestId: string | null = null,
): Promise<{ fileName: string; bytes: Buffer }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('judicial_handoffs as h')
      .innerJoin('cases as c', 'c.id', 'h.case_id')
      .select(['h.id', 'h.case_id', 'h.creditor_id', 'h.version', 'h.json_text', 'h.pdf_base64', 'c.reference'])
      .where('h.id', '=', handoffId)
      .where(withinScope(actor, 'h.creditor_id'))
      .executeTakeFirst();
    assertVisible(actor, row, 'The handoff file');
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'handoff.downloaded',
      targetType: 'judicial_handoff',
      targetId: row.id,
      creditorId: row.creditor_id,
      after: { caseId: row.case_id, version: row.version, format },
      requestId,
      at: deps.now(),
    });
    const bytes = format === 'json' ? Buffer.from(row.json_text, 'utf8') : Buffer.from(row.pdf_base64, 'base64');
    return { fileName: `transmission-${row.reference}-v${row.version}.${format}`, bytes };
  });
}
