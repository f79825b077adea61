import { pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import { handoffDebtorName, type HandoffDocument } from './core/handoff.js';
import { sumOf } from './core/handoff-statement.js';
import { contractInWords } from './core/requete.js';

/**
 * The handoff file as a PDF for people: the bundle (identity, addresses, mandate, statement of account, first letter,
 * contact log, holds, time bars, bordereau of documents, what is left out) and, from a new page, the requête en
 * injonction de payer filled from the case. In French: it goes to a French commissaire de justice, lawyer and court.
 */

const money = (cents: number) => pdfMoney('fr', cents);
const date = (iso: string | null) => (iso ? pdfDate('fr', iso) : '—');

const COMPONENTS_FR = { principal: 'principal', interest: 'intérêts', fees: 'frais' } as const;
const KINDS_FR: Record<string, string> = {
  letter: 'Lettre',
  call_attempt: 'Appel (tentative)',
  conversation: 'Conversation',
  sms: 'SMS',
  email: 'E-mail',
};
const HOLDS_FR: Record<string, string> = {
  overindebtedness_filed: 'Dossier de surendettement déposé',
  overindebtedness_admissible: 'Dossier de surendettement recevable',
  commission_plan: 'Plan de la commission de surendettement',
  deceased: 'Décès signalé',
  dispute: 'Contestation de la créance',
  time_barred: 'Créance prescrite',
  collection_suspended: 'Recouvrement suspendu',
};
const LINE_FR = { correction: 'Correction', payment: 'Paiement', payment_reversed: 'Paiement annulé' } as const;

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string) {
  if (doc.y > 700) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text, 56).moveDown(0.3).font('Helvetica').fontSize(10);
}

function fact(doc: Doc, label: string, value: string) {
  doc.font('Helvetica-Bold').text(`${label} : `, 56, doc.y, { continued: true }).font('Helvetica').text(value);
}

function row(doc: Doc, cells: readonly string[], widths: readonly number[], bold = false) {
  if (doc.y > 770) doc.addPage();
  const y = doc.y;
  let x = 56;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  let bottom = y;
  cells.forEach((cell, k) => {
    doc.text(cell, x, y, { width: widths[k]! - 6 });
    bottom = Math.max(bottom, doc.y);
    x += widths[k]!;
  });
  doc.x = 56;
  doc.y = bottom + 3;
  doc.fontSize(10);
}

function identity(doc: Doc, h: HandoffDocument) {
  heading(doc, '1. Débiteur');
  fact(doc, 'Nom', handoffDebtorName(h.debtor));
  if (h.debtor.kind === 'person') {
    fact(doc, 'Né·e le', date(h.debtor.birthDate));
    fact(doc, 'À', h.debtor.birthPlace ?? '—');
  } else fact(doc, 'Immatriculation', h.debtor.registrationNumber ?? '—');
  fact(doc, 'Référence du créancier', h.debtor.creditorReference ?? '—');
  fact(doc, 'Employeur', 'non connu');
  fact(doc, 'Banque', 'non connue');
  heading(doc, '2. Adresses (provenance : fichiers du créancier)');
  if (h.addresses.length === 0) doc.text('Aucune adresse transmise par le créancier.');
  for (const a of h.addresses)
    doc.text(
      `${[a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ')} — transmise le ${date(
        a.provenance.suppliedOn,
      )}${a.undeliverable ? ' — courrier revenu (NPAI)' : ''}`,
    );
  heading(doc, '3. Créancier et mandat');
  fact(doc, 'Créancier', `${h.creditor.legalName} (${h.creditor.name})`);
  fact(doc, 'Adresse', h.creditor.address);
  fact(doc, 'Mandat', `${h.mandate.code} (${h.mandate.kind === 'purchased' ? 'portefeuille acquis' : 'recouvrement'})`);
  fact(doc, 'En vigueur', `du ${date(h.mandate.startsOn)}${h.mandate.endsOn ? ` au ${date(h.mandate.endsOn)}` : ''}`);
  if (h.mandate.assignment)
    fact(doc, 'Cession de créance', 'acte de cession non enregistré dans Accord : à fournir par le créancier');
}

function statement(doc: Doc, h: HandoffDocument) {
  const s = h.statement;
  heading(doc, `4. Relevé de compte au ${date(s.asOf)}`);
  doc.fontSize(9).text('Intérêts et frais tels que placés par le créancier ; Accord ne calcule aucun intérêt.');
  const widths = [110, 85, 85, 85, 85, 60];
  row(doc, ['Créance', 'Principal', 'Intérêts', 'Frais', 'Payé', 'Reste dû'], widths, true);
  for (const c of s.claims)
    row(
      doc,
      [
        `${c.reference} (${contractInWords(c.contractType)}, impayé du ${date(c.defaultOn)})`,
        money(c.placed.principal + c.corrected.principal),
        money(c.placed.interest + c.corrected.interest),
        money(c.placed.fees + c.corrected.fees),
        money(sumOf(c.paid)),
        c.status === 'open' ? money(sumOf(c.owed)) : c.status,
      ],
      widths,
    );
  row(
    doc,
    [
      'Total dû',
      money(s.totals.owed.principal),
      money(s.totals.owed.interest),
      money(s.totals.owed.fees),
      '',
      money(s.totals.owedCents),
    ],
    widths,
    true,
  );
  doc.moveDown(0.5);
  const lineWidths = [70, 90, 80, 270];
  row(doc, ['Date', 'Opération', 'Montant', 'Imputation'], lineWidths, true);
  if (s.lines.length === 0) doc.text('Aucun paiement ni correction.');
  for (const l of s.lines)
    row(
      doc,
      [
        date(l.on),
        `${LINE_FR[l.kind]}${l.receiptNumber ? ` ${l.receiptNumber}` : ''}`,
        money(l.amountCents),
        l.allocations
          .map((a) => `${a.claimReference} ${COMPONENTS_FR[a.component]} ${money(a.amountCents)}`)
          .join(' ; ') || 'non imputé (crédit du débiteur)',
      ],
      lineWidths,
    );
}

