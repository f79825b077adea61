import type { Deps } from '../platform/deps.js';
import type { Locale } from '../platform/db/schema.js';
import { pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import { debtorName } from '../debtors/core/debtor-name.js';
import type { PaymentView } from './contract.js';

const TEXTS: Record<
  Locale,
  Record<
    | 'title'
    | 'number'
    | 'debtor'
    | 'case'
    | 'creditor'
    | 'received'
    | 'amount'
    | 'channel'
    | 'allocation'
    | 'claim'
    | 'part'
    | 'credit'
    | 'remaining'
    | 'reversed'
    | 'legal',
    string
  > & { parts: Record<string, string>; channels: Record<string, string> }
> = {
  fr: {
    title: 'Quittance',
    number: 'Numéro',
    debtor: 'Reçu de',
    case: 'Dossier',
    creditor: 'Pour le compte de',
    received: 'Reçu le',
    amount: 'Montant reçu',
    channel: 'Moyen de paiement',
    allocation: 'Affectation du paiement',
    claim: 'Créance',
    part: 'Poste',
    credit: 'Non affecté (à votre crédit, remboursable)',
    remaining: 'Reste dû sur le dossier',
    reversed: 'PAIEMENT ANNULÉ',
    legal:
      'Quittance délivrée en application de l’article R124-6 du code des procédures civiles d’exécution. Aucuns frais de recouvrement ne sont à votre charge (article L111-8).',
    parts: { principal: 'capital', interest: 'intérêts', fees: 'frais' },
    channels: {
      bank_transfer: 'virement',
      card: 'carte',
      cheque: 'chèque',
      cash_partner: 'espèces (partenaire)',
      direct_debit: 'prélèvement',
      creditor_reported: 'payé au créancier',
    },
  },
  en: {
    title: 'Receipt',
    number: 'Number',
    debtor: 'Received from',
    case: 'Case',
    creditor: 'On behalf of',
    received: 'Received on',
    amount: 'Amount received',
    channel: 'Paid by',
    allocation: 'Where the payment went',
    claim: 'Claim',
    part: 'Part',
    credit: 'Not allocated (your credit, refundable)',
    remaining: 'Still owed on the case',
    reversed: 'PAYMENT REVERSED',
    legal:
      'Receipt issued under article R124-6 of the French code of civil enforcement procedures. No collection fee is charged to you (article L111-8).',
    parts: { principal: 'principal', interest: 'interest', fees: 'fees' },
    channels: {
      bank_transfer: 'bank transfer',
      card: 'card',
      cheque: 'cheque',
      cash_partner: 'cash (partner)',
      direct_debit: 'direct debit',
      creditor_reported: 'paid to the creditor',
    },
  },
  it: {
    title: 'Quietanza',
    number: 'Numero',
    debtor: 'Ricevuto da',
    case: 'Pratica',
    creditor: 'Per conto di',
    received: 'Ricevuto il',
    amount: 'Importo ricevuto',
    channel: 'Mezzo di pagamento',
    allocation: 'Imputazione del pagamento',
    claim: 'Credito',
    part: 'Voce',
    credit: 'Non imputato (a vostro credito, rimborsabile)',
    remaining: 'Residuo dovuto sulla pratica',
    reversed: 'PAGAMENTO ANNULLATO',
    legal:
      'Quietanza rilasciata ai sensi dell’articolo R124-6 del codice francese delle procedure civili di esecuzione. Nessuna spesa di recupero è a vostro carico (articolo L111-8).',
    parts: { principal: 'capitale', interest: 'interessi', fees: 'spese' },
    channels: {
      bank_transfer: 'bonifico',
      card: 'carta',
      cheque: 'assegno',
      cash_partner: 'contanti (partner)',
      direct_debit: 'addebito diretto',
      creditor_reported: 'pagato al creditore',
    },
  },
};

/** The receipt of a payment (quittance, CPCE R124-6), in the debtor's language. */
export async function receiptPdf(deps: Deps, payment: PaymentView): Promise<Buffer> {
  const facts = await deps.db
    .selectFrom('cases')
    .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
    .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
    .select([
      'cases.balance_cents',
      'creditors.name as creditor_name',
      'debtors.kind',
      'debtors.first_name',
      'debtors.last_name',
      'debtors.company_name',
      'debtors.language',
    ])
    .where('cases.id', '=', payment.caseId)
    .executeTakeFirstOrThrow();
  const locale = facts.language;
  const t = TEXTS[locale];
  return renderPdf({ title: `${t.title} ${payment.receiptNumber}`, createdAt: new Date(payment.recordedAt) }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`${t.title} ${payment.receiptNumber}`);
    if (payment.status === 'reversed') doc.fillColor('#b00020').fontSize(14).text(t.reversed).fillColor('black');
    doc.moveDown(0.5).font('Helvetica').fontSize(11);
    for (const [label, value] of [
      [t.debtor, debtorName(facts)],
      [t.case, payment.caseReference],
      [t.creditor, facts.creditor_name],
      [t.received, pdfDate(locale, payment.receivedOn)],
      [t.amount, pdfMoney(locale, payment.amountCents)],
      [t.channel, t.channels[payment.channel] ?? payment.channel],
    ] as [string, string][]) {
      doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
    }
    doc.moveDown().font('Helvetica-Bold').text(t.allocation);
    const columns = [56, 260, 400];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      cells.forEach((cell, k) => doc.text(cell, columns[k]!, y, { width: 190, lineBreak: false }));
      doc.x = 56;
      doc.y = y + 16;
    };
    row([t.claim, t.part, ''], true);
    for (const allocation of payment.allocations)
      row([allocation.claimReference, t.parts[allocation.component]!, pdfMoney(locale, allocation.amountCents)]);
    if (payment.unallocatedCents > 0) row([t.credit, '', pdfMoney(locale, payment.unallocatedCents)]);
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .text(`${t.remaining} : `, 56, doc.y, { continued: true })
      .font('Helvetica')
      .text(pdfMoney(locale, facts.balance_cents));
    doc.moveDown().fontSize(9).text(t.legal, 56, doc.y, { width: 480 });
  });
}
