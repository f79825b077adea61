-- Bank files (issue 7, ISO 20022; docs/bank-files.md): SEPA direct debit mandates and the collections issued in pain.008
-- files, bank statements imported from camt.053/camt.054 files and each of their lines, and the matching queue of
-- credits a person must assign.

-- A SEPA Core mandate signed by a debtor for a case. The reference is unique (EPC rulebook: the creditor identifier and
-- the mandate reference identify a mandate). The IBAN is checked (ISO 13616) by the service; stored without spaces.
create table sepa_mandates (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^[A-Za-z0-9/?:().,''+-]{1,35}$'),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  debtor_name text not null check (length(debtor_name) between 1 and 140),
  debtor_iban text not null check (debtor_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  debtor_bic text check (debtor_bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
  signed_on date not null,
  -- FRST until a first collection was issued under it, then RCUR.
  sequence text not null default 'first' check (sequence in ('first', 'recurring')),
  status text not null default 'active' check (status in ('active', 'revoked')),
  revoked_on date,
  revoke_reason text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((status = 'revoked') = (revoked_on is not null))
);
create index sepa_mandates_case on sepa_mandates (case_id);
create index sepa_mandates_iban on sepa_mandates (debtor_iban) where status = 'active';

-- One direct debit Accord issued in a pain.008 file: one per instalment, with its end-to-end id (what the bank
-- reports back on the statement's credit or return). Issuing the file for a date again reuses these rows.
create table sepa_collections (
  id uuid primary key default gen_random_uuid(),
  end_to_end_id text not null unique,
  mandate_id uuid not null references sepa_mandates (id),
  case_id uuid not null references cases (id),
  instalment_id uuid unique references plan_instalments (id),
  amount_cents bigint not null check (amount_cents > 0),
  collection_date date not null,
  sequence text not null check (sequence in ('FRST', 'RCUR')),
  message_id text not null,
  issued_by uuid references users (id),
  issued_at timestamptz not null
);
create index sepa_collections_date on sepa_collections (collection_date);

-- A statement file imported once: the same file (same SHA-256) again changes nothing.
create table bank_statement_imports (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null unique,
  kind text not null check (kind in ('camt.053', 'camt.054')),
  message_version text,
  message_id text not null,
  file_name text,
  account_ibans jsonb not null,
  status text not null default 'processing' check (status in ('processing', 'completed')),
  counts jsonb,
  imported_by uuid references users (id),
  imported_at timestamptz not null,
  completed_at timestamptz
);
create index bank_statement_imports_recent on bank_statement_imports (imported_at desc);

-- Each transaction of a statement and what became of it: recorded as a payment, queued for a person, ignored (with
-- the reason: a debit, not booked, a duplicate of an earlier line) or reversed (a returned direct debit, with the
-- payment it reversed). `pending` lasts between the import's commit and the recording of its certain matches.
create table bank_statement_lines (
  id uuid primary key default gen_random_uuid(),
  import_id uuid not null references bank_statement_imports (id),
  line_number integer not null check (line_number >= 1),
  identity text not null,
  entry_number integer not null,
  transaction_number integer not null,
  kind text not null check (kind in ('credit', 'return', 'debit')),
  booking_status text not null,
  amount_cents bigint not null check (amount_cents > 0),
  booking_date date,
  value_date date,
  end_to_end_id text,
  account_servicer_reference text,
  mandate_reference text,
  remittance_text text,
  creditor_reference text,
  debtor_name text,
  debtor_iban text,
  return_reason text,
  bank_transaction_code text,
  status text not null check (status in ('pending', 'recorded', 'queued', 'ignored', 'reversed')),
  reason text not null,
  confidence text check (confidence in ('certain', 'probable', 'none')),
  case_id uuid references cases (id),
  payment_id uuid references payments (id),
  -- The first line with the same identity, when this one repeats it (in this file or an earlier one).
  duplicate_of uuid references bank_statement_lines (id),
  updated_at timestamptz not null,
  unique (import_id, line_number),
  check ((status = 'recorded' or status = 'reversed') = (payment_id is not null))
);
-- One booked line per bank transaction takes effect; its repetitions are ignored (an entry not yet booked claims
-- nothing: the bank books it in a later file).
create unique index bank_statement_lines_identity on bank_statement_lines (identity) where duplicate_of is null and booking_status = 'BOOK';
create index bank_statement_lines_end_to_end on bank_statement_lines (end_to_end_id) where end_to_end_id is not null;

-- Credits waiting for a person: the suggestion, its confidence and reason, the cases considered, and the decision.
create table bank_match_queue (
  id uuid primary key default gen_random_uuid(),
  line_id uuid not null unique references bank_statement_lines (id),
  confidence text not null check (confidence in ('probable', 'none')),
  reason text not null,
  suggested_case_id uuid references cases (id),
  candidate_case_ids jsonb not null,
  status text not null default 'open' check (status in ('open', 'assigned', 'dismissed')),
  assigned_case_id uuid references cases (id),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null,
  check ((status = 'open') = (decided_at is null)),
  check ((status = 'assigned') = (assigned_case_id is not null))
);
create index bank_match_queue_open on bank_match_queue (created_at) where status = 'open';
