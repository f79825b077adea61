/**
 * The Italian first letter (REGULATION.md §3, §4, §9, §13): a first request to pay written in Italian for a case in
 * Italy, and the checker of its mandatory mentions. Pure: no I/O, no clock (the letter's date and the reference data
 * in force on it come in with the facts).
 *
 * What it says: who writes (the agency, its address and phone); the creditor; when the claim was transferred, who
 * holds it and who services it, with a contact point (Directive 2021/2167, art. 114.8 TUB); the amount itemised as
 * capital, interest and charges, never a collection fee; the ways to pay, each naming the case's reference; the
 * letter's reference and date, which later messages cite; how to dispute the amount and how to complain (the agency's
 * procedure and its answer time from the reference data; for a bank credit transferred and serviced, a complaint
 * to the Banca d'Italia; for a banking or financial claim, the ABF from the mediators' directory); which data the
 * agency keeps (Garante 2005). No word that imitates a court's or an official act, nothing about a debt in the
 * envelope's window, no French L111-8 text.
 *
 * The letter is built as blocks of text, each tagged with the mention it carries, which the PDF prints as they are:
 * `checkItalianLetter` reads those very texts, so a letter the checker passes is the letter that goes out.
 */
import { demandOf, type ClaimBasis, type Itemisation, type LetterComponent, type PaymentWay } from './first-letter.js';
import {
  answerTime,
  BANK_OF_ITALY,
  checkItalianLetter,
  euros,
  italianLongDate,
  italianRegime,
  italianShortDate,
  type Holding,
  type ItalianFirstLetter,
  type ItalianLetterFacts,
  type ItalianLetterRefusal,
  type ItalianRegime,
  type LetterBlock,
} from './first-letter-it-check.js';

const CONTRACT_TYPES: Record<string, string> = {
  consumer_credit: 'credito al consumo',
  energy: 'fornitura di energia',
  overdraft: 'scoperto di conto corrente',
  rent: 'canoni di locazione',
  telecom: 'servizi di telecomunicazione',
  other: 'contratto',
};

export const COMPONENT_LABELS: Record<LetterComponent, string> = {
  principal: 'capitale',
  interest: 'interessi',
  accessory: 'spese e oneri',
};

/**
 * The Italian first letter of a case, or why there is none: no address to write to, nothing due, or a letter the
 * checker finds lacking a mandatory mention or carrying a forbidden word (`first_letter_incomplete`, with what).
 */
export function composeItalianFirstLetter(
  facts: ItalianLetterFacts,
): { ok: true; letter: ItalianFirstLetter } | ({ ok: false } & ItalianLetterRefusal) {
  const demand = demandOf(facts);
  if (!demand.ok) return demand;
  const regime = italianRegime(facts);
  const letter: ItalianFirstLetter = {
    law: 'IT',
    window: { sender: facts.agency.name, recipient: [facts.debtor.name, ...demand.address.lines] },
    agency: { name: facts.agency.name, address: facts.agency.address.lines, phone: facts.agency.phone },
    letterReference: facts.letterReference,
    caseReference: facts.caseReference,
    sentOn: facts.sentOn,
    heading: {
      date: italianLongDate(facts.sentOn),
      references: [`Nostro riferimento: ${facts.letterReference}`, `Pratica: ${facts.caseReference}`],
      subject: `Oggetto: richiesta di pagamento amichevole – pratica ${facts.caseReference}`,
    },
    claims: facts.claims,
    itemisation: demand.itemisation,
    paymentWays: demand.paymentWays,
    regime,
    blocks: italianBlocks(facts, regime, demand.itemisation, demand.paymentWays),
  };
  const findings = checkItalianLetter(letter, facts);
  if (findings.length > 0) return { ok: false, code: 'communications.first_letter_incomplete', findings };
  return { ok: true, letter };
}

function italianBlocks(
  facts: ItalianLetterFacts,
  regime: ItalianRegime,
  itemisation: Itemisation,
  paymentWays: PaymentWay[],
): LetterBlock[] {
  const { agency, creditor } = facts;
  const agencyAt = `${agency.name}, ${agency.address.lines.join(', ')}`;
  const purchased = facts.mandateKind === 'purchased';
  const blocks: LetterBlock[] = [
    { mention: null, heading: null, lines: [`Gentile ${facts.debtor.name},`] },
    {
      mention: 'agency',
      heading: null,
      lines: [
        `Le scrive ${agencyAt}, tel. ${agency.phone}, ${
          purchased
            ? 'titolare del credito indicato di seguito, che ne cura direttamente la gestione.'
            : `incaricata dal creditore indicato di seguito di chiederLe in via amichevole il pagamento della somma ancora dovuta.`
        } Questa è una richiesta di pagamento amichevole, inviata in busta chiusa e riservata.`,
      ],
    },
    {
      mention: 'creditor',
      heading: purchased ? 'Cedente del credito' : 'Creditore',
      lines: [
        `${creditor.legalName}${creditor.legalName === creditor.name ? '' : ` (${creditor.name})`}, ${creditor.address.lines.join(', ')}`,
      ],
    },
  ];
  if (regime.holding.transferred) blocks.push(holdingBlock(facts, regime.holding));
  blocks.push(amountBlock(facts.claims, itemisation), paymentBlock(itemisation, paymentWays));
  blocks.push({
    mention: 'reference',
    heading: null,
    lines: [
      `Questa lettera ha il riferimento ${facts.letterReference} ed è datata ${italianLongDate(facts.sentOn)}: le nostre comunicazioni successive li richiameranno.`,
    ],
  });
  blocks.push(...remedyBlocks(facts, regime));
  blocks.push(
    {
      mention: 'privacy',
      heading: 'Riservatezza',
      lines: [
        'Trattiamo soltanto i dati necessari a questa richiesta: identità, codice fiscale, importo dovuto e recapiti telefonici. Non ne parliamo con familiari, vicini o colleghi, e li cancelliamo quando termina il nostro incarico.',
      ],
    },
    { mention: null, heading: null, lines: ['Distinti saluti.', agency.name] },
  );
  return blocks;
}

