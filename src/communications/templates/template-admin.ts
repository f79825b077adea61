import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../../audit/append.js';
import { auditActor, type Actor } from '../../identity/actor.js';
import type { DB } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { shippedText } from '../core/message-templates.js';
import {
  checkTemplateText,
  hasErrors,
  requiredMentions,
  SLOTS,
  TEMPLATE_CHANNELS,
  TEMPLATE_VARIABLES,
  VARIABLE_NAMES,
  type TemplateSlot,
  type TemplateText,
} from '../core/template-text.js';
import type { TemplateDraftView, TemplateSlotView, TemplateVersionView } from './contract.js';
import { creditorNames, templateInForce } from './template-store.js';

/**
 * Template administration, as the contact policy's: one open draft per slot, written by compliance, submitted for
 * review, and published by another person as a new immutable version from an effective date, or returned with a
 * comment. A text with an error (a mandatory mention missing, a variable unknown or out of place, something a third
 * party could read) can be neither submitted nor published; publication checks it again, in its transaction, against
 * the creditors known then. Every act is audited.
 */

const slotKey = (slot: TemplateSlot) => `${slot.template}/${slot.channel}/${slot.language}`;

export function assertSlot(slot: TemplateSlot): void {
  if (!TEMPLATE_CHANNELS[slot.template].includes(slot.channel))
    throw invalid(
      'communications.template_channel',
      `The ${slot.template} template is not sent by ${slot.channel}: choose another channel.`,
    );
}

const versionRows = (db: Deps['db'] | Transaction<DB>, slot: TemplateSlot) =>
  db
    .selectFrom('message_template_versions as v')
    .innerJoin('users as d', 'd.id', 'v.drafted_by')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as r', 'r.id', 'v.reviewed_by')
    .select([
      'v.id',
      'v.status',
      'v.version',
      'v.subject',
      'v.body',
      'v.based_on_version',
      'v.drafted_by',
      'd.display_name as drafted_name',
      'v.updated_at',
      'v.submitted_by',
      's.display_name as submitted_name',
      'v.submitted_at',
      'v.reviewed_by',
      'r.display_name as reviewed_name',
      'v.review_comment',
      'v.effective_from',
      'v.note',
    ])
    .where('v.template', '=', slot.template)
    .where('v.channel', '=', slot.channel)
    .where('v.language', '=', slot.language);

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionRows>['execute']>>[number];

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

function versionView(row: VersionRow): TemplateVersionView {
  return {
    version: row.version!,
    subject: row.subject,
    body: row.body,
    effectiveFrom: row.effective_from?.toISOString() ?? null,
    note: row.note,
    drafted: person(row.drafted_by, row.drafted_name),
    published: person(row.reviewed_by, row.reviewed_name),
  };
}

const shippedVersion = (slot: TemplateSlot): TemplateVersionView => ({
  version: 0,
  ...shippedText(slot),
  effectiveFrom: null,
  note: null,
  drafted: null,
  published: null,
});

function draftView(row: VersionRow, names: readonly string[], slot: TemplateSlot): TemplateDraftView {
  return {
    id: row.id,
    status: row.status as 'draft' | 'in_review',
    subject: row.subject,
    body: row.body,
    basedOnVersion: row.based_on_version,
    drafted: { id: row.drafted_by, name: row.drafted_name },
    updatedAt: row.updated_at.toISOString(),
    submitted: person(row.submitted_by, row.submitted_name),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    returned: row.status === 'draft' ? person(row.reviewed_by, row.reviewed_name) : null,
    reviewComment: row.status === 'draft' ? row.review_comment : null,
    findings: checkTemplateText(slot, { subject: row.subject, body: row.body }, names),
  };
}

/** Every slot, with the version in force, the next one to come and the state of its draft. */
export async function templateSlots(deps: Deps) {
  const now = deps.now();
  const rows = await deps.db
    .selectFrom('message_template_versions as v')
    .innerJoin('users as d', 'd.id', 'v.drafted_by')
    .select(['v.template', 'v.channel', 'v.language', 'v.status', 'v.version', 'v.effective_from', 'v.updated_at'])
    .select('d.display_name')
    .orderBy('v.version')
    .execute();
  return {
    slots: SLOTS.map((slot) => {
      const mine = rows.filter((row) => slotKey(row) === slotKey(slot));
      const published = mine.filter((row) => row.status === 'published');
      const inForce = published
        .filter((row) => row.effective_from! <= now)
        .sort((a, b) => b.effective_from!.getTime() - a.effective_from!.getTime() || b.version! - a.version!)[0];
      const upcoming = published
        .filter((row) => row.effective_from! > now)
        .sort((a, b) => a.effective_from!.getTime() - b.effective_from!.getTime())[0];
      const draft = mine.find((row) => row.status !== 'published');
      return {
        ...slot,
        inForce: inForce
          ? { version: inForce.version!, effectiveFrom: inForce.effective_from!.toISOString() }
          : { version: 0, effectiveFrom: null },
        upcoming: upcoming
          ? { version: upcoming.version!, effectiveFrom: upcoming.effective_from!.toISOString() }
          : null,
        draft: draft
          ? {
              status: draft.status as 'draft' | 'in_review',
              updatedAt: draft.updated_at.toISOString(),
              drafted: draft.display_name,
            }
          : null,
      };
    }),
  };
}

