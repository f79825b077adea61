import { buildCaseHandoff } from '../judicial/handoff-build.js';
import { acknowledgeHandoff, sendHandoff } from '../judicial/handoff-send.js';
import { createPartner } from '../judicial/partners.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { actorOf } from './documents.js';

/**
 * The judicial team's partners and handoff files (REGULATION §11 point 5), through the services: three partners (a
 * commissaire de justice by e-mail, one by its portal, a lawyer by post), and on the demo's judicial cases (Banque
 * Horizon's first, so its creditor user sees one) a file sent and acknowledged, one sent waiting for its
 * acknowledgement, and one built waiting to be sent: work for the judicial specialist.
 */
const PARTNERS = [
  {
    firmName: 'SCP Rhône Exécution, commissaires de justice',
    kind: 'commissaire_de_justice' as const,
    contactName: 'Me Paul Girard',
    email: 'etude@rhone-execution.example',
    phone: '+33478000101',
    address: '12 quai Saint-Antoine, 69002 Lyon',
    channel: 'email' as const,
    area: 'Cour d’appel de Lyon',
  },
  {
    firmName: 'Étude Bellecour Justice',
    kind: 'commissaire_de_justice' as const,
    contactName: 'Me Anne Roux',
    email: 'contact@bellecour-justice.example',
    phone: '+33478000202',
    address: '4 place Bellecour, 69002 Lyon',
    channel: 'portal' as const,
    area: 'Cour d’appel de Lyon',
  },
  {
    firmName: 'Cabinet Marchand Avocats',
    kind: 'lawyer' as const,
    contactName: 'Me Louis Marchand',
    email: null,
    phone: '+33145000303',
    address: '18 rue de Rivoli, 75004 Paris',
    channel: 'post' as const,
    area: 'Cour d’appel de Paris',
  },
];

export async function loadDemoHandoffs(deps: Deps): Promise<number> {
  const specialist = await actorOf(deps, 'judicial@demo.accord.test');
  if (!specialist) return 0;
  const partners = [];
  for (const partner of PARTNERS) partners.push(await createPartner(deps, specialist, { ...partner, active: true }));
  const cases = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select(['cases.id'])
    .where('cases.stage', '=', 'judicial')
    .where('cases.status', '<>', 'closed')
    .orderBy((eb) => eb.case().when('creditors.code', '=', 'BHORIZON').then(0).else(1).end())
    .orderBy('cases.reference')
    .limit(3)
    .execute();
  const today = agencyToday(deps.now(), deps.config);
  for (const [index, target] of cases.entries()) {
    const handoff = await buildCaseHandoff(deps, specialist, target.id);
    if (index === 2) continue;
    await sendHandoff(deps, specialist, handoff.id, { partnerId: partners[index]!.id, sentOn: today });
    if (index === 0) await acknowledgeHandoff(deps, specialist, handoff.id, { acknowledgedOn: today });
  }
  return cases.length;
}
