-- Agents and teams (docs/reporting.md): per person and day of the agency's calendar, what they did and how it went:
-- calls and conversations they recorded, promises they took, plans they agreed, the money attributed to them (payments
-- following their promise or plan on the case), and beside it the quality of their calls (reviews and the sum of their
-- scores) and what debtors said (survey answers and the satisfied ones, 4 or 5). The reporting job
-- (src/reporting/refresh-teams.ts) rewrites it with the portfolio facts every five minutes, so the report reads a few
-- hundred rows, never the contacts or the payments themselves. A day with nothing has no row.
create table agent_day_facts (
  agent_id uuid not null references users (id),
  day date not null,
  calls integer not null default 0 check (calls >= 0),
  conversations integer not null default 0 check (conversations >= 0),
  promises integer not null default 0 check (promises >= 0),
  plans integer not null default 0 check (plans >= 0),
  payments integer not null default 0 check (payments >= 0),
  collected_cents bigint not null default 0,
  reviews integer not null default 0 check (reviews >= 0),
  review_score_bp_sum bigint not null default 0 check (review_score_bp_sum >= 0),
  answers integer not null default 0 check (answers >= 0),
  satisfied integer not null default 0 check (satisfied >= 0 and satisfied <= answers),
  primary key (agent_id, day)
);

create index agent_day_facts_day on agent_day_facts (day);
