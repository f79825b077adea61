import type { Amounts, StatementClaim } from './handoff-statement.js';

/**
 * The requête en injonction de payer (CPC 1405 to 1407) filled from the case: to the court of the debtor's domicile
 * (1406), the itemised amount, the basis of the claim and the bordereau of the documents (1407). Pure. The partner
 * checks it, signs it and lodges it: Accord prepares, a person files.
 */

/** Which judge the requête goes to (CPC 1406; L213-4-4 COJ for the juge des contentieux de la protection). */
export const COURT_KINDS = [
  'juge_des_contentieux_de_la_protection',
  'tribunal_judiciaire',
  'tribunal_de_commerce',
] as const;
export type CourtKind = (typeof COURT_KINDS)[number];

/** Up to this amount, CPC 750-1 asks for a prior amicable attempt and the PSRPC (L125-1) is open. */
export const SMALL_CLAIM_CENTS = 500_000;

export interface Requete {
  procedure: 'injonction_de_payer';
  legalBasis: string;
  court: { kind: CourtKind; domicile: string | null; designation: string };
  applicant: { name: string; legalName: string; registrationNumber: string | null; address: string };
  respondent: {
    name: string;
    birthDate: string | null;
    birthPlace: string | null;
    address: string | null;
  };
  amounts: { principalCents: number; interestCents: number; feesCents: number; totalCents: number };
  basis: { claimReference: string; contractType: string; originalCreditor: string | null; defaultOn: string }[];
  bordereau: { number: number; title: string }[];
  smallClaim: boolean;
  notes: string[];
  preparedOn: string;
}

const CONTRACTS: Record<string, string> = {
  consumer_credit: 'contrat de crédit à la consommation',
  overdraft: 'autorisation de découvert',
  rent: 'bail d’habitation',
  energy: 'contrat de fourniture d’énergie',
  telecom: 'contrat de services de communications électroniques',
  other: 'contrat',
};
export const contractInWords = (type: string) => CONTRACTS[type] ?? 'contrat';

/** The judge: commerce for a company, the protection judge for consumer credit and housing, else the tribunal. */
export function courtKind(debtorKind: 'person' | 'company', contractTypes: readonly string[]): CourtKind {
  if (debtorKind === 'company') return 'tribunal_de_commerce';
  if (contractTypes.some((t) => t === 'consumer_credit' || t === 'overdraft' || t === 'rent'))
    return 'juge_des_contentieux_de_la_protection';
  return 'tribunal_judiciaire';
}

const DESIGNATIONS: Record<CourtKind, string> = {
  juge_des_contentieux_de_la_protection: 'Juge des contentieux de la protection du tribunal judiciaire',
  tribunal_judiciaire: 'Président du tribunal judiciaire',
  tribunal_de_commerce: 'Président du tribunal de commerce',
};

export function buildRequete(input: {
  creditor: { name: string; legalName: string; registrationNumber: string | null; address: string };
  debtor: {
    kind: 'person' | 'company';
    title: string | null;
    firstName: string | null;
    lastName: string | null;
    companyName: string | null;
    birthDate: string | null;
    birthPlace: string | null;
  };
  domicile: { line1: string; line2: string | null; postalCode: string; city: string; country: string } | null;
  claims: readonly StatementClaim[];
  owed: Amounts;
  documents: readonly { number: number; type: string; fileName: string }[];
  builtOn: string;
}): Requete {
  const open = input.claims.filter((c) => c.status === 'open');
  const kind = courtKind(
    input.debtor.kind,
    open.map((c) => c.contractType),
  );
  const domicile = input.domicile
    ? [input.domicile.line1, input.domicile.line2, `${input.domicile.postalCode} ${input.domicile.city}`]
        .filter(Boolean)
        .join(', ')
    : null;
  const where = input.domicile ? `${input.domicile.postalCode} ${input.domicile.city}` : 'domicile inconnu';
  const totalCents = input.owed.principal + input.owed.interest + input.owed.fees;
  const smallClaim = totalCents <= SMALL_CLAIM_CENTS;
  const notes = [
    'Depuis le 1er mars 2022, l’ordonnance est rendue revêtue de la formule exécutoire (CPC 1410) ; elle doit être signifiée dans les six mois (CPC 1411).',
  ];
  if (smallClaim)
    notes.push(
      'Montant inférieur ou égal à 5 000 € : tentative préalable de résolution amiable (CPC 750-1), ou procédure simplifiée de recouvrement des petites créances par commissaire de justice (CPCE L125-1).',
    );
  if (!input.domicile) notes.push('Aucune adresse connue du créancier : le tribunal compétent ne peut être désigné.');
  const name =
    input.debtor.kind === 'company'
      ? (input.debtor.companyName ?? '')
      : [input.debtor.title, input.debtor.firstName, input.debtor.lastName?.toUpperCase()].filter(Boolean).join(' ');
  return {
    procedure: 'injonction_de_payer',
    legalBasis: 'CPC art. 1405 à 1407',
    court: {
      kind,
      domicile,
      designation: `${DESIGNATIONS[kind]} dans le ressort duquel demeure le débiteur (${where})`,
    },
    applicant: input.creditor,
    respondent: { name, birthDate: input.debtor.birthDate, birthPlace: input.debtor.birthPlace, address: domicile },
    amounts: {
      principalCents: input.owed.principal,
      interestCents: input.owed.interest,
      feesCents: input.owed.fees,
      totalCents,
    },
    basis: open.map((c) => ({
      claimReference: c.reference,
      contractType: c.contractType,
      originalCreditor: c.originalCreditor,
      defaultOn: c.defaultOn,
    })),
    bordereau: [
      { number: 1, title: 'Décompte détaillé de la créance (relevé de compte joint)' },
      ...input.documents.map((d) => ({ number: d.number, title: `${d.fileName} (${d.type})` })),
    ],
    smallClaim,
    notes,
    preparedOn: input.builtOn,
  };
}