/** One slot: the text in force, those to come, the history down to the shipped text, and the open draft checked. */
export async function templateSlot(deps: Deps, slot: TemplateSlot): Promise<TemplateSlotView> {
  assertSlot(slot);
  const now = deps.now();
  const [rows, inForce, names] = await Promise.all([
    versionRows(deps.db, slot).orderBy('v.version', 'desc').execute(),
    templateInForce(deps.db, slot, now),
    creditorNames(deps.db),
  ]);
  const published = rows.filter((row) => row.status === 'published');
  const draft = rows.find((row) => row.status !== 'published');
  const current = published.find((row) => row.version === inForce.version);
  return {
    ...slot,
    inForce: current ? versionView(current) : shippedVersion(slot),
    upcoming: published
      .filter((row) => row.effective_from! > now)
      .sort((a, b) => a.effective_from!.getTime() - b.effective_from!.getTime())
      .map(versionView),
    history: [...published.map(versionView), shippedVersion(slot)],
    draft: draft ? draftView(draft, names, slot) : null,
    variables: VARIABLE_NAMES.map((name) => ({
      name,
      ...TEMPLATE_VARIABLES[name],
      channels: [...TEMPLATE_VARIABLES[name].channels],
    })).filter((variable) => variable.channels.includes(slot.channel)),
    requiredMentions: requiredMentions(slot),
  };
}

/**
 * The slot's open draft, locked for the transaction; null when there is none. The slot itself is locked first, so two
 * first saves, or two publications, of one slot wait for each other instead of meeting a unique index.
 */
async function lockedDraft(trx: Transaction<DB>, slot: TemplateSlot) {
  await sql`select pg_advisory_xact_lock(hashtext(${`accord.message_template.${slotKey(slot)}`}))`.execute(trx);
  return (await versionRows(trx, slot).where('v.status', '<>', 'published').forUpdate('v').executeTakeFirst()) ?? null;
}

const noDraft = () =>
  new AppError('templates.no_draft', 404, 'This template has no draft: start one from the text in force.');

function assertWritable(draft: VersionRow | null, expectedUpdatedAt: string | null | undefined): void {
  if (draft?.status === 'in_review')
    throw conflict(
      'templates.in_review',
      'This draft is under review: it changes only once the reviewer returns it, or you discard it.',
    );
  if (expectedUpdatedAt === undefined) return;
  const expected = expectedUpdatedAt === null ? null : Date.parse(expectedUpdatedAt);
  if ((draft?.updated_at.getTime() ?? null) !== expected)
    throw conflict(
      'templates.draft_changed',
      draft
        ? 'Someone else saved this draft since you opened it: reload it, then make your change again.'
        : 'The draft you were editing was published or discarded: reload the template and start again.',
    );
}

function assertFit(slot: TemplateSlot, text: TemplateText, names: readonly string[], step: string): void {
  const findings = checkTemplateText(slot, text, names);
  if (hasErrors(findings))
    throw invalid(
      'templates.not_publishable',
      `This text cannot be ${step}: ${findings.filter((finding) => finding.severity === 'error').length} error(s) to correct first (see findings).`,
      { findings },
    );
}

type TemplateAction =
  | 'message_template.draft_saved'
  | 'message_template.draft_discarded'
  | 'message_template.submitted'
  | 'message_template.returned'
  | 'message_template.published';

async function audit(
  trx: Transaction<DB>,
  actor: Actor,
  action: TemplateAction,
  slot: TemplateSlot,
  after: Record<string, unknown>,
  requestId: string | null,
  at: Date,
) {
  await appendAudit(trx, {
    actor: auditActor(actor),
    action,
    targetType: 'message_template',
    targetId: slotKey(slot),
    after,
    requestId,
    at,
  });
}

/** Saves the slot's draft, starting one when there is none; a text with errors is kept, to be corrected. */
export async function saveTemplateDraft(
  deps: Deps,
  actor: Actor,
  slot: TemplateSlot,
  input: { subject: string | null; body: string; expectedUpdatedAt?: string | null | undefined },
  requestId: string | null = null,
): Promise<TemplateSlotView> {
  assertSlot(slot);
  const subject = slot.channel === 'email' ? (input.subject ?? '').trim() : null;
  if (input.body.trim() === '') throw invalid('templates.body_missing', 'The text is empty: write the message.');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const draft = await lockedDraft(trx, slot);
    assertWritable(draft, input.expectedUpdatedAt);
    const values = { subject, body: input.body, drafted_by: actor.userId, updated_at: now, review_comment: null };
    if (draft) await trx.updateTable('message_template_versions').set(values).where('id', '=', draft.id).execute();
    else {
      const basedOn = (await templateInForce(trx, slot, now)).version;
      await trx
        .insertInto('message_template_versions')
        .values({ ...slot, ...values, status: 'draft', based_on_version: basedOn })
        .execute();
    }
    await audit(trx, actor, 'message_template.draft_saved', slot, { subject, body: input.body }, requestId, now);
  });
  return templateSlot(deps, slot);
}

