-- The complaints' and time bars' tables draw time-ordered ids like every other table (migration 0012): new rows land
-- at the end of their primary key's index instead of at random pages.
alter table complaints alter column id set default uuid_time_ordered();
alter table complaint_deadline_rules alter column id set default uuid_time_ordered();
alter table mediators alter column id set default uuid_time_ordered();
alter table time_bar_rules alter column id set default uuid_time_ordered();
alter table claim_interruptions alter column id set default uuid_time_ordered();
