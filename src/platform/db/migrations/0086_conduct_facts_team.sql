-- Responsible collection by team (docs/reporting.md, "Responsible collection", "By team"): each conduct fact keeps the
-- team its cases are assigned to now (null: no team), so the conduct report can be read for one team and compare the
-- teams' contacts against the policy's caps. The case's team, not the agent's: the caps count what one debtor
-- receives, the open case-weeks and the policy's refusals belong to a case and not to a person, and letters and
-- messages go out without an agent. The money collected joins the facts ('collected', count in cents, by the month
-- the payment was received) so that it can be read by team too.
alter table conduct_facts add column team_id uuid references teams (id);
alter table conduct_facts drop constraint conduct_facts_figure_check;
alter table conduct_facts add constraint conduct_facts_figure_check check (figure in ('case_weeks', 'contact_weeks',
  'refused_attempts', 'refusals', 'complaints', 'disputes', 'dispute_answers', 'fragile', 'referrals', 'satisfaction',
  'collected'));
