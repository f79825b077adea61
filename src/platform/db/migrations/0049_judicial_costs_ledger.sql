-- Judicial costs in the ledger (REGULATION.md §11 point 6; issue 15). A cost the debtor bears raises what the debtor
-- owes: it is posted as a correction up of one claim's fees (the case's oldest open claim), against what the creditor
-- placed (the creditor advanced it), so the balance, the allocation by law and the statements all count it. The line
-- names its claim and its ledger transaction. The creditor's costs stay out of the debtor's balance.
-- A commissaire de justice's proportional fee (A444-32, the creditor's) is computed on each payment it collects and
-- recorded as a cost line naming that payment, once.
alter table judicial_costs add column claim_id uuid references claims (id);
alter table judicial_costs add column ledger_transaction_id uuid unique references ledger_transactions (id);
alter table judicial_costs add column payment_id uuid references payments (id);
-- From this migration on a debtor's cost is in the ledger and a creditor's is not; lines recorded before it are kept as
-- they were (not valid: only new rows are checked).
alter table judicial_costs add constraint judicial_costs_in_ledger
  check ((chargeable_to = 'debtor') = (ledger_transaction_id is not null)
    and (ledger_transaction_id is null) = (claim_id is null)) not valid;
alter table judicial_costs add constraint judicial_costs_fee_of_payment
  check ((payment_id is null) or kind = 'commissaire_a444_32');
create unique index judicial_costs_one_fee_per_payment on judicial_costs (payment_id) where payment_id is not null;
