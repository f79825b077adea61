import { Readable } from 'node:stream';
import { uploadDocument } from '../documents/upload-document.js';
import type { DocumentUploadQuery } from '../documents/contract.js';
import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { demoActors } from './actors.js';
import { pdfMoney, renderPdf } from '../platform/pdf.js';

/** A demo user as the upload service's actor. */
export async function actorOf(deps: Deps, email: string): Promise<Actor | null> {
  return (await demoActors(deps, [email])).get(email) ?? null;
}

interface DemoCase {
  id: string;
  reference: string;
  balance_cents: number;
}

/** The first open case (by reference) that the query narrows to, if any. */
function openCases(deps: Deps) {
  return deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .select(['cases.id', 'cases.reference', 'cases.balance_cents'])
    .where('cases.status', '=', 'open')
    .orderBy('cases.reference');
}

const pdf = (title: string, lines: string[], createdAt: Date) =>
  renderPdf({ title, createdAt }, (doc) => {
    doc.fontSize(16).text(title).moveDown();
    doc.fontSize(11);
    for (const line of lines) doc.text(line).moveDown(0.5);
  });

async function upload(
  deps: Deps,
  actor: Actor | null | undefined,
  target: DemoCase | undefined,
  query: DemoUpload,
  body: Buffer,
) {
  if (!actor || !target) return 0;
  await uploadDocument(
    deps,
    actor,
    target.id,
    { sharedWithCreditor: false, specialCategory: false, ...query },
    Readable.from([body]),
    'demo',
  );
  return 1;
}
type DemoUpload = Omit<DocumentUploadQuery, 'sharedWithCreditor' | 'specialCategory'> &
  Partial<Pick<DocumentUploadQuery, 'sharedWithCreditor' | 'specialCategory'>>;

/**
 * A few real documents through the upload service (stored under DATA_DIR, sniffed, hashed, audited), so each role
 * meets documents where it should: a creditor's contract copy shared with each French creditor, a debtor's proof of
 * payment and proof of income, and a medical certificate (special category) on a case the care team follows. Small
 * files, a handful of them: the demo loads as fast as before.
 */
export async function loadDemoDocuments(deps: Deps): Promise<number> {
  const now = deps.now();
  const [agent, care, horizonUser, energieUser] = await Promise.all(
    [
      'agent@demo.accord.test',
      'care@demo.accord.test',
      'creditor@demo.accord.test',
      'creditor.energie@demo.accord.test',
    ].map((email) => actorOf(deps, email)),
  );
  const horizonCase = await openCases(deps).where('creditors.code', '=', 'BHORIZON').executeTakeFirst();
  const energieCase = await openCases(deps).where('creditors.code', '=', 'ENERHONE').executeTakeFirst();
  const paidCase = await openCases(deps)
    .where((eb) =>
      eb.exists(eb.selectFrom('payments').select('payments.id').whereRef('payments.case_id', '=', 'cases.id')),
    )
    .executeTakeFirst();
  const planCase = await openCases(deps).where('cases.stage', '=', 'plan').executeTakeFirst();
  // The care team follows the debtors under a vulnerability hold; without one, an amicable case stands in.
  const careCase =
    (await openCases(deps)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('holds')
            .select('holds.id')
            .whereRef('holds.case_id', '=', 'cases.id')
            .where('holds.kind', '=', 'vulnerability'),
        ),
      )
      .executeTakeFirst()) ??
    (await openCases(deps).where('cases.stage', '=', 'amicable').offset(1).executeTakeFirst());

  let count = 0;
  for (const [user, target, creditor] of [
    [horizonUser, horizonCase, 'Banque Horizon'],
    [energieUser, energieCase, 'Énergie Rhône'],
  ] as const) {
    if (!target) continue;
    const body = await pdf(
      `Copie du contrat – ${creditor}`,
      [
        `Dossier ${target.reference}`,
        `Contrat signé par le débiteur, copie certifiée conforme par ${creditor}.`,
        `Montant restant dû à la remise : ${pdfMoney('fr', target.balance_cents)}.`,
      ],
      now,
    );
    count += await upload(
      deps,
      user,
      target,
      {
        type: 'creditor_evidence',
        source: 'creditor',
        fileName: `Contrat ${target.reference}.pdf`,
        description: 'Copie du contrat signé',
      },
      body,
    );
  }
  count += await upload(
    deps,
    agent,
    paidCase,
    {
      type: 'correspondence',
      source: 'debtor',
      fileName: 'Preuve de virement.txt',
      description: 'Avis de virement envoyé par le débiteur',
    },
    Buffer.from(
      `Avis de virement\nBénéficiaire : Accord Recouvrement\nRéférence : ${paidCase?.reference ?? ''}\nStatut : exécuté\n`,
      'utf8',
    ),
  );
  count += await upload(
    deps,
    agent,
    planCase,
    { type: 'proof_of_income', source: 'debtor', fileName: 'Bulletin de salaire.pdf', description: 'Dernier bulletin' },
    await pdf('Bulletin de salaire', ['Salaire net à payer : 1 684,20 €', 'Période : mois précédent'], now),
  );
  count += await upload(
    deps,
    care,
    careCase,
    {
      type: 'medical_proof',
      source: 'debtor',
      fileName: 'Certificat médical.pdf',
      description: 'Arrêt de travail prolongé',
      specialCategory: true,
    },
    await pdf('Certificat médical', ['Arrêt de travail prolongé de trois mois.'], now),
  );
  return count;
}
