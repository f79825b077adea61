-- Listening (docs/listening.md): the recommendation question (NPS, 0-10, optional) asked when the settings say so, and
-- the strategy segment of the case recorded on each invitation beside its arm, so the figures read both by segment.
alter table satisfaction_settings add column ask_recommendation boolean not null default true;

-- "How likely are you to recommend us?", 0 (not at all) to 10 (extremely): optional, like the ease.
alter table satisfaction_answers add column recommendation integer check (recommendation between 0 and 10);

-- The case's segment in the strategy when the invitation went out (null on the portal's in-place survey, as the arm).
alter table satisfaction_invitations add column segment_id text;
update satisfaction_invitations i
set segment_id = (
  select a.segment_id from strategy_assignments a
  where a.case_id = i.case_id and a.assigned_at <= i.sent_at
  order by a.assigned_at desc, a.id desc
  limit 1
)
where i.channel <> 'portal';
