-- The pre-notification of each debit under a mandate signed on the portal (src/portal/debit-notices.ts,
-- docs/portal.md "A direct debit"): the date and the amount of one instalment, told to the person on a day, by the
-- schedule shown at signature or by an e-mail sent when the plan changed. The direct-debit file takes an instalment
-- under such a mandate only when a notice of its very date and amount came at least 14 days before it.
create table sepa_debit_notices (
  id uuid primary key default uuid_time_ordered(),
  mandate_id uuid not null references sepa_mandates (id),
  instalment_id uuid not null references plan_instalments (id),
  due_on date not null,
  amount_cents bigint not null check (amount_cents > 0),
  notified_on date not null,
  via text not null check (via in ('signature', 'email')),
  -- The e-mail that carried it (the outbox's row): none for the schedule shown at signature.
  message_id uuid references outbound_messages (id),
  check ((via = 'email') = (message_id is not null)),
  unique (mandate_id, instalment_id, due_on, amount_cents)
);

-- The mandates signed before this table: the schedule their signature showed, that is the unpaid instalments of the
-- plan's version in force at that moment.
insert into sepa_debit_notices (mandate_id, instalment_id, due_on, amount_cents, notified_on, via)
select m.id, i.id, i.due_on, i.amount_cents, m.signed_on, 'signature'
from sepa_mandates m
join sepa_mandate_signatures s on s.mandate_id = m.id
join plan_versions v on v.plan_id = s.plan_id
  and v.version = (select max(w.version) from plan_versions w where w.plan_id = s.plan_id and w.created_at <= s.signed_at)
join plan_instalments i on i.plan_version_id = v.id
where m.signed_via = 'portal' and i.status <> 'paid'
on conflict do nothing;

-- A notice e-mail is no collection contact: it goes through the outbox as the care referral does, without the policy.
alter table outbound_messages drop constraint outbound_messages_purpose_check;
alter table outbound_messages add constraint outbound_messages_purpose_check
  check (purpose in ('collection', 'care_referral', 'debit_notice'));
