-- The partner API (issue 15: "the partner's updates by API or by hand"). A judicial partner (a commissaire de justice
-- or a lawyer, `judicial_partners`) holds API keys; with one it posts its updates on the procedures it handles into a
-- report inbox, which the agency's judicial specialist applies (recording the step or the payment exactly as by hand)
-- or rejects with a reason. Nothing a partner sends changes a procedure by itself.

-- A partner's key: `acp_<prefix>_<secret>`, shown once at creation; only its sha256 is kept (a lookup by hash is the
-- comparison, so no secret is ever compared byte by byte). A key is revoked, never deleted: reports keep naming it.
create table judicial_partner_keys (
  id uuid primary key default uuid_time_ordered(),
  partner_id uuid not null references judicial_partners (id),
  label text not null check (length(btrim(label)) between 1 and 120),
  -- The first characters of the key, shown to tell keys apart (not secret: the secret is what follows it).
  prefix text not null check (prefix ~ '^[a-z0-9]{8}$'),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  last_used_at timestamptz,
  check ((revoked_at is null) = (revoked_by is null))
);
create index judicial_partner_keys_partner on judicial_partner_keys (partner_id, created_at, id);

-- A partner's report on a procedure: a step it says happened, or a payment it collected and passed on. `pending`
-- until a person applies it (the step or payment recorded, named here) or rejects it with a reason.
create table judicial_partner_reports (
  id uuid primary key default uuid_time_ordered(),
  partner_id uuid not null references judicial_partners (id),
  key_id uuid not null references judicial_partner_keys (id),
  procedure_id uuid not null references judicial_procedures (id),
  case_id uuid not null references cases (id),
  -- The partner's own id of the report: a retry with the same id answers the same report.
  external_id text not null check (length(external_id) between 1 and 100),
  kind text not null check (kind in ('step', 'payment')),
  step_kind text check (step_kind in ('psrpc_invitation_sent', 'psrpc_accepted', 'psrpc_refused', 'psrpc_no_answer',
    'psrpc_title_issued', 'mediation_started', 'mediation_agreement', 'mediation_failed', 'agreement_broken',
    'requete_filed', 'ordonnance_issued', 'ordonnance_rejected', 'served', 'ordonnance_lapsed', 'opposition_filed',
    'opposition_window_closed', 'judgment_for_creditor', 'judgment_against_creditor', 'bank_seized',
    'attribution_denounced', 'attribution_lapsed', 'attribution_contested', 'attribution_released',
    'wage_commandement_served', 'wage_contested', 'wage_pv_served', 'wage_commandement_lapsed', 'wage_seizure_ended',
    'contest_decided', 'title_expired', 'partner_update', 'act_served_in_person')),
  occurred_on date,
  -- A service: to the debtor in person or not (CPC 1416 al. 2); null for any other step.
  in_person boolean,
  note text not null default '' check (length(note) <= 2000),
  amount_cents bigint check (amount_cents > 0 and amount_cents <= 1000000000),
  received_on date,
  reference text check (length(btrim(reference)) between 1 and 140),
  status text not null default 'pending' check (status in ('pending', 'applied', 'rejected')),
  received_at timestamptz not null,
  decided_by uuid references users (id),
  decided_at timestamptz,
  rejection_reason text check (length(btrim(rejection_reason)) between 1 and 2000),
  step_id uuid references judicial_procedure_steps (id),
  payment_id uuid references payments (id),
  unique (partner_id, external_id),
  check (kind <> 'step' or (step_kind is not null and occurred_on is not null
    and amount_cents is null and received_on is null and reference is null)),
  check (kind <> 'payment' or (step_kind is null and occurred_on is null
    and amount_cents is not null and received_on is not null and reference is not null)),
  check ((status = 'pending') = (decided_at is null)),
  check ((decided_at is null) = (decided_by is null)),
  check ((status = 'rejected') = (rejection_reason is not null)),
  check (status <> 'applied' or (kind = 'step' and step_id is not null) or (kind = 'payment' and payment_id is not null)),
  check (status = 'applied' or (step_id is null and payment_id is null))
);
create index judicial_partner_reports_pending on judicial_partner_reports (case_id, received_at, id)
  where status = 'pending';
