import type { Message } from '../../platform/message.js';
import type { ChannelGroup } from './conduct.js';
import { addMonths, rateBasisPoints, type IsoMonth } from './liquidation.js';

/**
 * A creditor's monthly report (docs/reporting.md "The monthly report"): the month's figures of the portfolio, outcome
 * and responsible-collection reports, as the report pages computed them for that creditor alone (small cells already
 * withheld), composed into sections of rows. The PDF and the XLSX are both drawn from this one value, so the two files
 * say the same thing.
 */

/** How many vintages the report lists: the reported month and the eleven before it. */
export const REPORT_VINTAGES = 12;
/** The months since placement the liquidation table shows, as the trade reads a curve. */
export const CURVE_MONTHS = [1, 3, 6, 12] as const;

/** One cell: a label in each language, a code (a vintage, a channel), a count (null: withheld), cents, a rate or days. */
export type ReportCell =
  | { kind: 'label'; text: Message }
  | { kind: 'text'; text: string }
  | { kind: 'count'; value: number | null }
  | { kind: 'cents'; value: number }
  | { kind: 'rate'; bp: number | null }
  | { kind: 'days'; value: number | null };

export interface ReportSection {
  key: 'summary' | 'vintages' | 'outcomes' | 'first_payment' | 'contacts' | 'complaints';
  title: Message;
  columns: Message[];
  rows: ReportCell[][];
  /** The last row adds up the others (the vintages' total). */
  totalRow: boolean;
}

export interface MonthlyReport {
  creditorId: string;
  creditorName: string;
  month: IsoMonth;
  /** When the report was composed, and when the figures it reads were last rewritten (null before the first run). */
  composedAt: string;
  refreshedAt: string | null;
  sections: ReportSection[];
}

/**
 * What the composer reads of the three reports, named here as a pure module names its facts: the reports' contracts
 * (../contract.ts) carry more, and fit these.
 */
type Figure = number | null;
interface SourceVintage {
  vintage: IsoMonth;
  cases: number;
  placedCents: number;
  collectedCents: number;
  recoveryBp: Figure;
  points: readonly { monthsSince: number; rateBp: Figure }[];
}
export interface PortfolioReport {
  refreshedAt: string | null;
  creditors: readonly { creditorId: string; vintages: readonly SourceVintage[] }[];
}
interface OutcomeMonth {
  month: IsoMonth;
  attempts: number;
  rightParty: number;
  rightPartyBp: Figure;
  promises: { made: number; kept: number; broken: number; keptBp: Figure };
  plans: { agreed: number; onTrack: number; broken: number; onTrackBp: Figure };
}
export interface PortfolioOutcomes {
  to: IsoMonth;
  months: readonly OutcomeMonth[];
  vintages: readonly {
    vintage: IsoMonth;
    cases: number;
    payingCases: number;
    meanDaysToFirstPayment: Figure;
    medianDaysToFirstPayment: Figure;
  }[];
}
export interface ConductReport {
  from: IsoMonth;
  to: IsoMonth;
  months: readonly { month: IsoMonth; collectedCents: number }[];
  contacts: readonly {
    channel: ChannelGroup;
    capPerWeek: Figure;
    caseWeeks: Figure;
    attempts: Figure;
    overCapCaseWeeks: Figure;
  }[];
  complaints: {
    total: Figure;
    byStatus: { answered_in_time: Figure; answered_late: Figure; open_in_time: Figure; open_overdue: Figure };
  };
  disputes: { opened: Figure; answered: Figure; medianDaysToAnswer: Figure };
  refusals: { attempts: Figure };
  care: { debtors: Figure; fragile: Figure; shareBasisPoints: Figure };
}

export interface MonthlyReportInput {
  creditor: { id: string; name: string };
  month: IsoMonth;
  now: Date;
  /**
   * The three reports, each read in the creditor's scope: the portfolio and the outcomes over the twelve vintages up to
   * the month, the conduct over the month alone.
   */
  portfolio: PortfolioReport;
  outcomes: PortfolioOutcomes;
  conduct: ConductReport;
}

