import { XMLBuilder } from 'fast-xml-parser';
import { formatAmount } from './amounts.js';
import { sepaText } from './pain008.js';

/**
 * SEPA credit transfer initiation, pain.001.001.03: the agency pays a remittance over to the creditor. Pure: one
 * transfer per remittance, its number as the end-to-end id and in the remittance information, amounts from cents.
 */

export interface CreditTransfer {
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  creditorIban: string;
  creditorBic: string | null;
  remittance: string;
}

export interface Pain001Input {
  /**
   * Who prepared and who released the payment (four-eyes on money out): two different people. Null ids belong to
   * remittances made before the rule, released when made.
   */
  approval: { preparedBy: string | null; releasedBy: string | null };
  messageId: string;
  createdAt: string;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string | null };
  transfers: CreditTransfer[];
}

export function buildPain001(input: Pain001Input): string {
  const { preparedBy, releasedBy } = input.approval;
  if (preparedBy !== null && preparedBy === releasedBy) throw new Error('a transfer released by its own preparer');
  const total = input.transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0);
  const agent = (bic: string | null) =>
    bic ? { FinInstnId: { BIC: bic } } : { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } };
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03',
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: sepaText(input.messageId, 35),
          CreDtTm: input.createdAt.slice(0, 19),
          NbOfTxs: String(input.transfers.length),
          CtrlSum: formatAmount(total),
          InitgPty: { Nm: sepaText(input.debtor.name, 70) },
        },
        PmtInf: {
          PmtInfId: sepaText(`${input.messageId}-1`, 35),
          PmtMtd: 'TRF',
          NbOfTxs: String(input.transfers.length),
          CtrlSum: formatAmount(total),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
          ReqdExctnDt: input.executionDate,
          Dbtr: { Nm: sepaText(input.debtor.name, 70) },
          DbtrAcct: { Id: { IBAN: input.debtor.iban } },
          DbtrAgt: agent(input.debtor.bic),
          ChrgBr: 'SLEV',
          CdtTrfTxInf: input.transfers.map((transfer) => ({
            PmtId: { EndToEndId: sepaText(transfer.endToEndId, 35) },
            Amt: { InstdAmt: { '@_Ccy': 'EUR', '#text': formatAmount(transfer.amountCents) } },
            CdtrAgt: agent(transfer.creditorBic),
            Cdtr: { Nm: sepaText(transfer.creditorName, 70) },
            CdtrAcct: { Id: { IBAN: transfer.creditorIban } },
            RmtInf: { Ustrd: sepaText(transfer.remittance, 140) },
          })),
        },
      },
    },
  };
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  }).build(document) as string;
}
