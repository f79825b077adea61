import type { Actor } from '../identity/actor.js';
import { creditorFilter } from '../cases/scope.js';
import type { Deps } from '../platform/deps.js';
import { pagesOf, type ExportTable } from '../platform/export/send.js';
import type { ExportColumn } from '../platform/export/table.js';
import type { Message } from '../platform/message.js';
import type { PaymentView } from '../payments/contract.js';
import type { CreditorPaymentsExportQuery } from './contract.js';
import { creditorPayments } from './creditor-payments.js';

const CHANNEL: Record<PaymentView['channel'], Message> = {
  bank_transfer: { fr: 'Virement', en: 'Bank transfer', it: 'Bonifico' },
  card: { fr: 'Carte bancaire', en: 'Card', it: 'Carta' },
  cheque: { fr: 'Chèque', en: 'Cheque', it: 'Assegno' },
  cash_partner: { fr: 'Espèces chez un partenaire', en: 'Cash at a partner', it: 'Contanti presso un partner' },
  direct_debit: { fr: 'Prélèvement', en: 'Direct debit', it: 'Addebito diretto' },
  creditor_reported: { fr: 'Reçu par le créancier', en: 'Received by the creditor', it: 'Ricevuto dal creditore' },
};
const STATUS: Record<PaymentView['status'], Message> = {
  recorded: { fr: 'Enregistré', en: 'Recorded', it: 'Registrato' },
  reversed: { fr: 'Annulé', en: 'Reversed', it: 'Stornato' },
};

function paymentColumns(locale: Actor['locale']): ExportColumn<PaymentView>[] {
  return [
    { header: { fr: 'Reçu le', en: 'Received on', it: 'Ricevuto il' }, kind: 'date', value: (p) => p.receivedOn },
    { header: { fr: 'Dossier', en: 'Case', it: 'Pratica' }, kind: 'text', value: (p) => p.caseReference },
    { header: { fr: 'Quittance', en: 'Receipt', it: 'Quietanza' }, kind: 'text', value: (p) => p.receiptNumber },
    { header: { fr: 'Moyen', en: 'Channel', it: 'Canale' }, kind: 'text', value: (p) => CHANNEL[p.channel][locale] },
    { header: { fr: 'Montant', en: 'Amount', it: 'Importo' }, kind: 'cents', value: (p) => p.amountCents },
    { header: { fr: 'Devise', en: 'Currency', it: 'Valuta' }, kind: 'text', value: (p) => p.currency, width: 8 },
    {
      header: { fr: 'Commission', en: 'Commission', it: 'Commissione' },
      kind: 'cents',
      value: (p) => p.commissionCents,
    },
    {
      header: { fr: 'Non affecté', en: 'Unallocated', it: 'Non imputato' },
      kind: 'cents',
      value: (p) => p.unallocatedCents,
    },
    { header: { fr: 'Payeur', en: 'Payer', it: 'Pagatore' }, kind: 'text', value: (p) => p.payerName },
    { header: { fr: 'Référence', en: 'Reference', it: 'Riferimento' }, kind: 'text', value: (p) => p.reference },
    { header: { fr: 'État', en: 'Status', it: 'Stato' }, kind: 'text', value: (p) => STATUS[p.status][locale] },
    {
      header: { fr: 'Enregistré le', en: 'Recorded at', it: 'Registrato il' },
      kind: 'instant',
      value: (p) => p.recordedAt,
    },
  ];
}

/** The payments of a period as the page lists them; a creditor user's are its own whatever creditor it asks for. */
export function creditorPaymentsExport(
  deps: Deps,
  actor: Actor,
  query: CreditorPaymentsExportQuery,
): ExportTable<PaymentView> {
  const filter = { creditorId: creditorFilter(actor, query.creditorId), from: query.from, to: query.to };
  return {
    fileStem: 'payments',
    title: { fr: 'Paiements', en: 'Payments', it: 'Pagamenti' },
    columns: paymentColumns(actor.locale),
    readPage: pagesOf(async () => (await creditorPayments(deps.db, filter)).items),
  };
}
