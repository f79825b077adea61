-- The debtor acts for themselves on the portal (issue 18): a dispute they record and a document they send have no
-- user of Accord behind them. The acting user becomes optional, and where the act came from is kept beside it: a
-- signed-in user ('user', whose id is then required) or the portal ('portal', no user).
alter table disputes alter column opened_by drop not null;
alter table disputes add column opened_via text not null default 'user' check (opened_via in ('user', 'portal'));
alter table disputes add constraint disputes_opened_by_party
  check ((opened_via = 'portal' and opened_by is null) or (opened_via = 'user' and opened_by is not null));

alter table case_documents alter column uploaded_by drop not null;
alter table case_documents add column uploaded_via text not null default 'user'
  check (uploaded_via in ('user', 'portal'));
alter table case_documents add constraint case_documents_uploaded_by_party
  check ((uploaded_via = 'portal' and uploaded_by is null) or (uploaded_via = 'user' and uploaded_by is not null));
