import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { prefixUpperBound, type SearchPlan } from './core/plan.js';
import type { SearchField, SearchKind, SearchResult } from './contract.js';

/**
 * One query per source of a kind, each a range scan of its index (migration 0024) from the prefix, in the index's
 * order, stopping after `limit` rows. A hit names a case, or a debtor (then its cases in scope are listed; for a
 * creditor's reference or a creditor user's fact, only that creditor's cases).
 */
export interface Hit {
  field: SearchField;
  value: string;
  caseId: string | null;
  debtorId: string | null;
  creditorId: string | null;
  /** The cases the hit names within the actor's scope: open ones first, then the latest opened. */
  cases: HitCase[];
}

/** A case a hit names, with what a result line shows of it. */
export interface HitCase {
  id: string;
  reference: string;
  stage: SearchResult['stage'];
  status: SearchResult['status'];
  debtorId: string;
  creditorId: string;
  creditorName: string;
  /** The debtor's name as the reader may see it: for a creditor user, as its own files gave it (or none). */
  debtor: { kind: string; first_name: string | null; last_name: string | null; company_name: string | null } | null;
}

interface HitRow {
  value: string;
  case_id: string | null;
  debtor_id: string | null;
  creditor_id: string | null;
}

/** `expression` starts with `prefix`, compared byte by byte (the C collation of the search indexes). */
function startsWith(expression: RawBuilder<unknown>, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`${expression} collate "C" >= ${prefix} and ${expression} collate "C" < ${prefixUpperBound(prefix)}`;
}

