import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/**
 * Which case, debtor and user an audit entry concerns. An entry names its target (a payment, a plan, a hold…); the
 * target's own row says which case and debtor it belongs to, so the answer is read at reading time and never
 * written into the chain. Entries whose target is not such a row (a bank line, a callback request) may name the case
 * or the debtor in what they recorded (`caseId`, `debtorId`).
 */

/** The audit target types whose rows carry the case and the debtor they belong to, and their tables. */
const CHILD_TARGETS = {
  plan: 'plans',
  payment: 'payments',
  promise: 'promises',
  contact: 'contacts',
  hold: 'holds',
  case_task: 'case_tasks',
  contact_callback: 'contact_callbacks',
  contact_override: 'contact_overrides',
  sepa_mandate: 'sepa_mandates',
  document: 'case_documents',
  judicial_review: 'judicial_reviews',
} as const;
/** The rows of a target type as (id, case_id, debtor_id): a document knows its case, the case its debtor. */
const rowsOf = (type: ChildTarget) =>
  type === 'document'
    ? sql`(select d.id, d.case_id, c.debtor_id from case_documents d join cases c on c.id = d.case_id)`
    : sql.table(CHILD_TARGETS[type]);
type ChildTarget = keyof typeof CHILD_TARGETS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isChildTarget = (type: string): type is ChildTarget => Object.hasOwn(CHILD_TARGETS, type);
const childTypes = () => Object.keys(CHILD_TARGETS) as ChildTarget[];

/** A case by its reference, for `aboutCase`: none when no case has it. */
export const caseIdOfReference = (reference: string) =>
  sql<string>`(select id from cases where reference = ${reference})`;

/**
 * Entries about one case: the case itself, every row of it that entries target, and entries that recorded its id.
 * Served by `audit_log_target` (target_type, target_id) and `audit_log_after_case`; a case has few enough entries
 * that they are then sorted whole.
 */
export function aboutCase(caseId: Expression<string>): Expression<SqlBool> {
  const children = childTypes().map(
    (type) => sql`select ${type}::text, id::text from ${rowsOf(type)} as t where case_id = ${caseId}`,
  );
  const targets = sql.join([sql`select 'case'::text, ${caseId}::text`, ...children], sql` union all `);
  return sql<SqlBool>`((audit_log.target_type, audit_log.target_id) in (${targets})
    or audit_log.after->>'caseId' = ${caseId}::text)`;
}

/** Entries about one debtor: the debtor, their cases, every row of those that entries target, and entries naming them. */
export function aboutDebtor(debtorId: string): Expression<SqlBool> {
  const children = childTypes().map(
    (type) => sql`select ${type}::text, id::text from ${rowsOf(type)} as t where debtor_id = ${debtorId}`,
  );
  const targets = sql.join(
    [
      sql`select 'debtor'::text, ${debtorId}::text`,
      sql`select 'case'::text, id::text from cases where debtor_id = ${debtorId}`,
      ...children,
    ],
    sql` union all `,
  );
  return sql<SqlBool>`((audit_log.target_type, audit_log.target_id) in (${targets})
    or audit_log.after->>'debtorId' = ${debtorId}
    or audit_log.after->>'caseId' in (select id::text from cases where debtor_id = ${debtorId}))`;
}

export interface EntrySubjects {
  case: { id: string; name: string } | null;
  debtor: { id: string; name: string } | null;
  user: { id: string; name: string } | null;
}

interface EntryTarget {
  seq: number;
  target_type: string;
  target_id: string | null;
  after: unknown;
}

const idAt = (data: unknown, key: string): string | null => {
  const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && UUID.test(value) ? value : null;
};

/** How a debtor is named on screens (a company by its name, a person as "First LAST"), in SQL for a batch. */
export const debtorNameSql = sql<string>`case when kind = 'company' and company_name is not null then company_name
  else concat_ws(' ', first_name, upper(last_name)) end`;

