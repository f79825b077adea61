-- Lines of a case's timeline written at the same instant (a closure and the plan it cancels, in one transaction;
-- an import's placement and its first letter) keep the order they were written in: `seq` breaks the tie after
-- `occurred_at`, where the random uuid gave a different order on each read.
alter table case_events add column seq bigint generated always as identity;
drop index case_events_case;
create index case_events_case on case_events (case_id, occurred_at desc, seq desc);
