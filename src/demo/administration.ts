import { appendAudit, SYSTEM_ACTOR } from '../audit/append.js';
import { staffActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { prepareRemittance } from '../remittances/prepare-remittance.js';

/** The second manager: remittances are released by another person than the one who prepared them. */
export const SECOND_MANAGER = { email: 'manager2@demo.accord.test', displayName: 'Thomas Bernard' } as const;

/** Poles group the teams a manager leads. */
const POLES = [
  { name: 'Pôle amiable', teams: ['Amiable Lyon', 'Cellule accompagnement'] },
  { name: 'Pôle contentieux', teams: ['Surendettement', 'Pôle judiciaire'] },
] as const;

/**
 * The demo's administration and four-eyes work: poles over the teams, a second manager, and a remittance prepared by
 * the first manager that waits for the second to release it. Runs after the demo payments.
 */
export async function loadDemoAdministration(deps: Deps, passwordHash: string): Promise<void> {
  const now = deps.now();
  const manager = await deps.db.transaction().execute(async (trx) => {
    for (const pole of POLES) {
      const row = await trx.insertInto('poles').values({ name: pole.name }).returning('id').executeTakeFirstOrThrow();
      await trx
        .updateTable('teams')
        .set({ pole_id: row.id })
        .where('name', 'in', [...pole.teams])
        .execute();
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'pole.created',
        targetType: 'pole',
        targetId: row.id,
        after: pole,
        at: now,
      });
    }
    const team = await trx.selectFrom('teams').select('id').where('name', '=', 'Direction').executeTakeFirst();
    const second = await trx
      .insertInto('users')
      .values({
        email: SECOND_MANAGER.email,
        display_name: SECOND_MANAGER.displayName,
        role: 'manager',
        team_id: team?.id ?? null,
        locale: 'fr',
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'user.created',
      targetType: 'user',
      targetId: second.id,
      after: { email: SECOND_MANAGER.email, role: 'manager' },
      at: now,
    });
    return trx
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'manager')
      .where('email', '<>', SECOND_MANAGER.email)
      .orderBy('email')
      .executeTakeFirst();
  });
  if (manager) await prepareOneRemittance(deps, manager);
}

/**
 * The first creditor with collections waiting gets a remittance prepared by the first manager, not released. Telco
 * Alpi's portfolio was bought (its collections are the agency's, nothing is paid out), so it comes last: a release
 * shows its transfer only when something is paid out.
 */
async function prepareOneRemittance(
  deps: Deps,
  manager: { id: string; role: Actor['role']; display_name: string; email: string },
) {
  const actor = staffActor(manager);
  const periodTo = agencyToday(deps.now(), deps.config);
  for (const code of ['ENERHONE', 'BHORIZON', 'TELCOALPI']) {
    const creditor = await deps.db.selectFrom('creditors').select('id').where('code', '=', code).executeTakeFirst();
    if (!creditor) continue;
    try {
      await prepareRemittance(deps, actor, { creditorId: creditor.id, periodTo });
      return;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}
