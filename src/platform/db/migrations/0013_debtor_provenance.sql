-- Provenance of debtor facts. One person has one debtor record across creditors (one contact policy, one budget,
-- no double calls), but a creditor is entitled only to what its own files supplied (GDPR art. 5(1)(b), art. 28): each
-- creditor that supplied an address, a phone or an e-mail is recorded beside the fact, and the identity each creditor
-- gave is kept on its own reference. A creditor's projection reads these; agents read the facts with their sources.

-- Which creditors supplied an address (several files may name the same one), from which placement.
create table debtor_address_sources (
  address_id uuid not null references debtor_addresses (id),
  creditor_id uuid not null references creditors (id),
  placement_id uuid references placements (id),
  recorded_at timestamptz not null default now(),
  primary key (address_id, creditor_id)
);
create index debtor_address_sources_creditor on debtor_address_sources (creditor_id);

create table debtor_contact_point_sources (
  contact_point_id uuid not null references debtor_contact_points (id),
  creditor_id uuid not null references creditors (id),
  placement_id uuid references placements (id),
  recorded_at timestamptz not null default now(),
  primary key (contact_point_id, creditor_id)
);
create index debtor_contact_point_sources_creditor on debtor_contact_point_sources (creditor_id);

-- Mail returned "n'habite pas à l'adresse indiquée": kept for the record, never written to again.
alter table debtor_addresses add column undeliverable_at timestamptz;

-- The identity as this creditor's file gave it (the debtor row keeps the first one the agency learnt).
alter table debtor_references
  add column placement_id uuid references placements (id),
  add column title text,
  add column first_name text,
  add column last_name text,
  add column birth_name text,
  add column birth_date date,
  add column birth_place text,
  add column company_name text,
  add column registration_number text;

-- Facts recorded before provenance that came from a creditor's file are credited to the creditor of the debtor's
-- oldest case, the file that created the record (intake added a later creditor's facts beside them, unsourced).
insert into debtor_address_sources (address_id, creditor_id, recorded_at)
select a.id, first_case.creditor_id, a.created_at
from debtor_addresses a
cross join lateral (
  select c.creditor_id from cases c where c.debtor_id = a.debtor_id order by c.opened_on, c.id limit 1
) first_case
where a.source = 'creditor';

insert into debtor_contact_point_sources (contact_point_id, creditor_id, recorded_at)
select p.id, first_case.creditor_id, p.created_at
from debtor_contact_points p
cross join lateral (
  select c.creditor_id from cases c where c.debtor_id = p.debtor_id order by c.opened_on, c.id limit 1
) first_case
where p.source = 'creditor';

update debtor_references r
set title = d.title, first_name = d.first_name, last_name = d.last_name, birth_name = d.birth_name,
  birth_date = d.birth_date, birth_place = d.birth_place, company_name = d.company_name,
  registration_number = d.registration_number
from debtors d
where d.id = r.debtor_id;
