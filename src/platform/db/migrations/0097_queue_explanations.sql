-- A queue entry's explanation (its reasons, in every language, with the neutral words kept beside what only
-- need-to-know may read) was stored with each entry: about 520 of an entry's 735 bytes, while a million entries share
-- a few dozen explanations. Each distinct explanation is now stored once, keyed by a digest of its text, and an entry
-- names it: entries shrink about threefold, and so does what the nightly rebuild and every refresh write
-- (docs/workspace.md). Nothing references an explanation by a foreign key: the rebuild removes those no entry names,
-- and every refresh stores again each explanation it writes (workspace/refresh-queue.ts).
create table queue_explanations (
  key uuid primary key,
  reasons jsonb not null
);

insert into queue_explanations (key, reasons)
select distinct md5(reasons::text)::uuid, reasons from case_queue;

alter table case_queue add column explanation uuid;
update case_queue set explanation = md5(reasons::text)::uuid;
alter table case_queue alter column explanation set not null;
alter table case_queue drop column reasons;
