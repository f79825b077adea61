-- Reading the audit trail by compliance: newest first by time, filtered by day range, author, action family, case or
-- debtor, paged by keyset on (occurred_at, seq). Each index serves one way in, in order, so a page reads about its
-- own rows however long the trail grows. Nothing here touches how entries are written or chained.
create index audit_log_time on audit_log (occurred_at, seq);
create index audit_log_action_time on audit_log (action, occurred_at, seq);
-- Replaces (actor_user_id, occurred_at desc): the same way in, with seq for the keyset's tie-break.
create index audit_log_actor_time on audit_log (actor_user_id, occurred_at, seq);
drop index audit_log_actor;
-- Entries whose target is not a row of the case or debtor (a bank line, a callback request) name them in `after`.
create index audit_log_after_case on audit_log ((after ->> 'caseId')) where after ->> 'caseId' is not null;
create index audit_log_after_debtor on audit_log ((after ->> 'debtorId')) where after ->> 'debtorId' is not null;

-- A debtor's reads of special-category data by time, for their trail (reads and entries merged by time).
create index sensitive_reads_debtor_time on sensitive_reads (debtor_id, read_at, seq);

-- Reading a debtor's audit trail is itself a read of special-category data (it shows who read their health and
-- budget details, and why): recorded like the others.
alter table sensitive_reads drop constraint sensitive_reads_subject_check;
alter table sensitive_reads add constraint sensitive_reads_subject_check
  check (subject in ('budget', 'vulnerability', 'audit_trail'));
