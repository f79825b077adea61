-- Possible matches are looked for among debtors without a birth date (for a newcomer who has one), so index
-- exactly those: common names would otherwise make every newcomer scan all the people sharing its name.
create index debtors_name_key_without_birth_date on debtors (name_key) where birth_date is null and name_key is not null;
