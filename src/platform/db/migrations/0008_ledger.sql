-- The money: payments, and an append-only double-entry ledger in integer cents.
--
-- Accounts (each entry names one, with its dimension):
--   cash              the agency's collection bank account (debit: money in)
--   debtor_credit     per debtor: money received and not yet allocated (credit: owed to the debtor)
--   claim             per claim and component: movements after placement (credit: paid off; debit: corrected up)
--   creditor_placed   per creditor: the counterpart of the claims it placed
--   creditor_payable  per creditor: collected money owed to the creditor, net of commission
--   agency_income     per creditor: the agency's commission (or all of it on purchased debt)
-- Debits are positive amounts, credits negative; every transaction sums to zero.

create sequence receipt_number_seq;

create table payments (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  channel text not null check (channel in ('bank_transfer', 'card', 'cheque', 'cash_partner', 'direct_debit', 'creditor_reported')),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null default 'EUR' check (currency = 'EUR'),
  received_on date not null,
  reference text,
  payer_name text,
  payer_iban text,
  debtor_choice jsonb,
  note text,
  source text not null check (source in ('api', 'web', 'bank_statement')),
  -- The receipt (quittance, CPCE R124-6) every payment gets.
  receipt_number text not null unique,
  status text not null default 'recorded' check (status in ('recorded', 'reversed')),
  reversed_at timestamptz,
  reversal_kind text check (reversal_kind in ('returned_direct_debit', 'bounced_cheque', 'chargeback', 'error')),
  reversal_reason text,
  idempotency_key text not null unique,
  request_hash text not null,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  check ((status = 'reversed') = (reversed_at is not null))
);
create index payments_case on payments (case_id, received_on desc);
create index payments_debtor on payments (debtor_id);
create index payments_creditor_received on payments (creditor_id, received_on);

create table ledger_transactions (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity unique,
  kind text not null check (kind in ('receipt', 'allocation', 'adjustment', 'refund', 'remittance', 'reversal')),
  occurred_at timestamptz not null,
  payment_id uuid references payments (id),
  -- A reversal names what it reverses; a transaction is reversed at most once.
  reverses_id uuid unique references ledger_transactions (id),
  reason text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  check ((kind = 'reversal') = (reverses_id is not null))
);
create index ledger_transactions_payment on ledger_transactions (payment_id);

create table ledger_entries (
  id bigint generated always as identity primary key,
  transaction_id uuid not null references ledger_transactions (id),
  account text not null check (account in ('cash', 'debtor_credit', 'claim', 'creditor_placed', 'creditor_payable', 'agency_income')),
  amount_cents bigint not null check (amount_cents <> 0),
  debtor_id uuid references debtors (id),
  claim_id uuid references claims (id),
  component text check (component in ('principal', 'interest', 'fees')),
  creditor_id uuid references creditors (id),
  check ((account = 'claim') = (claim_id is not null and component is not null)),
  check (account <> 'debtor_credit' or debtor_id is not null),
  check (account not in ('creditor_placed', 'creditor_payable', 'agency_income') or creditor_id is not null)
);
create index ledger_entries_transaction on ledger_entries (transaction_id);
create index ledger_entries_claim on ledger_entries (claim_id) where claim_id is not null;
create index ledger_entries_debtor on ledger_entries (debtor_id) where account = 'debtor_credit';
create index ledger_entries_creditor on ledger_entries (creditor_id, account);

-- Nothing in the ledger is ever edited or deleted: a correction is a new, reversing transaction.
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the ledger is append-only: % on % is refused; post a reversing transaction instead', tg_op, tg_table_name;
end $$;
create trigger ledger_transactions_append_only before update or delete on ledger_transactions
  for each row execute function ledger_refuse_change();
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_refuse_change();
create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
  for each statement execute function ledger_refuse_change();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_refuse_change();

-- What each claim's components have been paid off (net of reversals and corrections), cached from the ledger for
-- balances and lists, and checked against it by `npm run ledger:verify`.
alter table claims add column settled_principal_cents bigint not null default 0;
alter table claims add column settled_interest_cents bigint not null default 0;
alter table claims add column settled_fees_cents bigint not null default 0;

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed'));
