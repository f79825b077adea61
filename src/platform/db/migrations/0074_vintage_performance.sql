-- Portfolio performance (docs/reporting.md): what was placed and what was collected, by creditor, mandate and vintage
-- (the month the cases were placed with the agency), and collected by month since placement. The reporting job
-- (src/reporting/refresh-performance.ts) rewrites both tables every five minutes from the cases, claims and payments,
-- so a report reads a few hundred rows instead of every case, and is never more than five minutes old.
create table vintage_placed (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  vintage date not null check (extract(day from vintage) = 1),
  cases integer not null check (cases > 0),
  placed_cents bigint not null check (placed_cents >= 0),
  primary key (creditor_id, mandate_id, vintage)
);

create table vintage_collected (
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  vintage date not null check (extract(day from vintage) = 1),
  months_since integer not null check (months_since >= 0),
  payments integer not null check (payments > 0),
  collected_cents bigint not null,
  primary key (creditor_id, mandate_id, vintage, months_since)
);

-- When the figures were last rewritten: one row.
create table performance_refreshes (
  id smallint primary key default 1 check (id = 1),
  refreshed_at timestamptz not null,
  took_ms integer not null
);
