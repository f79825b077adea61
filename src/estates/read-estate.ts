import type { Kysely, Transaction } from 'kysely';
import { nextStepOf, type CaseState } from '../cases/core/lifecycle.js';
import { caseInScope } from '../cases/scope.js';
import type { Actor } from '../identity/actor.js';
import { creditorScope } from '../identity/scope.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import type { CaseEstate, EstateView } from './contract.js';
import { estateNextStep, estateOption, mayDemand, type HeirOption, type PartyRole } from './core/estate.js';
import { factsOf, partiesOf, type EstateRow, type PartyRow } from './estate-facts.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The estate of a case as the reader may see it; null when no death is reported. */
export async function caseEstate(deps: Deps, actor: Actor, caseId: string): Promise<CaseEstate> {
  const today = agencyToday(deps.now(), deps.config);
  return { estate: await loadEstateView(deps.db, actor, caseId, today) };
}

/**
 * The estate's state, deadlines and next step, and the case's own next step (the lifecycle's, dated by the estate).
 * A creditor user sees the state of its own cases' estate only: the parties' names and contacts are the agency's.
 */
export async function loadEstateView(db: Db, actor: Actor, caseId: string, today: IsoDate): Promise<EstateView | null> {
  const found = await caseInScope(db, actor, caseId);
  const estate = await db.selectFrom('estates').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!estate) return null;
  const parties = await partiesOf(db, estate.id);
  const facts = factsOf(estate, parties);
  const next = estateNextStep(facts, today);
  const caseRow = await db
    .selectFrom('cases')
    .select(['stage', 'status', 'close_reason', 'closed_on', 'balance_cents'])
    .where('id', '=', found.id)
    .executeTakeFirstOrThrow();
  const state = {
    stage: caseRow.stage,
    status: caseRow.status,
    closeReason: caseRow.close_reason,
    closedOn: caseRow.closed_on,
    balanceCents: Number(caseRow.balance_cents),
  } as CaseState;
  return {
    caseId,
    step: estate.step,
    option: estateOption(facts.heirOptions),
    reportedOn: estate.reported_on,
    diedOn: estate.died_on,
    proven: estate.died_on !== null,
    certificateDocumentId: creditorScope(actor) === null ? estate.certificate_document_id : null,
    optionEndsOn: estate.option_ends_on,
    netAssetsPublishedOn: estate.net_assets_published_on,
    claimDeclaredOn: estate.claim_declared_on,
    claimDeadlineOn: estate.claim_deadline_on,
    next,
    caseNext: nextStepOf(state, today, next.dueOn),
    heirs: heirCounts(facts.heirOptions),
    parties: creditorScope(actor) === null ? parties.map((party) => partyView(party, estate, today)) : null,
  };
}

function heirCounts(options: readonly HeirOption[]) {
  return {
    known: options.length,
    undecided: options.filter((option) => option === 'undecided').length,
    renounced: options.filter((option) => option === 'renounce').length,
  };
}

function partyView(party: PartyRow, estate: EstateRow, today: IsoDate) {
  return {
    id: party.id,
    role: party.role as PartyRole,
    name: party.name,
    contact: party.contact,
    option: (party.heir_option as HeirOption | null) ?? null,
    optionOn: party.option_on,
    mayDemand: party.heir_option !== 'renounce' && mayDemand(party.role as PartyRole, estate.option_ends_on, today),
  };
}
