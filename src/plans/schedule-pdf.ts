import { pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import type { Deps } from '../platform/deps.js';
import type { Locale } from '../platform/db/schema.js';
import { conflict } from '../platform/errors.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import { loadPlan } from './plan-view.js';

const TEXTS: Record<
  Locale,
  {
    title: string;
    case: string;
    creditor: string;
    debtor: string;
    version: string;
    agreed: string;
    discount: string;
    number: string;
    due: string;
    amount: string;
    status: string;
    statuses: Record<string, string>;
    total: string;
    footer: string;
  }
> = {
  fr: {
    title: 'Échéancier de paiement',
    case: 'Dossier',
    creditor: 'Créancier',
    debtor: 'Débiteur',
    version: 'Version du plan',
    agreed: 'Montant convenu',
    discount: 'Remise accordée',
    number: 'N°',
    due: 'Échéance',
    amount: 'Montant',
    status: 'État',
    statuses: { due: 'à payer', paid: 'payée', late: 'en retard' },
    total: 'Total',
    footer:
      'En cas de difficulté, contactez-nous avant l’échéance : le plan peut être revu. Une aide gratuite existe (points conseil budget, procédure de surendettement de la Banque de France).',
  },
  en: {
    title: 'Payment schedule',
    case: 'Case',
    creditor: 'Creditor',
    debtor: 'Debtor',
    version: 'Plan version',
    agreed: 'Agreed amount',
    discount: 'Discount granted',
    number: 'No.',
    due: 'Due on',
    amount: 'Amount',
    status: 'Status',
    statuses: { due: 'to pay', paid: 'paid', late: 'late' },
    total: 'Total',
    footer:
      'If you have difficulties, contact us before the due date: the plan can be reviewed. Free help exists (budget advice points, the Banque de France over-indebtedness procedure).',
  },
  it: {
    title: 'Piano dei pagamenti',
    case: 'Pratica',
    creditor: 'Creditore',
    debtor: 'Debitore',
    version: 'Versione del piano',
    agreed: 'Importo concordato',
    discount: 'Sconto concesso',
    number: 'N.',
    due: 'Scadenza',
    amount: 'Importo',
    status: 'Stato',
    statuses: { due: 'da pagare', paid: 'pagata', late: 'in ritardo' },
    total: 'Totale',
    footer:
      'In caso di difficoltà, contattateci prima della scadenza: il piano può essere rivisto. Esiste un aiuto gratuito (consulenza sul bilancio, procedura di sovraindebitamento della Banque de France).',
  },
};

const money = pdfMoney;
const date = pdfDate;

/** The schedule of an agreed plan's current version as a PDF, in the debtor's language, dated by the version. */
export async function schedulePdf(deps: Deps, planId: string): Promise<{ fileName: string; pdf: Buffer }> {
  const plan = await loadPlan(deps.db, planId);
  if (plan.status === 'proposed' || plan.status === 'pending_approval' || plan.status === 'refused') {
    throw conflict('plans.not_agreed', 'This plan is not agreed yet: its schedule document exists once it is agreed.');
  }
  const facts = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .select([
      'cases.reference',
      'creditors.name as creditor_name',
      'debtors.kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
      'debtors.language',
    ])
    .where('cases.id', '=', plan.caseId)
    .executeTakeFirstOrThrow();
  const locale = facts.language;
  const t = TEXTS[locale];
  const current = plan.versions.find((v) => v.version === plan.currentVersion)!;

  const pdf = await renderPdf(
    { title: `${t.title} ${facts.reference}`, createdAt: new Date(current.createdAt) },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(t.title);
      doc.moveDown(0.5).font('Helvetica').fontSize(11);
      for (const [label, value] of [
        [t.case, facts.reference],
        [t.creditor, facts.creditor_name],
        [t.debtor, debtorName(facts)],
        [t.version, `${current.version} (${date(locale, current.createdAt.slice(0, 10))})`],
        [t.agreed, money(locale, current.agreedCents)],
        ...(current.discountCents > 0 ? [[t.discount, money(locale, current.discountCents)]] : []),
      ] as [string, string][]) {
        doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
      }
      doc.moveDown();
      const columns = [56, 110, 260, 400];
      const row = (cells: string[], bold = false) => {
        const y = doc.y;
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
        cells.forEach((cell, k) => doc.text(cell, columns[k]!, y, { width: 140, lineBreak: false }));
        doc.x = 56;
        doc.y = y + 16;
        if (doc.y > 760) doc.addPage();
      };
      row([t.number, t.due, t.amount, t.status], true);
      for (const i of current.instalments)
        row([String(i.number), date(locale, i.dueOn), money(locale, i.amountCents), t.statuses[i.status] ?? i.status]);
      row(
        [
          t.total,
          '',
          money(
            locale,
            current.instalments.reduce((a, i) => a + i.amountCents, 0),
          ),
          '',
        ],
        true,
      );
      doc.moveDown().font('Helvetica').fontSize(9).text(t.footer, 56, doc.y, { width: 480 });
    },
  );
  return { fileName: `echeancier-${facts.reference}-v${current.version}.pdf`, pdf };
}
