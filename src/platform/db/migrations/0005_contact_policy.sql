-- The contact policy: published versions (never edited), one shared draft, and every contact with a debtor with
-- the decision that allowed it.

create table contact_policy_versions (
  version integer primary key check (version > 0),
  document jsonb not null,
  effective_from timestamptz not null,
  note text not null default '',
  published_by uuid references users (id),
  published_at timestamptz not null
);
create index contact_policy_versions_effective on contact_policy_versions (effective_from desc, version desc);

create table contact_policy_draft (
  -- One draft at a time, shared by the compliance team.
  singleton boolean primary key default true check (singleton),
  document jsonb not null,
  based_on_version integer references contact_policy_versions (version),
  updated_by uuid references users (id),
  updated_at timestamptz not null
);

-- An override lets one contact through that the policy refuses: granted by a compliance officer or a manager,
-- with a written reason, for one channel, used once, before it expires.
create table contact_overrides (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  channel text not null check (channel in ('phone', 'sms', 'email', 'letter')),
  reason text not null check (length(btrim(reason)) >= 10),
  refusal jsonb not null,
  granted_by uuid not null references users (id),
  granted_at timestamptz not null,
  valid_until timestamptz not null,
  used_at timestamptz,
  check (valid_until > granted_at)
);
create index contact_overrides_debtor on contact_overrides (debtor_id, granted_at desc);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  channel text not null check (channel in ('phone', 'sms', 'email', 'letter')),
  direction text not null check (direction in ('outbound', 'inbound')),
  outcome text not null,
  -- A conversation with the debtor, identity confirmed: it starts the pause after a conversation.
  conversation boolean not null,
  -- The R124-4 first letter of the case; later steps cite its date.
  first_letter boolean not null default false,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null,
  recorded_by uuid references users (id),
  note text,
  policy_version integer not null references contact_policy_versions (version),
  -- The decision that allowed the contact (or, for an inbound contact, what the policy said at that moment).
  decision jsonb not null,
  override_id uuid unique references contact_overrides (id),
  check (direction = 'outbound' or override_id is null),
  check (not first_letter or (channel = 'letter' and direction = 'outbound'))
);
create index contacts_debtor_time on contacts (debtor_id, occurred_at);
create index contacts_case_time on contacts (case_id, occurred_at desc);
create index contacts_time on contacts (occurred_at);

-- The debtor's own wishes: they narrow the policy (channels, hours) and say "stop" per channel.
create table contact_preferences (
  debtor_id uuid primary key references debtors (id),
  channels jsonb,
  windows jsonb,
  updated_by uuid references users (id),
  updated_at timestamptz not null
);

create table contact_opt_outs (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  channel text not null check (channel in ('phone', 'sms', 'email', 'letter')),
  opted_out_at timestamptz not null,
  recorded_by uuid references users (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id)
);
create unique index contact_opt_outs_one_active on contact_opt_outs (debtor_id, channel) where withdrawn_at is null;

create table contact_callbacks (
  id uuid primary key default gen_random_uuid(),
  debtor_id uuid not null references debtors (id),
  case_id uuid not null references cases (id),
  channel text not null default 'phone' check (channel in ('phone')),
  callback_at timestamptz not null,
  requested_at timestamptz not null,
  recorded_by uuid references users (id),
  status text not null default 'pending' check (status in ('pending', 'done', 'cancelled'))
);
create index contact_callbacks_debtor on contact_callbacks (debtor_id, callback_at) where status = 'pending';

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (kind in ('placement', 'letter', 'call_attempt',
  'conversation', 'sms', 'email', 'note', 'stage_change', 'promise', 'payment_reported', 'hold', 'contact_override',
  'preferences'));

