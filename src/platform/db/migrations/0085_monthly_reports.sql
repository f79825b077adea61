-- The creditors' monthly reports (src/reporting/monthly-report-job.ts, docs/reporting.md "The monthly report"): one row
-- per creditor and month sent to the creditor's contact, with the hashes of the two files that went (PDF and XLSX) and
-- the SMTP Message-ID. The unique key makes the sending once per creditor and month: a job run again, or two workers at
-- once, find the row taken and send nothing.
create table monthly_report_sendings (
  id uuid primary key default uuid_time_ordered(),
  creditor_id uuid not null references creditors (id),
  -- The first day of the month reported on (agency calendar).
  month date not null check (extract(day from month) = 1),
  recipient text not null,
  -- Claimed before the e-mail leaves; set once the relay accepted it. A claim whose sending failed is deleted, so the
  -- next run tries again.
  claimed_at timestamptz not null,
  sent_at timestamptz,
  pdf_sha256 text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  xlsx_sha256 text not null check (xlsx_sha256 ~ '^[0-9a-f]{64}$'),
  message_id text,
  check ((sent_at is null) = (message_id is null)),
  unique (creditor_id, month)
);
