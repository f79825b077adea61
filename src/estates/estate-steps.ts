import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { appendCaseEvent } from '../cases/append-case-event.js';
import type { RecordText } from '../cases/core/record-texts.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { DeathProofBody, EstateClaimBody, EstatePartyBody, EstateView, HeirOptionBody } from './contract.js';
import {
  checkDeclaration,
  checkProof,
  claimDeadlineOn,
  optionEndsOn,
  stepAfterParty,
  type EstateDeadlineRule,
} from './core/estate.js';
import { estateRules, factsOf, lockEstate } from './estate-facts.js';
import { loadEstateView } from './read-estate.js';

type Locked = Awaited<ReturnType<typeof lockEstate>>;

interface Act {
  trx: Transaction<DB>;
  locked: Locked;
  now: Date;
  today: IsoDate;
  rules: EstateDeadlineRule[];
}
/** What an act of the estate wrote: its timeline line and its audit record. */
interface Done {
  summary: RecordText;
  action: 'estate.death_proven' | 'estate.party_added' | 'estate.claim_declared' | 'estate.option_recorded';
  after: Record<string, unknown>;
}

/**
 * One act on the estate, in one transaction: the case and its estate locked, the act (checked by the pure core),
 * then one `estate` line on the timeline (which the creditor's view does not list) and one audit record; answers the estate as it now stands.
 */
async function estateAct(
  deps: Deps,
  actor: Actor,
  caseId: string,
  requestId: string | null,
  act: (context: Act) => Promise<Done>,
): Promise<EstateView> {
  const now = deps.now();
  const today = agencyToday(now, deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockEstate(trx, actor, caseId);
    const record = await act({ trx, locked, now, today, rules: await estateRules(trx) });
    await trx.updateTable('estates').set({ updated_at: now }).where('id', '=', locked.estate.id).execute();
    await appendCaseEvent(trx, {
      caseId,
      debtorId: locked.found.debtor_id,
      at: now,
      kind: 'estate',
      summary: record.summary,
      actorUserId: actor.userId,
      data: { estateId: locked.estate.id },
    });
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: record.action,
      targetType: 'case',
      targetId: caseId,
      creditorId: locked.found.creditor_id,
      after: { estateId: locked.estate.id, ...record.after },
      requestId,
      at: now,
    });
    return (await loadEstateView(trx, actor, caseId, today))!;
  });
}

function refuse(code: string | null) {
  if (code) throw conflict(code, ESTATE_REFUSALS[code] ?? 'The estate does not allow this step now.');
}

const ESTATE_REFUSALS: Record<string, string> = {
  'estates.already_proven': 'The death is already proven on this case.',
  'estates.death_after_report': 'The day of the death is after the day it was reported.',
  'estates.not_proven': 'The death is not proven yet: record the death certificate first.',
  'estates.no_notary': 'No notary is known: the claim is declared to the notary settling the estate.',
  'estates.claim_already_declared': 'The claim is already declared to the estate.',
  'estates.claim_deadline_passed':
    'The 15 months to declare the claim after the publication have passed (C. civ. 792).',
  'estates.publication_before_death': 'The publication is dated before the death.',
  'estates.not_an_heir': 'Only an heir has an option.',
};

/** The death certificate: the death is proven, its day starts the heirs' 4-month option period (C. civ. 771). */
export function recordDeathProof(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: DeathProofBody,
  requestId: string | null = null,
) {
  return estateAct(deps, actor, caseId, requestId, async ({ trx, locked, now, rules }) => {
    refuse(checkProof(factsOf(locked.estate, locked.parties), body.diedOn, locked.estate.reported_on));
    const document = await trx
      .selectFrom('case_documents')
      .select(['id', 'document_type'])
      .where('id', '=', body.documentId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!document || document.document_type !== 'death_certificate')
      throw invalid('estates.not_a_death_certificate', 'The document is not a death certificate of this case.');
    const endsOn = optionEndsOn(body.diedOn, rules);
    await trx
      .updateTable('estates')
      .set({
        step: 'proven',
        died_on: body.diedOn,
        option_ends_on: endsOn,
        certificate_document_id: document.id,
        proven_at: now,
      })
      .where('id', '=', locked.estate.id)
      .execute();
    return {
      summary: { key: 'estate_death_proven', params: { diedOn: body.diedOn, optionEndsOn: endsOn } },
      action: 'estate.death_proven',
      after: { diedOn: body.diedOn, optionEndsOn: endsOn, documentId: document.id },
    };
  });
}

