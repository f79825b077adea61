import type { Transaction } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { CASE_WORKERS } from '../identity/core/roles.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';

type Db = Deps['db'] | Transaction<DB>;

export interface ReviewedPerson {
  id: string;
  displayName: string;
  teamId: string | null;
  teamName: string | null;
}

/** The roles whose calls are reviewed: those who work cases with debtors and record their calls. */
const REVIEWED_ROLES = [...CASE_WORKERS];

/**
 * The people whose calls an actor reviews, as in the team queues' supervision (workspace/supervision.ts): a team leader
 * their own team's case workers (never themselves: a manager reviews a team leader's calls), a manager every case
 * worker. Anyone else, no one.
 */
export async function reviewablePeople(db: Db, actor: Actor): Promise<ReviewedPerson[]> {
  if (actor.role !== 'team_leader' && actor.role !== 'manager') return [];
  let query = db
    .selectFrom('users as u')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select(['u.id', 'u.display_name', 'u.team_id', 't.name as team_name'])
    .where('u.role', 'in', REVIEWED_ROLES)
    .where('u.active', '=', true)
    .where('u.id', '<>', actor.userId)
    .orderBy('t.name')
    .orderBy('u.display_name')
    .orderBy('u.id');
  if (actor.role === 'team_leader') {
    const me = await db.selectFrom('users').select('team_id').where('id', '=', actor.userId).executeTakeFirst();
    if (!me?.team_id) return [];
    query = query.where('u.team_id', '=', me.team_id);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    teamId: row.team_id,
    teamName: row.team_name,
  }));
}

/** Whether the actor oversees this person (reviews their calls, reads their reviews): their team leader, a manager. */
export async function oversees(db: Db, actor: Actor, personId: string): Promise<ReviewedPerson | null> {
  if (actor.role !== 'team_leader' && actor.role !== 'manager') return null;
  const people = await reviewablePeople(db, actor);
  return people.find((person) => person.id === personId) ?? null;
}

/** The person, when the actor oversees them; a 403 otherwise (another team's agent, or oneself). */
export async function assertOversees(db: Db, actor: Actor, personId: string): Promise<ReviewedPerson> {
  const person = await oversees(db, actor, personId);
  if (!person)
    throw new AppError(
      'quality.not_your_team',
      403,
      'You review and coach only the agents of your own team (a manager: every case worker), never yourself.',
    );
  return person;
}
