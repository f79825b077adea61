-- A judicial procedure's acts (opened, each step, a cost line, a payment the partner collected) are lines of their own
-- kind on the case's timeline, written in the act's transaction. The creditor's view, which lists the kinds it may
-- read, does not list them: it reads the procedure's state from the procedure itself.
alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment', 'dispute', 'complaint',
  'estate', 'judicial'));
