import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../../src/demo/random.js';
import { FRENCH_FIRST_NAMES, FRENCH_LAST_NAMES, PLACES, STREETS_FR } from '../../src/demo/places.js';

/**
 * A synthetic placement file like a large creditor's: `claims` rows for about 80 % as many distinct debtors
 * (one in five debtors has a second claim), realistic French names, addresses and amounts, and 1 % bad rows
 * of several kinds. `;`-separated, French decimal commas and dates, as docs/intake-format.md describes.
 */
export const INTAKE_COLUMNS = [
  'debtor_reference',
  'title',
  'first_name',
  'last_name',
  'birth_date',
  'address_line1',
  'postal_code',
  'city',
  'country',
  'phone',
  'email',
  'claim_reference',
  'contract_type',
  'principal',
  'interest',
  'fees',
  'default_date',
  'last_payment_date',
] as const;

const FRENCH_PLACES = PLACES.filter((p) => p.country === 'FR');
const CONTRACTS = [
  ['consumer_credit', 50_000, 2_500_000],
  ['overdraft', 15_000, 400_000],
  ['energy', 6_000, 250_000],
  ['telecom', 3_000, 120_000],
] as const;

/**
 * Surnames as they spread in France: a few very common (Martin, about 0.4 %), a long tail of rare ones. The
 * demo's common names come first, then 20,000 built from syllables; drawn with a Zipf law (exponent 0.6), so
 * that same-name look-ups meet realistic, not inflated, numbers of namesakes.
 */
const ONSETS = [
  'Bou',
  'Ber',
  'Cha',
  'Dela',
  'Fer',
  'Gar',
  'Lan',
  'Mar',
  'Mor',
  'Pel',
  'Ri',
  'Ros',
  'Tes',
  'Vil',
  'Gui',
  'Ma',
  'Jo',
  'Fa',
  'Lu',
  'Ca',
  'Bre',
  'Clé',
  'Dau',
  'Es',
  'Ga',
  'Her',
  'Jac',
  'Ker',
  'Lé',
  'Mi',
  'Nau',
  'Pa',
  'Que',
  'Re',
  'Sau',
  'Tho',
  'Val',
  'Ver',
  'Cour',
  'Bon',
];
const MIDDLES = [
  '',
  'n',
  'r',
  'l',
  'ch',
  'ss',
  'tt',
  'ill',
  'nd',
  'rg',
  'mb',
  'rn',
  'st',
  'ud',
  'zel',
  'val',
  'bel',
  'son',
  'ton',
  'ran',
  'lan',
  'mar',
  'din',
  'gon',
  'ver',
];
const ENDINGS = [
  'et',
  'ier',
  'in',
  'eau',
  'and',
  'on',
  'aud',
  'ot',
  'y',
  'ard',
  'ez',
  'oux',
  'ais',
  'ay',
  'ault',
  'ac',
  'el',
  'é',
  'ou',
  'ès',
];
const SURNAMES: string[] = [...FRENCH_LAST_NAMES];
for (const onset of ONSETS)
  for (const middle of MIDDLES) for (const ending of ENDINGS) SURNAMES.push(`${onset}${middle}${ending}`);
const SURNAME_CUMULATIVE = (() => {
  let total = 0;
  return SURNAMES.map((_, rank) => (total += 1 / (rank + 1) ** 0.6));
})();

function pickSurname(random: Random): string {
  const target = random.next() * SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1]!;
  let low = 0;
  let high = SURNAME_CUMULATIVE.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (SURNAME_CUMULATIVE[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return SURNAMES[low]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const frenchDate = (y: number, m: number, d: number) => `${pad(d)}/${pad(m)}/${y}`;
const frenchAmount = (cents: number) => {
  const euros = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${euros},${pad(cents % 100)}`;
};

export interface GeneratedFile {
  rows: number;
  badRows: number;
  debtors: number;
}

export async function generateIntakeFile(path: string, claims: number, seed = 7): Promise<GeneratedFile> {
  const random = new Random(seed);
  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${INTAKE_COLUMNS.join(';')}\n`);
  const debtors = Math.round(claims * 0.8);
  let badRows = 0;
  let buffer = '';
  for (let i = 0; i < claims; i++) {
    // The first `debtors` rows give each debtor a claim; the rest give a second claim to earlier debtors.
    const d = i < debtors ? i : random.int(0, debtors - 1);
    const person = new Random(seed * 1_000_003 + d);
    const first = person.pick(FRENCH_FIRST_NAMES);
    const last = person.chance(0.05) ? `${pickSurname(person)}-${pickSurname(person)}` : pickSurname(person);
    const birth = person.chance(0.02) ? '' : frenchDate(person.int(1945, 2003), person.int(1, 12), person.int(1, 28));
    const place = person.pick(FRENCH_PLACES);
    const [contract, min, max] = random.pick(CONTRACTS);
    const principal = random.logUniformCents(min, max);
    const interest =
      contract === 'consumer_credit' || contract === 'overdraft' ? Math.round((principal * random.int(1, 9)) / 100) : 0;
    const fees = random.chance(0.3) ? random.int(10, 60) * 100 : 0;
    const fields: string[] = [
      `C${pad(d, 8)}`,
      person.chance(0.5) ? 'M.' : 'Mme',
      first,
      last,
      birth,
      `${person.int(1, 140)} ${person.pick(STREETS_FR)}`,
      place.postalCode,
      place.city,
      'FR',
      `06 ${pad(person.int(0, 99))} ${pad(person.int(0, 99))} ${pad(person.int(0, 99))} ${pad(person.int(0, 99))}`,
      person.chance(0.6)
        ? `${first}.${last}.${d}@mail.example`
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z0-9.@-]/g, '')
        : '',
      `K${pad(i, 9)}`,
      contract,
      frenchAmount(principal),
      frenchAmount(interest),
      frenchAmount(fees),
      frenchDate(random.int(2023, 2025), random.int(1, 12), random.int(1, 28)),
      random.chance(0.5) ? frenchDate(2022, random.int(1, 12), random.int(1, 28)) : '',
    ];
    if (i % 100 === 50) {
      badRows += 1;
      switch (((i / 100) % 4) | 0) {
        case 0:
          fields[13] = '12,345';
          break; // three decimals
        case 1:
          fields[16] = '31/02/2025';
          break; // not a calendar date
        case 2:
          fields[3] = '';
          break; // no last name
        default:
          fields[12] = 'mortgage';
          break; // unknown contract type
      }
    }
    buffer += `${fields.join(';')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
  return { rows: claims, badRows, debtors };
}

/**
 * The generated file of `claims` rows in the temporary directory, written the first time it is asked for (under
 * another name until it is whole, so an interrupted run leaves no truncated file to be taken for it).
 */
export async function intakeFileOf(claims: number): Promise<string> {
  const path = join(tmpdir(), `accord-bench-intake-${claims}.csv`);
  if (!existsSync(path)) {
    process.stdout.write(`generating ${claims} claims into ${path}\n`);
    const partial = `${path}.${process.pid}.partial`;
    await generateIntakeFile(partial, claims);
    renameSync(partial, path);
  }
  return path;
}
