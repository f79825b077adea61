-- A budget the debtor declares on the portal (src/portal/portal-budget.ts, docs/portal.md): the same version history
-- as the budgets agents record, computed the same way, with who declared it. A portal budget has no staff author: its
-- source says the person declared it themselves, and the audit trail names the act.
alter table debtor_assessments alter column recorded_by drop not null;
alter table debtor_assessments add column source text not null default 'agent' check (source in ('agent', 'portal'));
alter table debtor_assessments add constraint debtor_assessments_author_check
  check ((source = 'agent') = (recorded_by is not null));
