-- Responsible collection (docs/reporting.md, "Responsible collection"): the contact attempts the policy refused, kept
-- by rule, and the facts of the conduct report, rewritten by the five-minute reporting job
-- (src/reporting/refresh-conduct.ts) in the same transaction as the portfolio figures.

-- An outbound contact the policy refused: an agent's attempt (the contact itself is not recorded) or a campaign's
-- message. The rules are the decision's reasons; the case says whose portfolio it was.
create table contact_refusals (
  id uuid primary key default uuid_time_ordered(),
  case_id uuid not null references cases (id),
  creditor_id uuid not null references creditors (id),
  channel text not null check (channel in ('phone', 'sms', 'email', 'letter')),
  source text not null check (source in ('agent', 'campaign')),
  rules text[] not null check (cardinality(rules) > 0),
  refused_at timestamptz not null,
  policy_version integer not null references contact_policy_versions (version)
);
create index contact_refusals_time on contact_refusals (refused_at);

-- One small table of counts, per creditor, mandate and month, one figure per row:
--   case_weeks       open case-weeks whose Monday falls in the month
--   contact_weeks    dimension a channel or 'all', bucket the outbound attempts of a case in one week: case-weeks
--   refused_attempts bucket the channel: attempts the policy refused
--   refusals         dimension the rule, bucket the channel: refused attempts by rule (one per rule it broke)
--   complaints       dimension the subject, bucket the deadline status: complaints received in the month
--   disputes         dimension the outcome so far: disputes opened in the month
--   dispute_answers  bucket the calendar days from opening to the creditor's answer: disputes opened in the month
--   fragile          dimension 'debtors' or 'fragile', this month only: debtors with an open case, and of them fragile
--   referrals        dimension proposed, sent or the outcome of a closed one, by the month of that step
--   satisfaction     bucket the score 1-5: survey answers, by the month the survey was sent (as the listening page)
create table conduct_facts (
  id uuid primary key default uuid_time_ordered(),
  creditor_id uuid not null references creditors (id),
  mandate_id uuid not null references mandates (id),
  month date not null check (extract(day from month) = 1),
  figure text not null check (figure in ('case_weeks', 'contact_weeks', 'refused_attempts', 'refusals', 'complaints', 'disputes',
    'dispute_answers', 'fragile', 'referrals', 'satisfaction')),
  dimension text not null default '',
  bucket text not null default '',
  count bigint not null check (count >= 0)
);
create index conduct_facts_month on conduct_facts (month, creditor_id);
