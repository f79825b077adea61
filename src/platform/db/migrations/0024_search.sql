-- Search (docs/search.md): one box finds a case by reference, or a debtor by name, phone, e-mail, IBAN or postal code,
-- as the user types. Every kind is a prefix search, served by a b-tree in the C collation (byte order): a range
-- scan from the prefix, read in the index's order, stops after the first few rows whatever the table's size. The
-- indexes sit on the facts themselves (no copy to keep in step), on normalised values: references upper-cased,
-- names folded (search_fold), phones in E.164 (search_phone), e-mails lower-cased.

-- The folded form of a name: accents and case removed, apostrophes and hyphens read as spaces, one space between words.
-- The same table as src/search/core/fold.ts (search.test.ts checks both give the same form).
create function search_fold(value text) returns text language sql immutable strict parallel safe as $$
  select trim(regexp_replace(lower(translate(
    replace(replace(replace(replace(replace(value, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'),
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ’''-',
    'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyy   ')), '\s+', ' ', 'g'))
$$;

-- A debtor's name as searched: the company's name, or the last name then the first names ("dupont jean"). The body
-- names its schema: an index is built and maintained with only pg_catalog on the search path.
create function search_name_key(company_name text, last_name text, first_name text) returns text
  language sql immutable parallel safe as $$
  select public.search_fold(coalesce(company_name, last_name, '') || ' ' || coalesce(first_name, ''))
$$;

-- Names: agency staff search the debtor record; a creditor user the identity its own files gave (its references).
create index debtors_name_search on debtors ((search_name_key(company_name, last_name, first_name)) collate "C");
create index debtor_references_name_search
  on debtor_references (creditor_id, (search_name_key(company_name, last_name, first_name)) collate "C");

-- References: the agency's case reference, the creditor's claim reference and its reference for the debtor.
create index cases_reference_search on cases (reference collate "C");
create index claims_reference_search on claims ((upper(reference)) collate "C");
create index debtor_references_reference_search on debtor_references ((upper(reference)) collate "C");

-- A phone number in E.164 as far as its text tells: intake stores E.164 already, but a number written by hand
-- (+33 6 12 34 56 78, 0033…, 06 12…) is read without its spaces and punctuation, 00 as +, a French trunk 0 as +33.
create function search_phone(value text) returns text language sql immutable strict parallel safe as $$
  select regexp_replace(regexp_replace(regexp_replace(value, '[^0-9+]', '', 'g'), '^00', '+'), '^0', '+33')
$$;

-- Phones (E.164) and e-mails (lower case), one partial index per channel.
create index debtor_contact_points_phone_search on debtor_contact_points ((search_phone(value)) collate "C")
  where channel = 'phone';
create index debtor_contact_points_email_search on debtor_contact_points ((lower(value)) collate "C")
  where channel = 'email';

-- Postal codes as written on the address.
create index debtor_addresses_postal_code_search on debtor_addresses (postal_code collate "C");

-- IBANs (stored without spaces, upper case): the debtor's direct debit mandates and the accounts payments came from.
create index sepa_mandates_iban_search on sepa_mandates (debtor_iban collate "C");
create index payments_payer_iban_search on payments (payer_iban collate "C") where payer_iban is not null;
