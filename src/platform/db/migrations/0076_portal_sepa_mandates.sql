-- The debtor portal's SEPA direct-debit e-mandate and its in-place survey (src/portal/portal-mandates.ts,
-- src/portal/portal-survey.ts, docs/portal.md).

-- A mandate is taken by a person of the agency (a signed paper form) or signed by the debtor on the portal.
alter table sepa_mandates add column signed_via text not null default 'staff' check (signed_via in ('staff', 'portal'));
-- The first due date the mandate's pre-notification covers (for a portal mandate, its signature date plus the
-- pre-notification days: the schedule shown at signature is the notice). The direct-debit file takes no instalment
-- of this mandate due earlier. Null for a staff mandate, whose notice is given outside Accord.
alter table sepa_mandates add column pre_notified_from date;
alter table sepa_mandates add constraint sepa_mandates_portal_notice
  check ((signed_via = 'portal') = (pre_notified_from is not null));
alter table sepa_mandates add column revoked_via text check (revoked_via in ('staff', 'portal'));

-- The evidence of an e-mandate signed on the portal: when, in which portal session (SHA-256 of the session's token
-- hash, never the token), from which address (an HMAC of the address, never the address), the text the person read
-- (its version, language and SHA-256) and the plan it was signed for.
create table sepa_mandate_signatures (
  mandate_id uuid primary key references sepa_mandates (id),
  signed_at timestamptz not null,
  portal_session_sha256 text not null check (portal_session_sha256 ~ '^[0-9a-f]{64}$'),
  ip_sha256 text not null check (ip_sha256 ~ '^[0-9a-f]{64}$'),
  user_agent text check (user_agent is null or length(user_agent) <= 500),
  text_version integer not null check (text_version >= 1),
  text_language text not null check (text_language in ('fr', 'en', 'it')),
  text_sha256 text not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
  plan_id uuid not null references plans (id)
);

-- The survey offered in place on the portal after an act the person completed there: the invitation is recorded
-- with channel 'portal' and no agent (nobody of the agency took part), the answer in satisfaction_answers as any.
alter table satisfaction_invitations alter column agent_id drop not null;
alter table satisfaction_invitations drop constraint satisfaction_invitations_channel_check;
alter table satisfaction_invitations add constraint satisfaction_invitations_channel_check
  check (channel in ('email', 'sms', 'portal'));
alter table satisfaction_invitations add constraint satisfaction_invitations_agent_check
  check (channel = 'portal' or agent_id is not null);
alter table satisfaction_invitations drop constraint satisfaction_invitations_interaction_kind_check;
alter table satisfaction_invitations add constraint satisfaction_invitations_interaction_kind_check
  check (interaction_kind in ('call', 'plan_agreed', 'payment', 'dispute_decided', 'complaint_closed', 'dispute_filed',
    'mandate_signed'));
