import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { OrganisationView } from './contract.js';

export type OrganisationRow = Selectable<DB['care_organisations']>;

/** An organisation of the directory as the API gives it. */
export function organisationView(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    country: row.country as OrganisationView['country'],
    name: row.name,
    helpsWith: row.helps_with as OrganisationView['helpsWith'],
    coverage: row.coverage,
    area: row.area,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: row.address,
    description: row.description,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
  };
}
