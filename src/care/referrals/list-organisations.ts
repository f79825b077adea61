import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.js';
import type { OrganisationList, OrganisationQuery } from './contract.js';
import { organisationView } from './organisation-view.js';

/**
 * The directory (a few hundred rows at most), by country then name, filtered: by country, by what an organisation
 * helps with, by its area (a national organisation has none: an area asks for the local ones), active or not.
 */
export async function listOrganisations(deps: Deps, query: OrganisationQuery): Promise<OrganisationList> {
  let select = deps.db.selectFrom('care_organisations').selectAll().orderBy('country').orderBy('name');
  if (query.country) select = select.where('country', '=', query.country);
  const helps = query.helpsWith;
  if (helps) select = select.where(sql<boolean>`${helps} = any(helps_with)`);
  if (query.area) select = select.where('area', '=', query.area);
  if (query.active) select = select.where('active', '=', query.active === 'true');
  const rows = await select.execute();
  return { items: rows.map(organisationView) };
}
