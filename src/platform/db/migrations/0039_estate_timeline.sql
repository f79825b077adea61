-- An estate's acts (death reported, proven, a notary or an heir identified, the claim declared, an heir's option) are
-- lines of their own kind on the case's timeline, no longer reviews: the creditor's view, which lists the kinds it may
-- read, never shows them. The lines already written take the new kind by their text's key.
alter table case_events drop constraint case_events_kind_check;
update case_events set kind = 'estate' where kind = 'review' and summary_key like 'estate\_%';
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences', 'plan', 'review', 'payment', 'payment_reversed', 'task', 'assignment', 'dispute', 'complaint',
  'estate'));