function steps(doc: Doc, h: HandoffDocument) {
  heading(doc, '5. Lettre de première relance (CPCE R124-4)');
  if (!h.firstLetter) doc.text('Aucune lettre enregistrée sur le dossier.');
  else if (h.firstLetter.basis === 'recorded_on_case')
    doc.text(`Référence ${h.firstLetter.reference ?? ''}, envoyée le ${date(h.firstLetter.sentOn)}.`);
  else
    doc.text(
      `Aucune référence enregistrée : première lettre envoyée au débiteur selon l'historique du dossier, le ${date(h.firstLetter.sentOn)}.`,
    );
  heading(doc, '6. Journal des contacts');
  if (h.contactLog.length === 0) doc.text('Aucun contact enregistré.');
  const widths = [90, 120, 100, 200];
  if (h.contactLog.length) row(doc, ['Date', 'Nature', 'Sens', 'Résultat'], widths, true);
  for (const c of h.contactLog)
    row(
      doc,
      [
        date(c.at),
        KINDS_FR[c.kind] ?? c.kind,
        c.direction === 'inbound' ? 'reçu' : c.direction === 'outbound' ? 'émis' : '—',
        c.outcome ?? '—',
      ],
      widths,
    );
  heading(doc, '7. Suspensions');
  if (h.holds.length === 0) doc.text('Aucune.');
  for (const hold of h.holds)
    doc.text(
      `${HOLDS_FR[hold.kind] ?? hold.kind} — du ${date(hold.startsOn)}${hold.endsOn ? ` au ${date(hold.endsOn)}` : ''} (${hold.status})`,
    );
  heading(doc, '8. Prescription');
  if (h.timeBars.length === 0) doc.text('Aucune créance ouverte.');
  for (const t of h.timeBars)
    doc.text(
      `${t.claimReference} : ${t.years} ans (${t.source}), depuis le ${date(t.startOn)}, dernier jour le ${date(t.lastDay)} (${t.status}).`,
    );
}

function bordereau(doc: Doc, h: HandoffDocument) {
  heading(doc, '9. Bordereau de pièces');
  for (const p of h.requete.bordereau) doc.text(`Pièce n° ${p.number} : ${p.title}`);
  heading(doc, '10. Ce que le dossier ne contient pas, et pourquoi');
  doc.fontSize(9);
  for (const w of h.withheld) doc.text(`• ${w.what} : ${w.why}`);
  doc.fontSize(10);
}

function requete(doc: Doc, h: HandoffDocument) {
  const r = h.requete;
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).text('Requête en injonction de payer', 56);
  doc.font('Helvetica').fontSize(10).text(`(${r.legalBasis})`).moveDown();
  fact(doc, 'À', r.court.designation);
  heading(doc, 'Requérant');
  doc.text(`${r.applicant.legalName}${r.applicant.registrationNumber ? `, ${r.applicant.registrationNumber}` : ''}`);
  doc.text(r.applicant.address);
  heading(doc, 'Débiteur');
  doc.text(r.respondent.name);
  if (r.respondent.birthDate)
    doc.text(
      `Né·e le ${date(r.respondent.birthDate)}${r.respondent.birthPlace ? ` à ${r.respondent.birthPlace}` : ''}`,
    );
  doc.text(`Demeurant : ${r.respondent.address ?? 'adresse inconnue'}`);
  heading(doc, 'Montant de la créance');
  fact(doc, 'Principal', money(r.amounts.principalCents));
  fact(doc, 'Intérêts', money(r.amounts.interestCents));
  fact(doc, 'Frais et accessoires', money(r.amounts.feesCents));
  fact(doc, 'Total réclamé', money(r.amounts.totalCents));
  heading(doc, 'Fondement');
  for (const b of r.basis)
    doc.text(
      `Créance ${b.claimReference} : ${contractInWords(b.contractType)}${b.originalCreditor ? ` conclu avec ${b.originalCreditor}` : ''}, impayée depuis le ${date(b.defaultOn)}.`,
    );
  heading(doc, 'Bordereau des pièces jointes');
  for (const p of r.bordereau) doc.text(`Pièce n° ${p.number} : ${p.title}`);
  heading(doc, 'Observations');
  for (const n of r.notes) doc.text(`• ${n}`);
  doc.moveDown().text(`Préparée le ${date(r.preparedOn)} ; à vérifier, signer et déposer par le mandataire.`);
}

/** The handoff file's PDF: the bundle, then the requête from a new page. */
export async function handoffPdf(h: HandoffDocument): Promise<Buffer> {
  return renderPdf(
    { title: `Dossier de transmission ${h.case.reference} v${h.version}`, createdAt: new Date(h.builtAt) },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text('Dossier de transmission judiciaire');
      doc.font('Helvetica').fontSize(10);
      fact(doc, 'Dossier', h.case.reference);
      fact(doc, 'Version', `${h.version}, établie le ${date(h.statement.asOf)}`);
      fact(doc, 'Ouvert le', date(h.case.openedOn));
      identity(doc, h);
      statement(doc, h);
      steps(doc, h);
      bordereau(doc, h);
      requete(doc, h);
    },
  );
}