/** The case, debtor and user of each entry of a page, in a handful of queries whatever the page's size. */
export async function subjectsOf(db: Kysely<DB>, rows: readonly EntryTarget[]): Promise<Map<number, EntrySubjects>> {
  const owners = await childOwners(db, rows);
  const caseOf = new Map<number, string | null>();
  const debtorOf = new Map<number, string | null>();
  for (const row of rows) {
    const id = row.target_id !== null && UUID.test(row.target_id) ? row.target_id : null;
    const owner = id !== null && isChildTarget(row.target_type) ? owners.get(`${row.target_type}:${id}`) : undefined;
    caseOf.set(row.seq, row.target_type === 'case' ? id : (owner?.caseId ?? idAt(row.after, 'caseId')));
    debtorOf.set(row.seq, row.target_type === 'debtor' ? id : (owner?.debtorId ?? idAt(row.after, 'debtorId')));
  }
  const caseIds = uniqueIds(caseOf.values());
  const cases = caseIds.length
    ? await db.selectFrom('cases').select(['id', 'reference', 'debtor_id']).where('id', 'in', caseIds).execute()
    : [];
  const caseById = new Map(cases.map((row) => [row.id, row]));
  const debtorIds = uniqueIds([...debtorOf.values(), ...cases.map((row) => row.debtor_id)]);
  const debtors = debtorIds.length
    ? await db
        .selectFrom('debtors')
        .select(['id', debtorNameSql.as('name')])
        .where('id', 'in', debtorIds)
        .execute()
    : [];
  const debtorById = new Map(debtors.map((row) => [row.id, row.name]));
  const userIds = uniqueIds(rows.map((row) => (row.target_type === 'user' ? row.target_id : null)));
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
    : [];
  const userById = new Map(users.map((row) => [row.id, row.display_name]));

  return new Map(
    rows.map((row) => {
      const foundCase = caseById.get(caseOf.get(row.seq) ?? '');
      const debtorId = debtorOf.get(row.seq) ?? foundCase?.debtor_id ?? null;
      const debtor = debtorId !== null ? debtorById.get(debtorId) : undefined;
      const user = row.target_type === 'user' && row.target_id ? userById.get(row.target_id) : undefined;
      return [
        row.seq,
        {
          case: foundCase ? { id: foundCase.id, name: foundCase.reference } : null,
          debtor: debtor !== undefined && debtorId !== null ? { id: debtorId, name: debtor } : null,
          user: user !== undefined && row.target_id ? { id: row.target_id, name: user } : null,
        },
      ];
    }),
  );
}

/** The case and debtor of every targeted row of a page, by `type:id`, in one query. */
async function childOwners(
  db: Kysely<DB>,
  rows: readonly EntryTarget[],
): Promise<Map<string, { caseId: string | null; debtorId: string }>> {
  const idsByType = new Map<ChildTarget, Set<string>>();
  for (const row of rows) {
    if (!isChildTarget(row.target_type) || row.target_id === null || !UUID.test(row.target_id)) continue;
    const ids = idsByType.get(row.target_type) ?? new Set<string>();
    ids.add(row.target_id);
    idsByType.set(row.target_type, ids);
  }
  if (idsByType.size === 0) return new Map();
  const selects = [...idsByType].map(
    ([type, ids]) =>
      sql`select ${type}::text as type, id::text as id, case_id::text as case_id, debtor_id::text as debtor_id
        from ${rowsOf(type)} as t where id = any(${[...ids]}::uuid[])`,
  );
  const result = await sql<{ type: string; id: string; case_id: string | null; debtor_id: string }>`${sql.join(
    selects,
    sql` union all `,
  )}`.execute(db);
  return new Map(result.rows.map((row) => [`${row.type}:${row.id}`, { caseId: row.case_id, debtorId: row.debtor_id }]));
}

function uniqueIds(values: Iterable<string | null | undefined>): string[] {
  const ids = new Set<string>();
  for (const value of values) if (value && UUID.test(value)) ids.add(value);
  return [...ids];
}
