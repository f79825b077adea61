-- Opening a special-category document (a medical certificate) is a read of special-category data like a budget's
-- health line: recorded in sensitive_reads with its need-to-know ground, sealed into the audit chain in batches, and
-- shown on the debtor's trail.
alter table sensitive_reads drop constraint sensitive_reads_subject_check;
alter table sensitive_reads add constraint sensitive_reads_subject_check
  check (subject in ('budget', 'vulnerability', 'audit_trail', 'document'));
