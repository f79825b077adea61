import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { withCareProfile } from './core/default-policy.js';
import { policyDocumentSchema, type PolicyDocument } from './core/policy-document.js';
import type { DraftView, PolicyOverview, VersionDetail } from './contract.js';
import { listVersions, lockPolicy, versionDetail } from './policy-store.js';

/**
 * Policy administration: one shared draft, and publication as a new immutable version with an effective date.
 * Nothing published is ever edited; a mistake is corrected by publishing another version.
 */

/** A document from a client, checked against the schema; every issue named by its path. */
export function parsePolicyDocument(document: unknown): PolicyDocument {
  const parsed = policyDocumentSchema.safeParse(withCareProfile(document));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError(
      'contact_policy.invalid',
      400,
      `The policy is not valid: ${issues[0]!.path || '(document)'}: ${issues[0]!.message}.`,
      { issues },
    );
  }
  for (const country of Object.keys(parsed.data.holidays)) {
    if (!parsed.data.windows[country]) {
      throw new AppError(
        'contact_policy.invalid',
        400,
        `Holidays are set for ${country} but no contact hours: add hours for ${country}.`,
        {
          issues: [{ path: `windows.${country}`, message: 'missing contact hours for a country with holidays' }],
        },
      );
    }
  }
  return parsed.data;
}

export async function policyOverview(deps: Deps): Promise<PolicyOverview> {
  const now = deps.now().getTime();
  const versions = await listVersions(deps.db);
  const inForce = versions
    .filter((version) => Date.parse(version.effectiveFrom) <= now)
    .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version)[0];
  if (!inForce) throw new AppError('contact_policy.none_in_force', 409, 'No contact policy is in force: publish one.');
  return {
    current: await versionDetail(deps.db, inForce.version),
    upcoming: versions.filter((version) => Date.parse(version.effectiveFrom) > now),
    versions,
  };
}

export async function getDraft(deps: Deps): Promise<DraftView | null> {
  const row = await deps.db
    .selectFrom('contact_policy_draft as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.document', 'd.based_on_version', 'd.updated_at', 'u.display_name'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    // A draft saved before the care profile existed reads with the shipped one, as a published version does.
    document: policyDocumentSchema.parse(withCareProfile(row.document)),
    basedOnVersion: row.based_on_version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.display_name,
  };
}

export async function saveDraft(
  deps: Deps,
  actor: Actor,
  input: { document: unknown; basedOnVersion: number | null; expectedUpdatedAt?: string | null | undefined },
  requestId: string | null = null,
): Promise<DraftView> {
  const document = parsePolicyDocument(input.document);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockPolicy(trx);
    if (input.expectedUpdatedAt !== undefined) {
      const existing = await trx.selectFrom('contact_policy_draft').select('updated_at').executeTakeFirst();
      const expected = input.expectedUpdatedAt === null ? null : Date.parse(input.expectedUpdatedAt);
      if ((existing?.updated_at.getTime() ?? null) !== expected) {
        throw conflict(
          'contact_policy.draft_changed',
          existing
            ? 'Someone else saved the draft since you opened it: reload it, then make your change again.'
            : 'The draft you were editing was published or discarded: reload the policy and start a new draft.',
        );
      }
    }
    const values = {
      document: JSON.stringify(document),
      based_on_version: input.basedOnVersion,
      updated_by: actor.userId,
      updated_at: now,
    };
    await trx
      .insertInto('contact_policy_draft')
      .values({ singleton: true, ...values })
      .onConflict((oc) => oc.column('singleton').doUpdateSet(values))
      .execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact_policy.draft_saved',
      targetType: 'contact_policy',
      targetId: 'draft',
      after: { basedOnVersion: input.basedOnVersion, document },
      requestId,
      at: now,
    });
  });
  return { document, basedOnVersion: input.basedOnVersion, updatedAt: now.toISOString(), updatedBy: actor.displayName };
}

export async function discardDraft(deps: Deps, actor: Actor, requestId: string | null = null) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockPolicy(trx);
    const deleted = await trx.deleteFrom('contact_policy_draft').returning('based_on_version').execute();
    if (deleted.length === 0) throw noDraft();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact_policy.draft_discarded',
      targetType: 'contact_policy',
      targetId: 'draft',
      requestId,
      at: now,
    });
  });
}

export const noDraft = () =>
  new AppError(
    'contact_policy.no_draft',
    404,
    'There is no draft of the contact policy: start one from the current version.',
  );

export async function publishDraft(
  deps: Deps,
  actor: Actor,
  input: { effectiveFrom: Date; note: string },
  requestId: string | null = null,
): Promise<VersionDetail> {
  const now = deps.now();
  if (input.effectiveFrom.getTime() < now.getTime() - 60_000) {
    throw invalid(
      'contact_policy.effective_in_past',
      'A new version cannot apply to the past: choose an effective date from now on.',
    );
  }
  const version = await deps.db.transaction().execute(async (trx) => {
    await lockPolicy(trx);
    const draft = await trx
      .selectFrom('contact_policy_draft')
      .select(['document', 'based_on_version'])
      .executeTakeFirst();
    if (!draft) throw noDraft();
    const document = parsePolicyDocument(draft.document);
    const last = await trx
      .selectFrom('contact_policy_versions')
      .select((eb) => eb.fn.max('version').as('max'))
      .executeTakeFirst();
    const next = Number(last?.max ?? 0) + 1;
    await trx
      .insertInto('contact_policy_versions')
      .values({
        version: next,
        document: JSON.stringify(document),
        effective_from: input.effectiveFrom,
        note: input.note.trim(),
        published_by: actor.userId,
        published_at: now,
      })
      .execute();
    await trx.deleteFrom('contact_policy_draft').execute();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'contact_policy.published',
      targetType: 'contact_policy',
      targetId: String(next),
      after: {
        version: next,
        basedOnVersion: draft.based_on_version,
        effectiveFrom: input.effectiveFrom.toISOString(),
        note: input.note.trim(),
      },
      requestId,
      at: now,
    });
    return next;
  });
  return versionDetail(deps.db, version);
}
