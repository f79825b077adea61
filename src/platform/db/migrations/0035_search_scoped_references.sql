-- Search (docs/search.md): a creditor user's reference search reads its own creditor's range only. Before, the range
-- of a prefix was read across every creditor and filtered: a creditor user typing "R1" when another creditor's
-- references all start with "R1" read that creditor's whole range (200,000 entries at 1M cases, about 290 ms) to find
-- none of its own. The creditor first, as for names (debtor_references_name_search).
create index cases_reference_search_scoped on cases (creditor_id, reference collate "C");
create index claims_reference_search_scoped on claims (creditor_id, (upper(reference)) collate "C");
create index debtor_references_reference_search_scoped
  on debtor_references (creditor_id, (upper(reference)) collate "C");
