-- The history columns that name a role, a stage or a plan status held any text, while the code reads them as one of
-- the listed values (found when the Kysely types began to be generated from the database): the database now says so.
alter table user_access_requests
  add constraint user_access_requests_from_role_check
  check (from_role in ('agent', 'team_leader', 'care_specialist', 'overindebtedness_specialist', 'judicial_specialist',
    'compliance_officer', 'manager', 'creditor_user', 'administrator'));

alter table case_stage_history
  add constraint case_stage_history_from_stage_check
  check (from_stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'closed'));
alter table case_stage_history
  add constraint case_stage_history_to_stage_check
  check (to_stage in ('amicable', 'plan', 'dispute', 'overindebtedness', 'judicial', 'closed'));

alter table plan_events
  add constraint plan_events_from_status_check
  check (from_status in ('proposed', 'pending_approval', 'agreed', 'active', 'completed', 'broken', 'cancelled', 'refused'));
alter table plan_events
  add constraint plan_events_to_status_check
  check (to_status in ('proposed', 'pending_approval', 'agreed', 'active', 'completed', 'broken', 'cancelled', 'refused'));
