import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { pdfDate, pdfMoney, renderPdf } from '../platform/pdf.js';
import { buildPain001 } from '../bank-files/core/pain001.js';
import { mayProduceTransfer } from './core/release.js';
import type { RemittanceView } from './contract.js';
import { agencyToday } from '../platform/calendar/index.js';

const euros = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const text = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${text.slice(0, -2)}.${text.slice(-2)}`;
};

const csvField = (value: string) => (/[";\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The statement as CSV (semicolon-separated, decimal point, one line per amount collected, then the totals). */
export function remittanceCsv(remittance: RemittanceView): string {
  const header = ['remittance', 'case', 'receipt', 'date', 'collected_eur', 'commission_eur', 'net_eur'];
  const rows = remittance.lines.map((line) => [
    remittance.number,
    line.caseReference,
    line.receiptNumber ?? '',
    line.occurredOn,
    euros(line.collectedCents),
    euros(line.commissionCents),
    euros(line.netCents),
  ]);
  rows.push([
    remittance.number,
    'TOTAL',
    '',
    remittance.periodTo,
    euros(remittance.collectedCents),
    euros(remittance.commissionCents),
    euros(remittance.netCents),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(';')).join('\n') + '\n';
}

/** The statement as a PDF for the creditor, in French (the agency's language with its creditors). */
export function remittancePdf(remittance: RemittanceView): Promise<Buffer> {
  return renderPdf(
    { title: `Relevé de reversement ${remittance.number}`, createdAt: new Date(remittance.preparedAt) },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(`Relevé de reversement ${remittance.number}`);
      doc.moveDown(0.5).font('Helvetica').fontSize(11);
      for (const [label, value] of [
        ['Créancier', `${remittance.creditorName} (${remittance.creditorCode})`],
        ['Encaissements jusqu’au', pdfDate('fr', remittance.periodTo)],
        ['Montant encaissé', pdfMoney('fr', remittance.collectedCents)],
        ['Commission', pdfMoney('fr', remittance.commissionCents)],
        ['Net reversé', pdfMoney('fr', remittance.netCents)],
      ] as [string, string][]) {
        doc.font('Helvetica-Bold').text(`${label} : `, { continued: true }).font('Helvetica').text(value);
      }
      doc.moveDown();
      const columns = [56, 160, 250, 320, 400, 470];
      const row = (cells: string[], bold = false) => {
        if (doc.y > 760) doc.addPage();
        const y = doc.y;
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
        cells.forEach((cell, k) => doc.text(cell, columns[k]!, y, { width: k === 0 ? 100 : 80, lineBreak: false }));
        doc.x = 56;
        doc.y = y + 14;
      };
      row(['Dossier', 'Quittance', 'Date', 'Encaissé', 'Commission', 'Net'], true);
      for (const line of remittance.lines) {
        row([
          line.caseReference,
          line.receiptNumber ?? '',
          pdfDate('fr', line.occurredOn),
          pdfMoney('fr', line.collectedCents),
          pdfMoney('fr', line.commissionCents),
          pdfMoney('fr', line.netCents),
        ]);
      }
      row(
        [
          'Total',
          '',
          '',
          pdfMoney('fr', remittance.collectedCents),
          pdfMoney('fr', remittance.commissionCents),
          pdfMoney('fr', remittance.netCents),
        ],
        true,
      );
      doc
        .moveDown()
        .fontSize(9)
        .text(
          'Reversement des fonds encaissés pour votre compte (CPCE R124-6). Commission au taux du mandat.',
          56,
          doc.y,
          { width: 480 },
        );
    },
  );
}

/** The credit transfer (pain.001) that pays the net over to the creditor's account. */
export async function remittancePain001(
  deps: Deps,
  actor: Actor,
  remittance: RemittanceView,
  requestId: string | null,
): Promise<string> {
  const { SEPA_CREDITOR_NAME, SEPA_CREDITOR_IBAN, SEPA_CREDITOR_BIC } = deps.config;
  if (!mayProduceTransfer(remittance)) {
    throw new AppError(
      'remittances.not_released',
      409,
      'This remittance is not released: another person must release it before its transfer file can be produced.',
    );
  }
  if (!SEPA_CREDITOR_NAME || !SEPA_CREDITOR_IBAN) {
    throw new AppError(
      'remittances.no_agency_account',
      409,
      "The agency's bank account is not configured (SEPA_CREDITOR_NAME, SEPA_CREDITOR_IBAN): no transfer file can be produced.",
    );
  }
  const creditor = await deps.db
    .selectFrom('creditors')
    .select(['remittance_iban', 'remittance_bic', 'legal_name'])
    .where('id', '=', remittance.creditorId)
    .executeTakeFirstOrThrow();
  if (!creditor.remittance_iban) {
    throw new AppError(
      'remittances.no_creditor_account',
      409,
      `Creditor ${remittance.creditorCode} has no remittance IBAN: record it before producing the transfer.`,
    );
  }
  if (remittance.netCents <= 0)
    throw new AppError(
      'remittances.nothing_to_transfer',
      409,
      'This remittance pays nothing over: there is no transfer to make.',
    );
  const now = deps.now();
  const ibanLast4 = creditor.remittance_iban.slice(-4);
  const xml = buildPain001({
    messageId: remittance.number,
    createdAt: now.toISOString(),
    executionDate: agencyToday(now, deps.config),
    approval: { preparedBy: remittance.preparedById, releasedBy: remittance.releasedById },
    debtor: { name: SEPA_CREDITOR_NAME, iban: SEPA_CREDITOR_IBAN, bic: SEPA_CREDITOR_BIC ?? null },
    transfers: [
      {
        endToEndId: remittance.number,
        amountCents: remittance.netCents,
        creditorName: creditor.legal_name,
        creditorIban: creditor.remittance_iban,
        creditorBic: creditor.remittance_bic,
        remittance: `Reversement ${remittance.number} encaissements au ${remittance.periodTo}`,
      },
    ],
  });
  // Every production of a file that moves money is in the audit trail, with who took it.
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: auditActor(actor),
      action: 'remittance.transfer_produced',
      targetType: 'remittance',
      targetId: remittance.id,
      creditorId: remittance.creditorId,
      after: { number: remittance.number, net: remittance.netCents, iban: ibanLast4 },
      requestId,
      at: now,
    }),
  );
  return xml;
}
