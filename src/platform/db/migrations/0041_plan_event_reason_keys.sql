-- A plan's history (plan_events) stored the system's reasons as French text, read back by pattern into texts of the
-- case file (src/plans/core/event-reasons.ts). A new row stores the key and its parameters instead
-- (src/cases/core/record-texts.ts), which the web app says in the reader's language; a person's reason stays in
-- `reason`, as written. Older rows are never updated (plan_events is append-only): their French text is read back by
-- pattern as before.
alter table plan_events alter column reason drop not null;
alter table plan_events add column reason_key text;
alter table plan_events add column reason_params jsonb not null default '{}'::jsonb;
alter table plan_events
  add constraint plan_events_reason_present check ((reason is null) <> (reason_key is null));