/** Limits to the creditor user's creditor, on the given column; nothing for staff. */
function scoped(scope: string | null, column: string): RawBuilder<boolean> {
  return scope === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = ${scope}`;
}

type Finder = (scope: string | null, prefix: string, limit: number) => RawBuilder<HitRow>;

const caseReferences: Finder = (scope, prefix, limit) => sql<HitRow>`
  select reference as value, id as case_id, null::uuid as debtor_id, null::uuid as creditor_id from cases
  where ${startsWith(sql`reference`, prefix)} and ${scoped(scope, 'creditor_id')}
  order by reference collate "C" limit ${limit}`;

const claimReferences: Finder = (scope, prefix, limit) => sql<HitRow>`
  select reference as value, case_id, null::uuid as debtor_id, null::uuid as creditor_id from claims
  where ${startsWith(sql`upper(reference)`, prefix)} and ${scoped(scope, 'creditor_id')}
  order by upper(reference) collate "C" limit ${limit}`;

const creditorReferences: Finder = (scope, prefix, limit) => sql<HitRow>`
  select reference as value, null::uuid as case_id, debtor_id, creditor_id from debtor_references
  where ${startsWith(sql`upper(reference)`, prefix)} and ${scoped(scope, 'creditor_id')}
  order by upper(reference) collate "C" limit ${limit}`;

const NAME_KEY = sql`search_name_key(company_name, last_name, first_name)`;

/** Staff search the debtor record; a creditor user the identity its own files gave. */
const names: Finder = (scope, prefix, limit) =>
  scope === null
    ? sql<HitRow>`
      select ${NAME_KEY} as value, null::uuid as case_id, id as debtor_id, null::uuid as creditor_id from debtors
      where ${startsWith(NAME_KEY, prefix)} order by ${NAME_KEY} collate "C" limit ${limit}`
    : sql<HitRow>`
      select ${NAME_KEY} as value, null::uuid as case_id, debtor_id, creditor_id from debtor_references
      where creditor_id = ${scope} and ${startsWith(NAME_KEY, prefix)}
      order by ${NAME_KEY} collate "C" limit ${limit}`;

/** The value of a phone or e-mail as its index holds it: a phone in E.164, an e-mail in lower case. */
const CONTACT_VALUE = { phone: sql`search_phone(value)`, email: sql`lower(value)` } as const;

/** Phones and e-mails: staff any; a creditor user only those its own files supplied. */
const contactPoints =
  (channel: 'phone' | 'email'): Finder =>
  (scope, prefix, limit) => {
    const value = CONTACT_VALUE[channel];
    // The channel is a literal, so the planner matches the partial index of that channel.
    return sql<HitRow>`
      select ${value} as value, null::uuid as case_id, debtor_id, ${scope}::uuid as creditor_id
      from debtor_contact_points p
      where channel = ${sql.lit(channel)} and ${startsWith(value, prefix)}
        ${scope === null ? sql`` : sql`and exists (select 1 from debtor_contact_point_sources s where s.contact_point_id = p.id and s.creditor_id = ${scope})`}
      order by ${value} collate "C" limit ${limit}`;
  };

const postalCodes: Finder = (scope, prefix, limit) =>
  scope === null
    ? sql<HitRow>`
      select postal_code as value, null::uuid as case_id, debtor_id, null::uuid as creditor_id from debtor_addresses
      where ${startsWith(sql`postal_code`, prefix)} order by postal_code collate "C" limit ${limit}`
    : sql<HitRow>`
      select a.postal_code as value, null::uuid as case_id, a.debtor_id, s.creditor_id from debtor_addresses a
      join debtor_address_sources s on s.address_id = a.id and s.creditor_id = ${scope}
      where ${startsWith(sql`a.postal_code`, prefix)} order by a.postal_code collate "C" limit ${limit}`;

/** IBANs come from the debtor (a mandate) or a bank (a payment), never from a creditor's file: staff only. */
const mandateIbans: Finder = (_scope, prefix, limit) => sql<HitRow>`
  select debtor_iban as value, case_id, null::uuid as debtor_id, null::uuid as creditor_id from sepa_mandates
  where ${startsWith(sql`debtor_iban`, prefix)} order by debtor_iban collate "C" limit ${limit}`;

const payerIbans: Finder = (_scope, prefix, limit) => sql<HitRow>`
  select payer_iban as value, case_id, null::uuid as debtor_id, null::uuid as creditor_id from payments
  where payer_iban is not null and ${startsWith(sql`payer_iban`, prefix)}
  order by payer_iban collate "C" limit ${limit}`;

interface Source {
  field: SearchField;
  find: Finder;
  prefixes: (plan: SearchPlan) => string[];
  staffOnly?: boolean;
}

const one = (value: string | null) => (value === null ? [] : [value]);

/** Each kind's sources, in the order their hits are listed. */
export const SOURCES: Record<SearchKind, Source[]> = {
  reference: [
    { field: 'caseReference', find: caseReferences, prefixes: (p) => one(p.reference) },
    { field: 'claimReference', find: claimReferences, prefixes: (p) => one(p.reference) },
    { field: 'creditorReference', find: creditorReferences, prefixes: (p) => one(p.reference) },
  ],
  name: [{ field: 'name', find: names, prefixes: (p) => p.names }],
  phone: [{ field: 'phone', find: contactPoints('phone'), prefixes: (p) => p.phones }],
  email: [{ field: 'email', find: contactPoints('email'), prefixes: (p) => one(p.email) }],
  iban: [
    { field: 'iban', find: mandateIbans, prefixes: (p) => one(p.iban), staffOnly: true },
    { field: 'iban', find: payerIbans, prefixes: (p) => one(p.iban), staffOnly: true },
  ],
  postalCode: [{ field: 'postalCode', find: postalCodes, prefixes: (p) => one(p.postalCode) }],
};

/** Byte order of UTF-8, the order of the C collation the indexes keep. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface FoundRow extends HitRow {
  part: number;
  n: string;
  found_id: string | null;
  found_reference: string;
  stage: SearchResult['stage'];
  status: SearchResult['status'];
  found_debtor_id: string;
  found_creditor_id: string;
  creditor_name: string;
  kind: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
}

/**
 * The cases each hit names, within the scope: the case itself, or the debtor's cases (for a creditor's reference or
 * a creditor user's fact, that creditor's only; groupOf in search.ts keeps to it). A creditor user reads the debtor's
 * name as its own latest file gave it, as on the case page (creditor-case-view.ts); staff read the debtor record.
 */
function casesOfHits(scope: string | null): RawBuilder<unknown> {
  const inScope = scoped(scope, 'c.creditor_id');
  const name =
    scope === null
      ? sql`left join lateral (select d.first_name, d.last_name, d.company_name) n on true`
      : sql`left join lateral (select r.first_name, r.last_name, r.company_name from debtor_references r
          where r.creditor_id = ${scope} and r.debtor_id = c.debtor_id order by r.placement_id desc nulls last limit 1) n on true`;
  return sql`
    left join lateral (
      select c.id, c.reference, c.stage, c.status, c.debtor_id, c.creditor_id, c.opened_on from cases c
      where h.case_id is not null and c.id = h.case_id and ${inScope}
      union all
      select c.id, c.reference, c.stage, c.status, c.debtor_id, c.creditor_id, c.opened_on from cases c
      where h.case_id is null and c.debtor_id = h.debtor_id and ${inScope}
    ) c on true
    left join creditors cr on cr.id = c.creditor_id
    left join debtors d on d.id = c.debtor_id
    ${name}`;
}

/**
 * The hits of every kind asked and the cases they name, in one statement: each source and prefix is a parenthesised
 * range scan with its own order and limit, joined by `union all`, then each hit's cases in scope, so a keystroke costs
 * the server one round trip and one plan. Each kind's hits come back in its sources' order, each source's in the
 * index's order.
 */
export async function findHits(
  db: Kysely<DB>,
  scope: string | null,
  kinds: readonly SearchKind[],
  plan: SearchPlan,
  limit: number,
): Promise<Map<SearchKind, Hit[]>> {
  const parts = kinds.flatMap((kind) =>
    SOURCES[kind]
      .filter((source) => scope === null || !source.staffOnly)
      .flatMap((source) =>
        source.prefixes(plan).map((prefix) => ({ kind, source, query: source.find(scope, prefix, limit) })),
      ),
  );
  const byKind = new Map<SearchKind, Hit[]>(kinds.map((kind) => [kind, []]));
  if (parts.length === 0) return byKind;
  const { rows } = await sql<FoundRow>`
    with hits as (${sql.join(
      parts.map(
        (part, index) => sql`(select ${index}::int as part, row_number() over () as n, x.* from (${part.query}) x)`,
      ),
      sql` union all `,
    )})
    select h.part, h.n, h.value, h.case_id, h.debtor_id, h.creditor_id,
      c.id as found_id, c.reference as found_reference, c.stage, c.status, c.debtor_id as found_debtor_id,
      c.creditor_id as found_creditor_id, cr.name as creditor_name, d.kind, n.first_name, n.last_name, n.company_name
    from hits h
    ${casesOfHits(scope)}
    order by h.part, h.n, c.status = 'closed', c.opened_on desc, c.reference`.execute(db);
  const hits = new Map<string, { part: number; hit: Hit }>();
  for (const row of rows) {
    const key = `${row.part}:${row.n}`;
    let entry = hits.get(key);
    if (!entry) {
      const { source } = parts[row.part]!;
      entry = {
        part: row.part,
        hit: {
          field: source.field,
          value: row.value,
          caseId: row.case_id,
          debtorId: row.debtor_id,
          creditorId: row.creditor_id,
          cases: [],
        },
      };
      hits.set(key, entry);
    }
    if (row.found_id === null) continue;
    const named = row.first_name !== null || row.last_name !== null || row.company_name !== null;
    entry.hit.cases.push({
      id: row.found_id,
      reference: row.found_reference,
      stage: row.stage,
      status: row.status,
      debtorId: row.found_debtor_id,
      creditorId: row.found_creditor_id,
      creditorName: row.creditor_name,
      debtor:
        row.kind !== null && (scope === null || named)
          ? { kind: row.kind, first_name: row.first_name, last_name: row.last_name, company_name: row.company_name }
          : null,
    });
  }
  const sorted = [...hits.values()].sort((a, b) => a.part - b.part || byBytes(a.hit.value, b.hit.value));
  for (const { part, hit } of sorted) byKind.get(parts[part]!.kind)!.push(hit);
  return byKind;
}
