import type { OrganisationView } from './api.js';

/** How to reach an organisation: its phone, e-mail, website and address, each on its own line. */
export function OrganisationContact({
  organisation,
}: {
  organisation: Pick<OrganisationView, 'phone' | 'email' | 'website' | 'address'>;
}) {
  return (
    <>
      {organisation.phone ? <span className="cell-detail">{organisation.phone}</span> : null}
      {organisation.email ? (
        <span className="cell-detail">
          <a href={`mailto:${organisation.email}`}>{organisation.email}</a>
        </span>
      ) : null}
      {organisation.website ? (
        <span className="cell-detail">
          <a href={organisation.website} rel="noreferrer" target="_blank">
            {organisation.website.replace(/^https?:\/\//, '')}
          </a>
        </span>
      ) : null}
      {organisation.address ? <span className="cell-detail">{organisation.address}</span> : null}
    </>
  );
}
