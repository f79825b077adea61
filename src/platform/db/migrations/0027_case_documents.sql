-- Documents on a case (proof of income, a creditor's evidence, a death certificate, a court decision, correspondence):
-- the file itself is stored by its id under DATA_DIR (src/documents/storage.ts), never by its name; this table keeps
-- what it is, where it came from, who uploaded it, its SHA-256 and how long it is kept (REGULATION.md §14).

-- How long each type of document is kept after its case closes, as dated reference data: the row in force on the day
-- a document is uploaded is copied onto it, so a later change never shortens or lengthens what was announced.
create table document_retention_periods (
  id uuid primary key default uuid_time_ordered(),
  document_type text not null,
  valid_from date not null,
  months_after_closure integer not null check (months_after_closure between 1 and 1200),
  -- The ground of the period, named by a stable key the web app words in the reader's language.
  basis text not null check (basis in ('limitation', 'enforcement', 'minimisation')),
  created_at timestamptz not null default now(),
  unique (document_type, valid_from)
);

insert into document_retention_periods (document_type, valid_from, months_after_closure, basis) values
  ('proof_of_income', '2020-01-01', 12, 'minimisation'),
  ('identity_proof', '2020-01-01', 12, 'minimisation'),
  ('medical_proof', '2020-01-01', 12, 'minimisation'),
  ('death_certificate', '2020-01-01', 60, 'limitation'),
  ('creditor_evidence', '2020-01-01', 60, 'limitation'),
  ('correspondence', '2020-01-01', 60, 'limitation'),
  ('other', '2020-01-01', 60, 'limitation'),
  ('court_decision', '2020-01-01', 120, 'enforcement');

create table case_documents (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  -- The case's creditor and debtor, copied for scope and need-to-know without a join (a case never changes either).
  creditor_id uuid not null references creditors (id),
  debtor_id uuid not null references debtors (id),
  document_type text not null check (document_type in ('proof_of_income', 'identity_proof', 'medical_proof',
    'death_certificate', 'creditor_evidence', 'court_decision', 'correspondence', 'other')),
  source text not null check (source in ('agent', 'debtor', 'creditor', 'court', 'bailiff', 'third_party')),
  -- The name the file had on the uploader's machine, as metadata only (never a path).
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  description text check (length(description) <= 500),
  shared_with_creditor boolean not null,
  -- Health and other special-category details (GDPR art. 9): read on need-to-know only, never shared with creditors.
  special_category boolean not null,
  uploaded_by uuid not null references users (id),
  uploaded_at timestamptz not null,
  retention_months integer not null check (retention_months between 1 and 1200),
  retention_basis text not null check (retention_basis in ('limitation', 'enforcement', 'minimisation')),
  check (not (special_category and shared_with_creditor)),
  check (document_type <> 'medical_proof' or special_category)
);
create index case_documents_case on case_documents (case_id, uploaded_at desc);