function holdingBlock(facts: ItalianLetterFacts, holding: Holding): LetterBlock {
  const from = holding.transferredFrom.join(', ');
  const contact = `${facts.agency.name}, ${facts.agency.address.lines.join(', ')}, tel. ${facts.agency.phone}`;
  return {
    mention: 'holder_and_servicer',
    heading: 'Titolare e gestore del credito',
    lines: [
      `Il credito è stato ceduto${from ? ` da ${from}` : ''}: ne è ora titolare ${holding.holder}.`,
      holding.servicer === holding.holder
        ? `Ne cura la gestione lo stesso titolare, ${holding.servicer}.`
        : `Ne cura la gestione, per conto del titolare, ${holding.servicer}.`,
      `Per ogni comunicazione sul credito, il punto di contatto è ${contact}.`,
    ],
  };
}

function amountBlock(claims: readonly ClaimBasis[], itemisation: Itemisation): LetterBlock {
  const { lines, totals, amountDemandedCents } = itemisation;
  return {
    mention: 'amount',
    heading: 'Importo dovuto',
    lines: [
      ...claims.map((claim) => {
        const origin = claim.originalCreditor ? `, creditore originario ${claim.originalCreditor}` : '';
        return `Credito ${claim.reference}: ${CONTRACT_TYPES[claim.contractType] ?? CONTRACT_TYPES.other}, non pagato dal ${italianShortDate(claim.defaultOn)}${origin}.`;
      }),
    ],
    table: {
      header: ['Credito', 'Voce', 'Importo'],
      rows: lines.map((line) => [line.claimReference, COMPONENT_LABELS[line.component], euros(line.amountCents)]),
      totals: [
        ['Totale capitale', '', euros(totals.principal)],
        ['Totale interessi', '', euros(totals.interest)],
        ['Totale spese e oneri', '', euros(totals.accessory)],
        ['Importo totale richiesto', '', euros(amountDemandedCents)],
      ],
    },
  };
}

function paymentWayText(way: PaymentWay): string {
  switch (way.kind) {
    case 'bank_transfer':
      return `con bonifico a ${way.holder}, IBAN ${way.iban}${way.bic ? `, BIC ${way.bic}` : ''}, indicando nella causale il riferimento ${way.reference};`;
    case 'cheque':
      return `con assegno non trasferibile intestato a ${way.payee}, inviato a ${way.address.join(', ')}, indicando il riferimento ${way.reference};`;
    case 'phone':
      return `telefonandoci al ${way.phone}, citando il riferimento ${way.reference}, per concordare un pagamento a rate o un addebito diretto adatti alla Sua situazione;`;
    case 'online':
      return `nel Suo spazio online, ${way.url}, con il codice di accesso ${way.accessCode} e la Sua data di nascita: vi trova la Sua pratica e può scriverci a ogni ora.`;
  }
}

function paymentBlock(itemisation: Itemisation, ways: PaymentWay[]): LetterBlock {
  return {
    mention: 'payment',
    heading: 'Come pagare',
    lines: [
      `L’importo non comprende spese di recupero a Suo carico. Le chiediamo di pagare ${euros(itemisation.amountDemandedCents)}, oppure di contattarci per concordare una soluzione adatta alla Sua situazione. Può pagare:`,
      ...ways.map((way) => `– ${paymentWayText(way)}`),
    ],
  };
}

function remedyBlocks(facts: ItalianLetterFacts, regime: ItalianRegime): LetterBlock[] {
  const { agency } = facts;
  const writeTo = `${agency.name}, ${agency.address.lines.join(', ')}`;
  const blocks: LetterBlock[] = [
    {
      mention: 'dispute',
      heading: 'Se contesta l’importo',
      lines: [
        `Se ritiene di non dovere in tutto o in parte questa somma, o di averla già pagata, ce lo scriva a ${writeTo}, o ci telefoni al ${agency.phone}, citando il riferimento ${facts.caseReference}: verificheremo la Sua posizione con il creditore e Le invieremo i documenti su cui si fonda la richiesta.`,
      ],
    },
  ];
  if (facts.complaintAnswer)
    blocks.push({
      mention: 'complaint',
      heading: 'Reclami',
      lines: [
        `Può presentare un reclamo, senza alcun costo, scrivendo a ${writeTo}, o telefonando al ${agency.phone}. Le risponderemo entro ${answerTime(facts.complaintAnswer)} dal ricevimento.`,
      ],
    });
  if (regime.servicedBankCredit)
    blocks.push({
      mention: 'bank_of_italy',
      heading: 'Esposti alla Banca d’Italia',
      lines: [
        `Se la risposta al reclamo non La soddisfa, o non arriva nel termine indicato, può presentare un esposto alla ${BANK_OF_ITALY.name}, che vigila sui gestori di crediti: ${BANK_OF_ITALY.address}, ${BANK_OF_ITALY.website}.`,
      ],
    });
  if (regime.financial && facts.mediator) {
    const { name, address, website } = facts.mediator;
    blocks.push({
      mention: 'abf',
      heading: 'Arbitro Bancario Finanziario',
      lines: [
        `Per una controversia con l’intermediario bancario o finanziario, dopo avergli presentato reclamo, può rivolgersi a ${name}, ${address}${website ? `, ${website}` : ''}, alle condizioni che questo stabilisce.`,
      ],
    });
  }
  return blocks;
}
