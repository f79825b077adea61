-- The texts the system writes on a case file (timeline summaries, stage history reasons) were stored in French and
-- shown so in English and Italian pages. A new row stores a key and its parameters (src/cases/core/record-texts.ts)
-- that the web app says in the reader's language; the French text of an older row stays, read as it was written.
alter table case_events alter column summary drop not null;
alter table case_events add column summary_key text;
alter table case_events add column summary_params jsonb not null default '{}'::jsonb;
alter table case_events
  add constraint case_events_summary_present check (summary is not null or summary_key is not null);

alter table case_stage_history alter column reason drop not null;
alter table case_stage_history add column reason_key text;
alter table case_stage_history add column reason_params jsonb not null default '{}'::jsonb;
alter table case_stage_history
  add constraint case_stage_history_reason_present check (reason is not null or reason_key is not null);