/** A notary, an heir (with the option, not yet chosen unless said) or a relative; the first notary moves the estate on. */
export function addEstateParty(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: EstatePartyBody,
  requestId: string | null = null,
) {
  return estateAct(deps, actor, caseId, requestId, async ({ trx, locked, now, today }) => {
    if (locked.estate.step === 'reported') refuse('estates.not_proven');
    const option = body.role === 'heir' ? (body.option ?? 'undecided') : null;
    const party = await trx
      .insertInto('estate_parties')
      .values({
        estate_id: locked.estate.id,
        role: body.role,
        name: body.name,
        contact: body.contact,
        heir_option: option,
        option_on: option && option !== 'undecided' ? today : null,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const step = stepAfterParty(locked.estate.step, body.role);
    if (step !== locked.estate.step)
      await trx.updateTable('estates').set({ step }).where('id', '=', locked.estate.id).execute();
    return {
      summary: { key: 'estate_party_added', params: { role: body.role } },
      action: 'estate.party_added',
      // The audit trail names the role and the option, not the person (the party's row holds their data).
      after: { partyId: party.id, role: body.role, option, step },
    };
  });
}

/** An heir's option (C. civ. 768): accept, accept up to net assets, renounce, or not yet chosen. */
export function recordHeirOption(
  deps: Deps,
  actor: Actor,
  caseId: string,
  partyId: string,
  body: HeirOptionBody,
  requestId: string | null = null,
) {
  return estateAct(deps, actor, caseId, requestId, async ({ trx, locked, today }) => {
    const party = locked.parties.find((candidate) => candidate.id === partyId);
    if (!party) throw notFound('The party of the estate');
    if (party.role !== 'heir') refuse('estates.not_an_heir');
    await trx
      .updateTable('estate_parties')
      .set({ heir_option: body.option, option_on: body.option === 'undecided' ? null : today })
      .where('id', '=', partyId)
      .execute();
    return {
      summary: { key: 'estate_option_recorded', params: { option: body.option } },
      action: 'estate.option_recorded',
      after: { partyId, before: party.heir_option, option: body.option },
    };
  });
}

/** The claim declared to the notary; with a published net-assets acceptance, within its 15 months (C. civ. 792). */
export function declareEstateClaim(
  deps: Deps,
  actor: Actor,
  caseId: string,
  body: EstateClaimBody,
  requestId: string | null = null,
) {
  return estateAct(deps, actor, caseId, requestId, async ({ trx, locked, today, rules }) => {
    const publishedOn = body.netAssetsPublishedOn;
    refuse(checkDeclaration(factsOf(locked.estate, locked.parties), publishedOn, today, rules));
    const deadlineOn = publishedOn ? claimDeadlineOn(publishedOn, rules) : null;
    await trx
      .updateTable('estates')
      .set({
        step: 'claim_lodged',
        claim_declared_on: today,
        net_assets_published_on: publishedOn,
        claim_deadline_on: deadlineOn,
      })
      .where('id', '=', locked.estate.id)
      .execute();
    return {
      summary: deadlineOn
        ? { key: 'estate_claim_declared_by', params: { deadlineOn } }
        : { key: 'estate_claim_declared', params: {} },
      action: 'estate.claim_declared',
      after: { declaredOn: today, netAssetsPublishedOn: publishedOn, claimDeadlineOn: deadlineOn },
    };
  });
}
