import { Readable } from 'node:stream';
import { uploadDocument } from '../documents/upload-document.js';
import { addEstateParty, declareEstateClaim, recordDeathProof, recordHeirOption } from '../estates/estate-steps.js';
import { reportDeath } from '../estates/report-death.js';
import type { HeirOption } from '../estates/core/estate.js';
import type { Actor } from '../identity/actor.js';
import { addDays, agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { renderPdf } from '../platform/pdf.js';
import { actorOf } from './documents.js';

/** How far each demo estate went: its last step, and the heirs' options when it has heirs. */
interface DemoEstate {
  until: 'reported' | 'proven' | 'notary' | 'claim_lodged';
  diedDaysAgo: number;
  heirs?: HeirOption[];
  netAssetsPublishedDaysAgo?: number;
}

/**
 * Deceased debtors in each state of the estate (REGULATION §12), through the estate's services so their timeline,
 * holds and audit trail are real: a death only reported, one proven, one with its notary, a claim declared while the
 * heirs may still choose, one accepted up to net assets (its 15-month deadline), and a vacant one (every heir
 * renounced, ready to close as deceased without an estate). Banque Horizon's last amicable cases, so its creditor user
 * sees their state.
 */
const DEMO_ESTATES: DemoEstate[] = [
  { until: 'reported', diedDaysAgo: 3 },
  { until: 'proven', diedDaysAgo: 20 },
  { until: 'notary', diedDaysAgo: 45, heirs: ['undecided'] },
  { until: 'claim_lodged', diedDaysAgo: 60, heirs: ['undecided', 'undecided'] },
  { until: 'claim_lodged', diedDaysAgo: 200, heirs: ['net_assets', 'renounce'], netAssetsPublishedDaysAgo: 40 },
  { until: 'claim_lodged', diedDaysAgo: 150, heirs: ['renounce', 'renounce'] },
];

const HEIR_NAMES = ['Julie Moreau', 'Thomas Moreau', 'Claire Bernard', 'Luc Petit'];

export async function loadDemoEstates(deps: Deps): Promise<number> {
  const [agent, leader] = await Promise.all(
    ['agent@demo.accord.test', 'team.leader@demo.accord.test'].map((email) => actorOf(deps, email)),
  );
  if (!agent || !leader) return 0;
  const cases = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select(['cases.id', 'cases.reference'])
    .where('creditors.code', '=', 'BHORIZON')
    .where('cases.status', '=', 'open')
    .where('cases.stage', '=', 'amicable')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('holds').select('holds.id').whereRef('holds.debtor_id', '=', 'cases.debtor_id'))),
    )
    .orderBy('cases.reference', 'desc')
    .limit(DEMO_ESTATES.length)
    .execute();
  const today = agencyToday(deps.now(), deps.config);
  for (const [index, target] of cases.entries()) {
    await loadEstate(deps, { agent, leader }, target, DEMO_ESTATES[index]!, today);
  }
  return cases.length;
}

async function loadEstate(
  deps: Deps,
  people: { agent: Actor; leader: Actor },
  target: { id: string; reference: string },
  estate: DemoEstate,
  today: string,
) {
  await reportDeath(deps, people.agent, target.id, { note: 'Un proche a signalé le décès par téléphone.' }, 'demo');
  if (estate.until === 'reported') return;
  const body = await renderPdf({ title: 'Acte de décès', createdAt: deps.now() }, (doc) =>
    doc.text(`Acte de décès – dossier ${target.reference}`),
  );
  const certificate = await uploadDocument(
    deps,
    people.leader,
    target.id,
    {
      type: 'death_certificate',
      source: 'third_party',
      fileName: `Acte de décès ${target.reference}.pdf`,
      sharedWithCreditor: false,
      specialCategory: false,
    },
    Readable.from([body]),
    'demo',
  );
  const diedOn = addDays(today, -estate.diedDaysAgo);
  await recordDeathProof(deps, people.leader, target.id, { diedOn, documentId: certificate.id }, 'demo');
  if (estate.until === 'proven') return;
  await addEstateParty(
    deps,
    people.leader,
    target.id,
    { role: 'notary', name: 'Me Anne Lefèvre', contact: 'Étude Lefèvre, 12 quai Saint-Antoine, 69002 Lyon' },
    'demo',
  );
  await addEstateParty(
    deps,
    people.leader,
    target.id,
    { role: 'relative', name: 'Marc Moreau', contact: 'frère du défunt' },
    'demo',
  );
  for (const [index, option] of (estate.heirs ?? []).entries()) {
    const view = await addEstateParty(
      deps,
      people.leader,
      target.id,
      { role: 'heir', name: HEIR_NAMES[index % HEIR_NAMES.length]!, contact: `06 10 20 30 4${index}` },
      'demo',
    );
    const heir = view.parties?.at(-1);
    if (heir && option !== 'undecided')
      await recordHeirOption(deps, people.leader, target.id, heir.id, { option }, 'demo');
  }
  if (estate.until === 'notary') return;
  const publishedOn =
    estate.netAssetsPublishedDaysAgo === undefined ? null : addDays(today, -estate.netAssetsPublishedDaysAgo);
  await declareEstateClaim(deps, people.leader, target.id, { netAssetsPublishedOn: publishedOn }, 'demo');
}
