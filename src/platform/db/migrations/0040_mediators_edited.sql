-- Compliance officers and administrators edit the mediators a refusal names: a change is a row of its own from a
-- date (the row in force on a day is the latest of its scope on or before it), and who wrote it is kept. One row a
-- scope (country, creditor or sector) and a day, so that the row in force is never in doubt.
alter table mediators add column updated_by uuid references users (id);
alter table mediators add column updated_at timestamptz;
create unique index mediators_one_a_day on mediators (country, coalesce(creditor_id::text, ''), coalesce(sector, ''),
  valid_from);
