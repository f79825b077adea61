-- A judicial procedure names the partner handling it (a commissaire de justice or a lawyer) among the agency's
-- partners (0045). Migration 0044 kept a plain uuid while the partners' table did not exist yet; an id that names no
-- partner is cleared rather than kept pointing nowhere.
update judicial_procedures set partner_id = null
  where partner_id is not null and partner_id not in (select id from judicial_partners);
alter table judicial_procedures
  add constraint judicial_procedures_partner_fk foreign key (partner_id) references judicial_partners (id);
create index judicial_procedures_partner_idx on judicial_procedures (partner_id) where partner_id is not null;
