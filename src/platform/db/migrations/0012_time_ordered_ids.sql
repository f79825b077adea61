-- Time-ordered ids (the layout of UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
-- Rows created together get neighbouring ids, so a bulk import appends to the right edge of each primary key
-- and of every index on a foreign key to those rows, instead of touching a random page of each for every row.
-- (PostgreSQL 18 has uuidv7(); this runs on 15 and on the embedded engine.) An id says when its row was made,
-- which the row's created_at already says.
create function uuid_time_ordered() returns uuid
language sql volatile parallel safe
as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

alter table audit_log alter column id set default uuid_time_ordered();
alter table bank_match_queue alter column id set default uuid_time_ordered();
alter table bank_statement_imports alter column id set default uuid_time_ordered();
alter table bank_statement_lines alter column id set default uuid_time_ordered();
alter table case_events alter column id set default uuid_time_ordered();
alter table case_reviews alter column id set default uuid_time_ordered();
alter table case_stage_history alter column id set default uuid_time_ordered();
alter table case_tasks alter column id set default uuid_time_ordered();
alter table cases alter column id set default uuid_time_ordered();
alter table claims alter column id set default uuid_time_ordered();
alter table contact_callbacks alter column id set default uuid_time_ordered();
alter table contact_opt_outs alter column id set default uuid_time_ordered();
alter table contact_overrides alter column id set default uuid_time_ordered();
alter table contacts alter column id set default uuid_time_ordered();
alter table creditor_notifications alter column id set default uuid_time_ordered();
alter table creditors alter column id set default uuid_time_ordered();
alter table debtor_addresses alter column id set default uuid_time_ordered();
alter table debtor_assessments alter column id set default uuid_time_ordered();
alter table debtor_contact_points alter column id set default uuid_time_ordered();
alter table debtor_possible_matches alter column id set default uuid_time_ordered();
alter table debtors alter column id set default uuid_time_ordered();
alter table holds alter column id set default uuid_time_ordered();
alter table ledger_transactions alter column id set default uuid_time_ordered();
alter table mandates alter column id set default uuid_time_ordered();
alter table payments alter column id set default uuid_time_ordered();
alter table placements alter column id set default uuid_time_ordered();
alter table plan_approvals alter column id set default uuid_time_ordered();
alter table plan_instalments alter column id set default uuid_time_ordered();
alter table plan_versions alter column id set default uuid_time_ordered();
alter table plans alter column id set default uuid_time_ordered();
alter table promises alter column id set default uuid_time_ordered();
alter table remittances alter column id set default uuid_time_ordered();
alter table sepa_collections alter column id set default uuid_time_ordered();
alter table sepa_mandates alter column id set default uuid_time_ordered();
alter table teams alter column id set default uuid_time_ordered();
alter table users alter column id set default uuid_time_ordered();
