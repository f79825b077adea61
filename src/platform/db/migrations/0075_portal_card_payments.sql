-- Card payments on the debtor portal (src/portal/portal-payments.ts, docs/portal.md "Paying"): a checkout the person
-- starts with the card provider (behind one adapter, src/portal/card/), then the provider's signed webhook that says
-- it was paid, which records the payment through the payments service. The checkout is made once per key the person's
-- page sends (a double click, a retry), and a paid checkout records one payment only: the provider's checkout id is
-- unique, its payment is unique, and a replayed event finds the checkout already paid.
create table portal_card_payments (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  debtor_id uuid not null references debtors (id),
  creditor_id uuid not null references creditors (id),
  -- The adapter that made it ('stripe'); its checkout id there, unique.
  provider text not null check (length(provider) between 1 and 40),
  provider_ref text not null check (length(provider_ref) between 1 and 255),
  -- The provider's payment page the person is sent to (the same page again for the same key).
  redirect_url text not null check (length(redirect_url) between 1 and 2000),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null default 'EUR' check (currency = 'EUR'),
  -- What the person chose to pay: the balance, the plan's next instalment or an amount of their own.
  purpose text not null check (purpose in ('balance', 'instalment', 'amount')),
  -- The key the person's page sent: the same key on the same case gives the same checkout.
  idempotency_key text not null check (length(idempotency_key) between 8 and 100),
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'expired')),
  -- The provider's event that settled it, and the payment recorded (once).
  event_id text check (length(event_id) between 1 and 255),
  payment_id uuid references payments (id),
  created_at timestamptz not null,
  settled_at timestamptz,
  unique (provider, provider_ref),
  unique (case_id, idempotency_key),
  unique (payment_id),
  unique (provider, event_id),
  check ((status = 'paid') = (payment_id is not null)),
  check ((status = 'pending') = (settled_at is null))
);
create index portal_card_payments_debtor on portal_card_payments (debtor_id, created_at desc);

-- A payment made on the portal (a card payment the provider confirmed) is recorded with its own source.
alter table payments drop constraint payments_source_check;
alter table payments add constraint payments_source_check check (source in ('api', 'web', 'bank_statement', 'portal'));
