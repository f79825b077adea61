-- Possible duplicates reviewed by a person: a record found to be the same person as an older one is merged into it.
-- The merged record stays (its history and audit entries name it) and points at the survivor.
alter table debtors add column merged_into uuid references debtors (id);
alter table debtors add constraint debtors_not_merged_into_self check (merged_into is null or merged_into <> id);

-- A case emptied by a merge (its claims moved to the survivor's case with the same creditor) closes as 'merged'.
alter table cases drop constraint cases_close_reason_check;
alter table cases add constraint cases_close_reason_check check (close_reason in ('paid', 'recalled', 'time_barred', 'deceased',
  'personal_recovery', 'settled', 'written_off', 'merged', 'other'));

-- Which person decided on a possible match, and why.
alter table debtor_possible_matches add column note text;
