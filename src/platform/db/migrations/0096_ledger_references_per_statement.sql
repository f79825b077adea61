-- The ledger's references are checked once per statement instead of once per row.
--
-- A foreign key is checked row by row: for each ledger entry, a query that finds the transaction, the debtor, the
-- claim and the creditor it names and locks each of them (FOR KEY SHARE, which writes to the referenced row). Posting
-- a batch of a statement's payments wrote some 3,500 entries and 1,000 transactions in one statement, and those checks
-- took 270 of its 350 ms (auto_explain, bench:payments). Written rows of the ledger are never changed or deleted
-- (0008), so what a foreign key guards there is the insert: a trigger after each insert statement now looks the new
-- rows' references up in one join each and refuses the statement, with the same SQLSTATE (23503), when one names
-- nothing. The referenced rows (debtors, claims, creditors, payments, users) are never deleted by Accord; a delete
-- of one the ledger names is refused likewise. `ledger:verify` checks every reference again over the whole ledger.
-- (What a foreign key did and this does not: lock the referenced row until commit against a concurrent delete, which
-- nothing in Accord issues.)
alter table ledger_entries
  drop constraint ledger_entries_transaction_id_fkey,
  drop constraint ledger_entries_debtor_id_fkey,
  drop constraint ledger_entries_claim_id_fkey,
  drop constraint ledger_entries_creditor_id_fkey;
alter table ledger_transactions
  drop constraint ledger_transactions_payment_id_fkey,
  drop constraint ledger_transactions_created_by_fkey;

-- Each reference is looked up by its primary key, a nested loop over the new rows, whatever the statistics say: a
-- plan made while a table was small (PL/pgSQL keeps it for the session) read the whole table at every statement,
-- and a hash join would too.
create function ledger_entries_references_exist() returns trigger language plpgsql
set enable_seqscan = off set enable_hashjoin = off set enable_mergejoin = off as $$
declare
  missing text;
begin
  select format('ledger entry of transaction %s names transaction %1$s, which does not exist', a.transaction_id)
  into missing from added a where not exists (select from ledger_transactions t where t.id = a.transaction_id) limit 1;
  if missing is null then
    select format('ledger entry of transaction %s names debtor %s, which does not exist', a.transaction_id, a.debtor_id)
    into missing from added a
    where a.debtor_id is not null and not exists (select from debtors d where d.id = a.debtor_id) limit 1;
  end if;
  if missing is null then
    select format('ledger entry of transaction %s names claim %s, which does not exist', a.transaction_id, a.claim_id)
    into missing from added a
    where a.claim_id is not null and not exists (select from claims c where c.id = a.claim_id) limit 1;
  end if;
  if missing is null then
    select format('ledger entry of transaction %s names creditor %s, which does not exist', a.transaction_id, a.creditor_id)
    into missing from added a
    where a.creditor_id is not null and not exists (select from creditors r where r.id = a.creditor_id) limit 1;
  end if;
  if missing is not null then
    raise exception using errcode = 'foreign_key_violation', message = missing;
  end if;
  return null;
end $$;
create trigger ledger_entries_references after insert on ledger_entries
  referencing new table as added for each statement execute function ledger_entries_references_exist();

create function ledger_transactions_references_exist() returns trigger language plpgsql
set enable_seqscan = off set enable_hashjoin = off set enable_mergejoin = off as $$
declare
  missing text;
begin
  select format('ledger transaction %s names payment %s, which does not exist', a.id, a.payment_id)
  into missing from added a
  where a.payment_id is not null and not exists (select from payments p where p.id = a.payment_id) limit 1;
  if missing is null then
    select format('ledger transaction %s names user %s, which does not exist', a.id, a.created_by)
    into missing from added a
    where a.created_by is not null and not exists (select from users u where u.id = a.created_by) limit 1;
  end if;
  if missing is not null then
    raise exception using errcode = 'foreign_key_violation', message = missing;
  end if;
  return null;
end $$;
create trigger ledger_transactions_references after insert on ledger_transactions
  referencing new table as added for each statement execute function ledger_transactions_references_exist();

-- A delete of a row the ledger names is refused (the arguments: the ledger table and its column naming the row).
create function ledger_keeps_what_it_names() returns trigger language plpgsql as $$
declare
  named uuid;
begin
  execute format('select r.id from removed r where exists (select 1 from %I l where l.%I = r.id) limit 1',
    tg_argv[0], tg_argv[1]) into named;
  if named is not null then
    raise exception using errcode = 'foreign_key_violation',
      message = format('%s %s is named by the ledger (%s.%s) and cannot be deleted', tg_table_name, named, tg_argv[0], tg_argv[1]);
  end if;
  return null;
end $$;
create trigger ledger_names_debtors after delete on debtors referencing old table as removed
  for each statement execute function ledger_keeps_what_it_names('ledger_entries', 'debtor_id');
create trigger ledger_names_claims after delete on claims referencing old table as removed
  for each statement execute function ledger_keeps_what_it_names('ledger_entries', 'claim_id');
create trigger ledger_names_creditors after delete on creditors referencing old table as removed
  for each statement execute function ledger_keeps_what_it_names('ledger_entries', 'creditor_id');
create trigger ledger_names_payments after delete on payments referencing old table as removed
  for each statement execute function ledger_keeps_what_it_names('ledger_transactions', 'payment_id');
create trigger ledger_names_users after delete on users referencing old table as removed
  for each statement execute function ledger_keeps_what_it_names('ledger_transactions', 'created_by');