const m = (fr: string, en: string, it: string): Message => ({ fr, en, it });
const label = (text: Message): ReportCell => ({ kind: 'label', text });
const count = (value: number | null): ReportCell => ({ kind: 'count', value });
const cents = (value: number): ReportCell => ({ kind: 'cents', value });
const rate = (bp: number | null): ReportCell => ({ kind: 'rate', bp });
const days = (value: number | null): ReportCell => ({ kind: 'days', value });

const FIGURE = m('Indicateur', 'Figure', 'Indicatore');
const VALUE = m('Valeur', 'Value', 'Valore');

export const CHANNEL_LABELS: Record<ChannelGroup, Message> = {
  all: m('Tous canaux', 'All channels', 'Tutti i canali'),
  phone: m('Téléphone', 'Phone', 'Telefono'),
  sms: m('SMS', 'SMS', 'SMS'),
  email: m('E-mail', 'E-mail', 'E-mail'),
  letter: m('Courrier', 'Letter', 'Lettera'),
};

/** The report of one creditor and month; refuses figures that are not that creditor's alone. */
export function composeMonthlyReport(input: MonthlyReportInput): MonthlyReport {
  const { creditor, month, portfolio, outcomes, conduct } = input;
  const others = portfolio.creditors.filter((entry) => entry.creditorId !== creditor.id);
  if (others.length > 0) throw new Error('composeMonthlyReport: the portfolio holds another creditor’s figures');
  if (outcomes.to !== month || conduct.from !== month || conduct.to !== month)
    throw new Error(`composeMonthlyReport: the outcomes must end with ${month}, the conduct be read over it alone`);
  const own = portfolio.creditors.find((entry) => entry.creditorId === creditor.id);
  const vintages = (own?.vintages ?? []).filter((v) => v.vintage <= month);
  const monthOutcomes = outcomes.months.find((entry) => entry.month === month);
  const monthConduct = conduct.months.find((entry) => entry.month === month);
  return {
    creditorId: creditor.id,
    creditorName: creditor.name,
    month,
    composedAt: input.now.toISOString(),
    refreshedAt: portfolio.refreshedAt,
    sections: [
      summarySection(vintages, monthConduct?.collectedCents ?? 0),
      vintageSection(vintages),
      outcomeSection(monthOutcomes),
      firstPaymentSection(outcomes, month),
      contactSection(conduct),
      complaintSection(conduct),
    ],
  };
}

type Vintage = PortfolioReport['creditors'][number]['vintages'][number];

function summarySection(vintages: readonly Vintage[], collectedInMonth: number): ReportSection {
  const placed = vintages.reduce((sum, v) => sum + v.placedCents, 0);
  const collected = vintages.reduce((sum, v) => sum + v.collectedCents, 0);
  return {
    key: 'summary',
    title: m('Synthèse', 'Summary', 'Sintesi'),
    columns: [FIGURE, VALUE],
    totalRow: false,
    rows: [
      [
        label(m('Dossiers placés (12 millésimes)', 'Cases placed (12 vintages)', 'Pratiche affidate (12 annate)')),
        count(vintages.reduce((sum, v) => sum + v.cases, 0)),
      ],
      [label(m('Montant placé', 'Amount placed', 'Importo affidato')), cents(placed)],
      [
        label(m('Encaissé sur ces millésimes', 'Collected on these vintages', 'Incassato su queste annate')),
        cents(collected),
      ],
      [
        label(m('Taux de recouvrement', 'Recovery rate', 'Tasso di recupero')),
        rate(rateBasisPoints(collected, placed)),
      ],
      [label(m('Encaissé dans le mois', 'Collected in the month', 'Incassato nel mese')), cents(collectedInMonth)],
    ],
  };
}

