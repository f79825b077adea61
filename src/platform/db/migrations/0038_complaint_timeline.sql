-- A complaint's acts (registered, acknowledged, answered, closed or taken to the mediator) are lines of its case's
-- timeline, of their own kind: the creditor's view of the case, which lists the kinds it may read, never shows them.
alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment', 'dispute', 'complaint'));
