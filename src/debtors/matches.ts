import type { Kysely, Transaction } from 'kysely';
import type { Deps } from '../platform/deps.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { debtorName } from './core/debtor-name.js';
import type { DebtorCard, DebtorMatch, MatchStatus } from './contract.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The cards of several debtors, loaded in four queries whatever their number. */
export async function debtorCards(db: Db, ids: string[]): Promise<Map<string, DebtorCard>> {
  const cards = new Map<string, DebtorCard>();
  if (ids.length === 0) return cards;
  const [debtors, addresses, references, cases] = await Promise.all([
    db
      .selectFrom('debtors')
      .select(['id', 'kind', 'first_name', 'last_name', 'company_name', 'birth_date', 'merged_into', 'created_at'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('debtor_addresses')
      .select(['debtor_id', 'line1', 'line2', 'postal_code', 'city', 'country'])
      .where('debtor_id', 'in', ids)
      .orderBy('debtor_id')
      .orderBy('is_primary', 'desc')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('debtor_references')
      .innerJoin('creditors', 'creditors.id', 'debtor_references.creditor_id')
      .select(['debtor_references.debtor_id', 'debtor_references.reference', 'creditors.name as creditor_name'])
      .where('debtor_references.debtor_id', 'in', ids)
      .orderBy('creditors.name')
      .orderBy('debtor_references.reference')
      .execute(),
    db
      .selectFrom('cases')
      .innerJoin('creditors', 'creditors.id', 'cases.creditor_id')
      .select([
        'cases.id',
        'cases.debtor_id',
        'cases.reference',
        'cases.stage',
        'cases.status',
        'cases.balance_cents',
        'creditors.name as creditor_name',
      ])
      .where('cases.debtor_id', 'in', ids)
      .orderBy('cases.opened_on')
      .orderBy('cases.reference')
      .execute(),
  ]);
  for (const d of debtors) {
    const address = addresses.find((a) => a.debtor_id === d.id);
    cards.set(d.id, {
      id: d.id,
      displayName: debtorName(d),
      birthDate: d.birth_date,
      address: address
        ? [address.line1, address.line2, `${address.postal_code} ${address.city}`, address.country]
            .filter(Boolean)
            .join(', ')
        : null,
      mergedInto: d.merged_into,
      createdAt: d.created_at.toISOString(),
      references: references
        .filter((r) => r.debtor_id === d.id)
        .map((r) => ({ creditorName: r.creditor_name, reference: r.reference })),
      cases: cases
        .filter((c) => c.debtor_id === d.id)
        .map((c) => ({
          id: c.id,
          reference: c.reference,
          creditorName: c.creditor_name,
          stage: c.stage,
          status: c.status,
          balanceCents: c.balance_cents,
        })),
    });
  }
  return cards;
}

function matchQuery(db: Db) {
  return db
    .selectFrom('debtor_possible_matches as m')
    .leftJoin('users', 'users.id', 'm.reviewed_by')
    .select([
      'm.id',
      'm.status',
      'm.reason',
      'm.note',
      'm.created_at',
      'm.reviewed_at',
      'm.debtor_id',
      'm.candidate_debtor_id',
      'users.display_name as reviewer',
    ]);
}

type MatchRow = Awaited<ReturnType<ReturnType<typeof matchQuery>['executeTakeFirstOrThrow']>>;

async function toViews(db: Db, rows: MatchRow[]): Promise<DebtorMatch[]> {
  const cards = await debtorCards(db, [...new Set(rows.flatMap((r) => [r.debtor_id, r.candidate_debtor_id]))]);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    note: r.note,
    createdAt: r.created_at.toISOString(),
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    reviewedBy: r.reviewer ?? null,
    debtor: cards.get(r.debtor_id)!,
    candidate: cards.get(r.candidate_debtor_id)!,
  }));
}

/** Possible matches with one status: open ones oldest first (the review queue), decided ones newest decision first. */
export async function listMatches(deps: Deps, filter: { status: MatchStatus; limit: number; offset: number }) {
  let query = matchQuery(deps.db).where('m.status', '=', filter.status);
  query =
    filter.status === 'open'
      ? query.orderBy('m.created_at').orderBy('m.id')
      : query.orderBy('m.reviewed_at', 'desc').orderBy('m.id');
  const rows = await query
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .execute();
  return { items: await toViews(deps.db, rows.slice(0, filter.limit)), hasMore: rows.length > filter.limit };
}

export async function getMatch(db: Db, matchId: string): Promise<DebtorMatch> {
  const row = await matchQuery(db).where('m.id', '=', matchId).executeTakeFirst();
  if (!row) throw notFound('The possible match');
  return (await toViews(db, [row]))[0]!;
}