/** The liquidation table: one row per vintage, the cumulative rate at a few months since placement, and the total. */
function vintageSection(vintages: readonly Vintage[]): ReportSection {
  const at = (vintage: Vintage, monthsSince: number) =>
    rate(vintage.points.find((point) => point.monthsSince === monthsSince)?.rateBp ?? null);
  const total = {
    cases: vintages.reduce((sum, v) => sum + v.cases, 0),
    placed: vintages.reduce((sum, v) => sum + v.placedCents, 0),
    collected: vintages.reduce((sum, v) => sum + v.collectedCents, 0),
  };
  return {
    key: 'vintages',
    title: m('Courbes de liquidation', 'Liquidation curves', 'Curve di liquidazione'),
    columns: [
      m('Millésime', 'Vintage', 'Annata'),
      m('Dossiers', 'Cases', 'Pratiche'),
      m('Placé', 'Placed', 'Affidato'),
      m('Encaissé', 'Collected', 'Incassato'),
      m('Taux', 'Rate', 'Tasso'),
      ...CURVE_MONTHS.map((n) => m(`M+${n}`, `M+${n}`, `M+${n}`)),
    ],
    totalRow: true,
    rows: [
      ...vintages.map((v) => [
        { kind: 'text', text: v.vintage } as ReportCell,
        count(v.cases),
        cents(v.placedCents),
        cents(v.collectedCents),
        rate(v.recoveryBp),
        ...CURVE_MONTHS.map((n) => at(v, n)),
      ]),
      [
        label(m('Total', 'Total', 'Totale')),
        count(total.cases),
        cents(total.placed),
        cents(total.collected),
        rate(rateBasisPoints(total.collected, total.placed)),
        ...CURVE_MONTHS.map(() => rate(null)),
      ],
    ],
  };
}

function outcomeSection(month: PortfolioOutcomes['months'][number] | undefined): ReportSection {
  const row = (text: Message, cell: ReportCell) => [label(text), cell];
  return {
    key: 'outcomes',
    title: m('Contacts, promesses et plans du mois', 'Contacts, promises and plans', 'Contatti, promesse e piani'),
    columns: [FIGURE, VALUE],
    totalRow: false,
    rows: [
      row(m('Appels sortants', 'Outbound calls', 'Chiamate in uscita'), count(month?.attempts ?? 0)),
      row(
        m('Contacts avec le débiteur', 'Right-party contacts', 'Contatti con il debitore'),
        count(month?.rightParty ?? 0),
      ),
      row(m('Taux de contact utile', 'Right-party rate', 'Tasso di contatto utile'), rate(month?.rightPartyBp ?? null)),
      row(m('Promesses faites', 'Promises made', 'Promesse fatte'), count(month?.promises.made ?? 0)),
      row(m('Promesses tenues', 'Promises kept', 'Promesse mantenute'), count(month?.promises.kept ?? 0)),
      row(m('Promesses non tenues', 'Promises broken', 'Promesse non mantenute'), count(month?.promises.broken ?? 0)),
      row(
        m('Taux de promesses tenues', 'Kept rate', 'Tasso di promesse mantenute'),
        rate(month?.promises.keptBp ?? null),
      ),
      row(m('Plans accordés', 'Plans agreed', 'Piani concordati'), count(month?.plans.agreed ?? 0)),
      row(m('Plans respectés', 'Plans on track', 'Piani in regola'), count(month?.plans.onTrack ?? 0)),
      row(m('Plans rompus', 'Plans broken', 'Piani interrotti'), count(month?.plans.broken ?? 0)),
      row(
        m('Taux de plans respectés', 'On-track rate', 'Tasso di piani in regola'),
        rate(month?.plans.onTrackBp ?? null),
      ),
    ],
  };
}