-- Version 1 is the shipped default, shared/domain/REGULATION.md §6 (src/contact-policy/core/default-policy.ts; a test
-- keeps the two equal). Later versions are published by compliance officers.
insert into contact_policy_versions (version, document, effective_from, note, published_by, published_at)
values (1, '{"title":"Politique de contact par défaut — la bible du recouvrement responsable","windows":{"FR":{"sun":[],"mon":[{"from":"09:00","to":"20:00"}],"tue":[{"from":"09:00","to":"20:00"}],"wed":[{"from":"09:00","to":"20:00"}],"thu":[{"from":"09:00","to":"20:00"}],"fri":[{"from":"09:00","to":"20:00"}],"sat":[{"from":"09:00","to":"13:00"}],"holiday":[],"basis":"CHOICE","source":"C. conso D223-9 (benchmark)"},"IT":{"sun":[],"mon":[{"from":"08:30","to":"21:00"}],"tue":[{"from":"08:30","to":"21:00"}],"wed":[{"from":"08:30","to":"21:00"}],"thu":[{"from":"08:30","to":"21:00"}],"fri":[{"from":"08:30","to":"21:00"}],"sat":[{"from":"08:30","to":"15:00"}],"holiday":[],"basis":"SOFT","source":"UNIREC code"}},"windowsApplyTo":["phone","sms","email"],"holidays":{"FR":{"calendar":"date-holidays","regionCodes":{"57":"57","67":"67","68":"68","971":"GP","972":"MQ","973":"GF","974":"RE","976":"YT"},"extra":[],"ignore":[],"basis":"LAW","source":"Code du travail L3133-1"},"IT":{"calendar":"date-holidays","regionCodes":{},"extra":[{"monthDay":"06-29","name":"Santi Pietro e Paolo (Roma)","regions":["RM"]},{"monthDay":"12-07","name":"Sant''Ambrogio (Milano)","regions":["MI"]},{"monthDay":"09-19","name":"San Gennaro (Napoli)","regions":["NA"]},{"monthDay":"06-24","name":"San Giovanni Battista (Torino, Genova, Firenze)","regions":["TO","GE","FI"]},{"monthDay":"07-15","name":"Santa Rosalia (Palermo)","regions":["PA"]},{"monthDay":"10-04","name":"San Petronio (Bologna)","regions":["BO"]},{"monthDay":"12-06","name":"San Nicola (Bari)","regions":["BA"]},{"monthDay":"04-25","name":"San Marco (Venezia)","regions":["VE"]}],"ignore":[],"basis":"LAW","source":"L. 260/1949 as amended"}},"caps":[{"id":"phone.attempts.day","channels":["phone"],"counts":"attempts","max":2,"per":{"localDay":true},"basis":"CHOICE"},{"id":"phone.attempts.7d","channels":["phone"],"counts":"attempts","max":7,"per":{"rollingDays":7},"basis":"SOFT","source":"Regulation F (US anchor)"},{"id":"phone.conversations.day.it","channels":["phone"],"counts":"conversations","max":1,"per":{"localDay":true},"countries":["IT"],"basis":"SOFT","source":"UNIREC code"},{"id":"phone.conversations.7d.it","channels":["phone"],"counts":"conversations","max":3,"per":{"rollingDays":7},"countries":["IT"],"basis":"SOFT","source":"UNIREC code"},{"id":"messages.7d","channels":["sms","email"],"counts":"attempts","max":2,"per":{"rollingDays":7},"basis":"CHOICE"},{"id":"messages.30d","channels":["sms","email"],"counts":"attempts","max":6,"per":{"rollingDays":30},"basis":"CHOICE"},{"id":"letters.14d","channels":["letter"],"counts":"attempts","max":1,"per":{"rollingDays":14},"basis":"CHOICE"},{"id":"all.30d","channels":["phone","sms","email","letter"],"counts":"attempts","max":10,"per":{"rollingDays":30},"basis":"CHOICE"}],"spacing":[{"id":"phone","channels":["phone"],"minHours":4,"basis":"CHOICE"}],"pauseAfterConversation":{"channels":["phone"],"days":7,"basis":"SOFT","source":"Regulation F (US anchor)"},"firstLetter":{"required":true,"daysBeforeOtherChannels":0,"basis":"LAW","source":"CPCE R124-4"},"holds":{"overindebtedness_filed":{"stops":["phone","sms"],"basis":"CHOICE"},"overindebtedness_admissible":{"stops":["phone","sms","email","letter"],"maxDays":730,"notice":{"fr":"Dossier de surendettement recevable : aucune action de recouvrement, aucun prélèvement.","en":"Over-indebtedness file admissible: no collection at all, no direct debit."},"basis":"LAW","source":"C. conso L722-2, R722-5"},"commission_plan":{"stops":["phone","sms"],"notice":{"fr":"Plan adopté par la commission : ne réclamer que les échéances du plan.","en":"Plan adopted by the commission: ask only for the plan''s instalments."},"basis":"LAW"},"dispute":{"stops":["phone","sms","email","letter"],"notice":{"fr":"Contestation en cours : aucun recouvrement avant que le créancier ait confirmé le fondement et le montant.","en":"Dispute open: no collection until the creditor confirms the basis and the amount."},"basis":"CHOICE"},"vulnerability":{"stops":["phone","sms","email","letter"],"defaultDays":30,"notice":{"fr":"Fragilité signalée : pause, dossier suivi par l’équipe d’accompagnement, revue humaine.","en":"Vulnerability flagged: pause, the care team follows the case, human review."},"basis":"CHOICE","source":"FCA FG21/1, CCD2 art. 36"},"debt_advice":{"stops":["phone","sms","email","letter"],"defaultDays":30,"basis":"SOFT","source":"FCA CONC 7.3"},"represented":{"stops":["phone","sms","email","letter"],"notice":{"fr":"Représenté par un avocat : contacter uniquement le représentant.","en":"Represented by a lawyer: contact the representative only."},"basis":"CHOICE"},"deceased":{"stops":["phone","sms","email","letter"],"notice":{"fr":"Décès : aucun contact avec la succession avant la revue du dossier.","en":"Deceased: no contact with the estate until the case is reviewed."},"basis":"CHOICE"},"time_barred":{"stops":[],"notice":{"fr":"Créance prescrite : aucune action judiciaire ; informer le débiteur de la prescription.","en":"Time-barred debt: no judicial action; tell the debtor the debt is time-barred."},"basis":"LAW"}},"optOut":{"effectiveWithinHours":24,"basis":"CHOICE"},"preferences":{"alwaysOpen":["letter"],"callback":{"toleranceMinutes":15,"within":{"from":"08:00","to":"21:00"},"basis":"SOFT","source":"Regulation F"},"basis":"CHOICE"},"notices":[{"id":"phone.identity","channels":["phone"],"text":{"fr":"Confirmer l’identité de l’interlocuteur avant toute information sur la dette ; jamais à un tiers, jamais à l’employeur.","en":"Confirm who answers before saying anything about the debt; never to a third party, never to the employer."},"basis":"LAW","source":"Garante Privacy 2005; ASF code"},{"id":"messages.opt_out_text","channels":["sms","email"],"text":{"fr":"Chaque message porte un moyen simple de ne plus en recevoir.","en":"Every message carries a simple way to opt out."},"basis":"SOFT"},{"id":"letters.neutral_envelope","channels":["letter"],"text":{"fr":"Enveloppe neutre : aucune mention du recouvrement visible.","en":"Neutral envelope: no mention of debt collection visible."},"basis":"LAW","source":"Garante Privacy 2005"}]}', '2000-01-01T00:00:00Z', 'Politique par défaut livrée avec Accord (REGULATION.md §6)', null, '2026-11-24T00:00:00Z');
