import type { Actor } from '../identity/actor.js';
import type { Deps } from '../platform/deps.js';

/** The demo's people, by e-mail, as the actors of the services that make the demo's work. */
export async function demoActors(deps: Deps, emails: readonly string[]): Promise<Map<string, Actor>> {
  if (emails.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'creditor_id', 'display_name', 'email', 'locale'])
    .where('email', 'in', emails)
    .execute();
  return new Map(
    rows.map((row) => [
      row.email,
      {
        userId: row.id,
        role: row.role,
        creditorId: row.creditor_id,
        displayName: row.display_name,
        email: row.email,
        locale: row.locale,
      },
    ]),
  );
}
