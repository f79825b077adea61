-- A call can end in a bereavement the debtor tells of (a close one's death): contact pauses, the care team takes over,
-- and the nightly detection suggests a vulnerability record from it (src/care/detect-signals.ts).
alter table call_records drop constraint call_records_result_check;
alter table call_records add constraint call_records_result_check check (result in ('promise', 'callback', 'refusal',
  'dispute', 'hardship', 'bereavement', 'already_paid', 'information'));

-- The detection finds the debtors with a fresh life event by this, not a scan.
drop index call_records_hardship;
create index call_records_life_event on call_records (recorded_at) where result in ('hardship', 'bereavement');
