import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';

/**
 * The team a reader is held to: a team leader reads their own team only (whatever they ask; no team, nothing), a
 * manager or a compliance officer every team, or the one asked for. `undefined`: every team; `null`: nothing.
 */
export async function teamScope(
  deps: Deps,
  actor: Actor,
  asked: string | undefined,
): Promise<string | null | undefined> {
  if (actor.role !== 'team_leader') return asked;
  const me = await deps.db.selectFrom('users').select('team_id').where('id', '=', actor.userId).executeTakeFirst();
  return me?.team_id ?? null;
}

/** The teams a reader may choose from, by name: a team leader only their own, others every team; none for nothing. */
export async function teamChoices(deps: Deps, actor: Actor, team: string | null | undefined) {
  if (team === null) return [];
  let choices = deps.db.selectFrom('teams').select(['id', 'name']).orderBy('name').orderBy('id');
  if (team && actor.role === 'team_leader') choices = choices.where('id', '=', team);
  return choices.execute();
}
