import type { Transaction } from 'kysely';
import { appendAudit, type AuditActor } from '../audit/append.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { PoleView, TeamKind, TeamList, TeamView } from './contract.js';

/**
 * Teams and poles (issue 21). A pole groups teams under one manager (the judicial pole, the amicable pole); a team
 * belongs to at most one. Every change is audited with its actor in the change's transaction.
 */

export async function listTeams(db: Deps['db']): Promise<TeamList> {
  const teams = await db
    .selectFrom('teams as t')
    .leftJoin('poles as p', 'p.id', 't.pole_id')
    .select((eb) => [
      't.id',
      't.name',
      't.kind',
      't.pole_id',
      'p.name as pole_name',
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.team_id', '=', 't.id')
        .as('members'),
    ])
    .orderBy('t.name')
    .execute();
  const poles = await db
    .selectFrom('poles as p')
    .select((eb) => [
      'p.id',
      'p.name',
      eb
        .selectFrom('teams as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.pole_id', '=', 'p.id')
        .as('teams'),
    ])
    .orderBy('p.name')
    .execute();
  return {
    items: teams.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind as TeamKind,
      poleId: row.pole_id,
      poleName: row.pole_name,
      members: Number(row.members ?? 0),
    })),
    poles: poles.map((row) => ({ id: row.id, name: row.name, teams: Number(row.teams ?? 0) })),
  };
}

async function assertNameFree(trx: Transaction<DB>, table: 'teams' | 'poles', name: string, exceptId?: string) {
  let query = trx.selectFrom(table).select('id').where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    const what = table === 'teams' ? 'team' : 'pole';
    throw conflict(`${table}.name_taken`, `A ${what} is already called ${name}: choose another name.`, { name });
  }
}

async function assertPole(trx: Transaction<DB>, poleId: string | null | undefined) {
  if (!poleId) return;
  if (!(await trx.selectFrom('poles').select('id').where('id', '=', poleId).executeTakeFirst())) {
    throw invalid('teams.unknown_pole', `The poleId ${poleId} names no pole: pick one from GET /api/v1/teams.`, {
      poleId,
    });
  }
}

async function teamView(db: Deps['db'], id: string): Promise<TeamView> {
  const team = (await listTeams(db)).items.find((item) => item.id === id);
  if (!team) throw notFound('The team');
  return team;
}

export async function createTeam(
  deps: Deps,
  actor: AuditActor,
  input: { name: string; kind: TeamKind; poleId?: string | null | undefined },
  requestId: string | null = null,
): Promise<TeamView> {
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, 'teams', input.name);
    await assertPole(trx, input.poleId);
    const row = await trx
      .insertInto('teams')
      .values({ name: input.name, kind: input.kind, pole_id: input.poleId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'team.created',
      targetType: 'team',
      targetId: row.id,
      after: input,
      requestId,
      at: deps.now(),
    });
    return row.id;
  });
  return teamView(deps.db, id);
}

/** Renames a team and/or attaches it to a pole (null: to none). */
export async function updateTeam(
  deps: Deps,
  actor: AuditActor,
  teamId: string,
  input: { name?: string | undefined; poleId?: string | null | undefined },
  requestId: string | null = null,
): Promise<TeamView> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('teams')
      .select(['id', 'name', 'pole_id'])
      .where('id', '=', teamId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('The team');
    if (input.name !== undefined) await assertNameFree(trx, 'teams', input.name, teamId);
    await assertPole(trx, input.poleId);
    const after = {
      name: input.name ?? before.name,
      pole_id: input.poleId !== undefined ? input.poleId : before.pole_id,
    };
    await trx.updateTable('teams').set(after).where('id', '=', teamId).execute();
    await appendAudit(trx, {
      actor,
      action: 'team.updated',
      targetType: 'team',
      targetId: teamId,
      before: { name: before.name, poleId: before.pole_id },
      after: { name: after.name, poleId: after.pole_id },
      requestId,
      at: deps.now(),
    });
  });
  return teamView(deps.db, teamId);
}

/** Creates a pole, or renames one (`poleId`). */
export async function savePole(
  deps: Deps,
  actor: AuditActor,
  input: { name: string; poleId?: string },
  requestId: string | null = null,
): Promise<PoleView> {
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, 'poles', input.name, input.poleId);
    const before = input.poleId
      ? await trx
          .selectFrom('poles')
          .select(['id', 'name'])
          .where('id', '=', input.poleId)
          .forUpdate()
          .executeTakeFirst()
      : null;
    if (input.poleId && !before) throw notFound('The pole');
    const row = before
      ? await trx
          .updateTable('poles')
          .set({ name: input.name })
          .where('id', '=', before.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx.insertInto('poles').values({ name: input.name }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: before ? 'pole.renamed' : 'pole.created',
      targetType: 'pole',
      targetId: row.id,
      before: before ? { name: before.name } : null,
      after: { name: input.name },
      requestId,
      at: deps.now(),
    });
    return row.id;
  });
  const pole = (await listTeams(deps.db)).poles.find((item) => item.id === id);
  if (!pole) throw notFound('The pole');
  return pole;
}