export async function discardTemplateDraft(
  deps: Deps,
  actor: Actor,
  slot: TemplateSlot,
  requestId: string | null = null,
): Promise<void> {
  assertSlot(slot);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const draft = await lockedDraft(trx, slot);
    if (!draft) throw noDraft();
    await trx.deleteFrom('message_template_versions').where('id', '=', draft.id).execute();
    await audit(trx, actor, 'message_template.draft_discarded', slot, { status: draft.status }, requestId, now);
  });
}

/** Submits the draft for review: frozen until a reviewer publishes or returns it. */
export async function submitTemplateDraft(
  deps: Deps,
  actor: Actor,
  slot: TemplateSlot,
  requestId: string | null = null,
): Promise<TemplateSlotView> {
  assertSlot(slot);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const draft = await lockedDraft(trx, slot);
    if (!draft) throw noDraft();
    if (draft.status === 'in_review')
      throw conflict('templates.in_review', 'This draft is already under review: wait for the reviewer.');
    assertFit(slot, draft, await creditorNames(trx), 'submitted');
    await trx
      .updateTable('message_template_versions')
      .set({ status: 'in_review', submitted_by: actor.userId, submitted_at: now })
      .where('id', '=', draft.id)
      .execute();
    await audit(trx, actor, 'message_template.submitted', slot, { draftId: draft.id }, requestId, now);
  });
  return templateSlot(deps, slot);
}

/** The draft under review, for its reviewer: someone other than who wrote or submitted it (four eyes). */
async function reviewable(trx: Transaction<DB>, actor: Actor, slot: TemplateSlot) {
  const draft = await lockedDraft(trx, slot);
  if (!draft) throw noDraft();
  if (draft.status !== 'in_review')
    throw conflict('templates.not_in_review', 'This draft has not been submitted for review: its author submits it.');
  if (draft.drafted_by === actor.userId || draft.submitted_by === actor.userId)
    throw new AppError(
      'templates.own_review',
      403,
      'You wrote or submitted this draft: another compliance officer or a manager reviews it.',
    );
  return draft;
}

/** Sends the draft back to its author with what to change. */
export async function returnTemplateDraft(
  deps: Deps,
  actor: Actor,
  slot: TemplateSlot,
  comment: string,
  requestId: string | null = null,
): Promise<TemplateSlotView> {
  assertSlot(slot);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const draft = await reviewable(trx, actor, slot);
    await trx
      .updateTable('message_template_versions')
      .set({ status: 'draft', reviewed_by: actor.userId, reviewed_at: now, review_comment: comment })
      .where('id', '=', draft.id)
      .execute();
    await audit(trx, actor, 'message_template.returned', slot, { draftId: draft.id, comment }, requestId, now);
  });
  return templateSlot(deps, slot);
}

/** Publishes the reviewed draft as the slot's next version, sent from `effectiveFrom` (now or later). */
export async function publishTemplateDraft(
  deps: Deps,
  actor: Actor,
  slot: TemplateSlot,
  input: { effectiveFrom: Date; note: string },
  requestId: string | null = null,
): Promise<TemplateSlotView> {
  assertSlot(slot);
  const now = deps.now();
  if (input.effectiveFrom.getTime() < now.getTime() - 60_000)
    throw invalid(
      'templates.effective_in_past',
      'A version cannot apply to messages already sent: choose an effective date from now on.',
    );
  await deps.db.transaction().execute(async (trx) => {
    const draft = await reviewable(trx, actor, slot);
    assertFit(slot, draft, await creditorNames(trx), 'published');
    const last = await trx
      .selectFrom('message_template_versions')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('template', '=', slot.template)
      .where('channel', '=', slot.channel)
      .where('language', '=', slot.language)
      .executeTakeFirst();
    const version = Number(last?.max ?? 0) + 1;
    await trx
      .updateTable('message_template_versions')
      .set({
        status: 'published',
        version,
        effective_from: input.effectiveFrom,
        note: input.note,
        reviewed_by: actor.userId,
        reviewed_at: now,
        review_comment: null,
      })
      .where('id', '=', draft.id)
      .execute();
    await audit(
      trx,
      actor,
      'message_template.published',
      slot,
      {
        version,
        basedOnVersion: draft.based_on_version,
        effectiveFrom: input.effectiveFrom.toISOString(),
        note: input.note,
        subject: draft.subject,
        body: draft.body,
      },
      requestId,
      now,
    );
  });
  return templateSlot(deps, slot);
}
