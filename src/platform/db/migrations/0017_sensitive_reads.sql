-- Need-to-know on special-category data (GDPR art. 9): every read of a debtor's budget or vulnerability record is
-- written here, in its own append-only table, so that a read never waits for the audit chain's single head row.
-- The seal job appends one audit entry per batch (count and SHA-256 of its rows), which audit:verify re-checks.
create table sensitive_reads (
  seq bigint generated always as identity primary key,
  read_at timestamptz not null,
  user_id uuid not null references users (id),
  role text not null,
  debtor_id uuid not null references debtors (id),
  case_id uuid references cases (id),
  subject text not null check (subject in ('budget', 'vulnerability')),
  -- Why the reader could see it: care team, the case's holder, compliance, a stated reason; 'restricted' for a
  -- budget read with its special-category lines masked.
  basis text not null check (basis in ('care_team', 'case_holder', 'compliance', 'stated_reason', 'restricted')),
  reason text,
  request_id text,
  check ((basis = 'stated_reason') = (reason is not null))
);
create index sensitive_reads_debtor on sensitive_reads (debtor_id, seq desc);
create index sensitive_reads_user on sensitive_reads (user_id, seq desc);

-- One row per sealed batch: the reads from first_seq to last_seq, their count and hash, and the audit entry's hash.
create table sensitive_read_seals (
  last_seq bigint primary key,
  first_seq bigint not null check (first_seq <= last_seq),
  row_count integer not null check (row_count > 0),
  sha256 text not null,
  audit_hash text not null,
  sealed_at timestamptz not null
);

create function sensitive_reads_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger sensitive_reads_no_update_or_delete before update or delete on sensitive_reads
  for each row execute function sensitive_reads_are_append_only();
create trigger sensitive_reads_no_truncate before truncate on sensitive_reads
  for each statement execute function sensitive_reads_are_append_only();
create trigger sensitive_read_seals_no_update_or_delete before update or delete on sensitive_read_seals
  for each row execute function sensitive_reads_are_append_only();
create trigger sensitive_read_seals_no_truncate before truncate on sensitive_read_seals
  for each statement execute function sensitive_reads_are_append_only();