/** Days to the first payment of the report's vintages (the outcome report is read over the vintages' span). */
function firstPaymentSection(outcomes: PortfolioOutcomes, month: IsoMonth): ReportSection {
  const firstVintage = addMonths(month, -(REPORT_VINTAGES - 1));
  const vintages = outcomes.vintages.filter((v) => v.vintage >= firstVintage && v.vintage <= month);
  return {
    key: 'first_payment',
    title: m('Délai du premier paiement', 'Days to the first payment', 'Giorni al primo pagamento'),
    columns: [
      m('Millésime', 'Vintage', 'Annata'),
      m('Dossiers', 'Cases', 'Pratiche'),
      m('Dossiers ayant payé', 'Paying cases', 'Pratiche con pagamento'),
      m('Jours (moyenne)', 'Days (mean)', 'Giorni (media)'),
      m('Jours (médiane)', 'Days (median)', 'Giorni (mediana)'),
    ],
    totalRow: false,
    rows: vintages.map((v) => [
      { kind: 'text', text: v.vintage },
      count(v.cases),
      count(v.payingCases),
      days(v.meanDaysToFirstPayment),
      days(v.medianDaysToFirstPayment),
    ]),
  };
}

function contactSection(conduct: ConductReport): ReportSection {
  return {
    key: 'contacts',
    title: m('Contacts et plafonds', 'Contacts against the caps', 'Contatti e limiti'),
    columns: [
      m('Canal', 'Channel', 'Canale'),
      m('Plafond par semaine', 'Weekly cap', 'Limite settimanale'),
      m('Semaines-dossiers', 'Case-weeks', 'Settimane-pratica'),
      m('Tentatives', 'Attempts', 'Tentativi'),
      m('Au-dessus d’un plafond', 'Above a cap', 'Sopra un limite'),
    ],
    totalRow: false,
    rows: conduct.contacts.map((channel) => [
      label(CHANNEL_LABELS[channel.channel]),
      count(channel.capPerWeek),
      count(channel.caseWeeks),
      count(channel.attempts),
      count(channel.overCapCaseWeeks),
    ]),
  };
}

function complaintSection(conduct: ConductReport): ReportSection {
  const row = (text: Message, cell: ReportCell) => [label(text), cell];
  const status = conduct.complaints.byStatus;
  return {
    key: 'complaints',
    title: m(
      'Réclamations, contestations, fragilité',
      'Complaints, disputes, vulnerability',
      'Reclami, contestazioni, fragilità',
    ),
    columns: [FIGURE, VALUE],
    totalRow: false,
    rows: [
      row(m('Réclamations reçues', 'Complaints received', 'Reclami ricevuti'), count(conduct.complaints.total)),
      row(m('Répondues dans le délai', 'Answered in time', 'Risposti nei termini'), count(status.answered_in_time)),
      row(m('Répondues en retard', 'Answered late', 'Risposti in ritardo'), count(status.answered_late)),
      row(m('Ouvertes, dans le délai', 'Open, within the deadline', 'Aperti, nei termini'), count(status.open_in_time)),
      row(m('Ouvertes, en retard', 'Open, overdue', 'Aperti, scaduti'), count(status.open_overdue)),
      row(m('Contestations ouvertes', 'Disputes opened', 'Contestazioni aperte'), count(conduct.disputes.opened)),
      row(
        m('Contestations répondues', 'Disputes answered', 'Contestazioni con risposta'),
        count(conduct.disputes.answered),
      ),
      row(
        m('Jours jusqu’à la réponse (médiane)', 'Days to the answer (median)', 'Giorni alla risposta (mediana)'),
        days(conduct.disputes.medianDaysToAnswer),
      ),
      row(
        m('Tentatives refusées par la politique', 'Attempts the policy refused', 'Tentativi rifiutati dalla politica'),
        count(conduct.refusals.attempts),
      ),
      row(
        m('Débiteurs avec un dossier ouvert', 'Debtors with an open case', 'Debitori con una pratica aperta'),
        count(conduct.care.debtors),
      ),
      row(
        m('dont en situation de fragilité', 'of them, vulnerable', 'di cui in situazione di fragilità'),
        count(conduct.care.fragile),
      ),
      row(
        m('Part des débiteurs fragiles', 'Share of vulnerable debtors', 'Quota di debitori fragili'),
        rate(conduct.care.shareBasisPoints),
      ),
    ],
  };
}
