-- The day's print run for the mail house (src/communications/print-run/): the first letters issued in one batch,
-- one PDF and a CSV manifest kept under DATA_DIR, then the posting confirmed by a person. Returned mail (NPAI) is
-- recorded on the letter of the run it came from.
create table print_runs (
  id uuid primary key default uuid_time_ordered(),
  run_date date not null,
  status text not null default 'preparing' check (status in ('preparing', 'ready', 'posted')),
  prepared_by uuid not null references users (id),
  prepared_at timestamptz not null,
  letter_count integer not null default 0 check (letter_count >= 0),
  page_count integer not null default 0 check (page_count >= 0),
  sheet_count integer not null default 0 check (sheet_count >= 0),
  -- The cases the run left out, each with the problem code that refused it: [{caseId, caseReference, code}].
  refused jsonb not null default '[]',
  pdf_sha256 text,
  manifest_sha256 text,
  posted_on date,
  posted_by uuid references users (id),
  posted_at timestamptz,
  check ((status = 'posted') = (posted_on is not null)),
  check ((posted_on is null) = (posted_at is null) and (posted_on is null) = (posted_by is null)),
  check (posted_on is null or posted_on >= run_date)
);
create index print_runs_date on print_runs (run_date desc, prepared_at desc);

create table print_run_letters (
  print_run_id uuid not null references print_runs (id),
  sequence integer not null check (sequence >= 1),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  address_id uuid not null references debtor_addresses (id),
  letter_reference text not null,
  document_id uuid not null,
  first_page integer not null check (first_page >= 1),
  pages integer not null check (pages >= 1),
  returned_on date,
  return_reason text check (return_reason is null or length(return_reason) <= 200),
  primary key (print_run_id, sequence)
);
create unique index print_run_letters_reference on print_run_letters (letter_reference);
create index print_run_letters_case on print_run_letters (case_id);
