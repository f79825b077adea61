-- Message templates as compliance writes them (src/communications/templates/): the text of an e-mail or an SMS for
-- one template, channel and language, with variables from a closed list. A slot has at most one open draft, which its
-- author submits for review; another person publishes it as a new version from an effective date, or returns it with
-- a comment. Nothing published is edited: a correction is a new version. A slot with no published version sends the
-- text Accord ships (version 0).
create table message_template_versions (
  id uuid primary key default uuid_time_ordered(),
  template text not null check (template in ('reminder', 'call_us', 'balance_statement')),
  channel text not null check (channel in ('email', 'sms')),
  language text not null check (language in ('fr', 'en', 'it')),
  status text not null check (status in ('draft', 'in_review', 'published')),
  -- Set when published, from 1 in each slot.
  version integer check (version >= 1),
  subject text check (subject is null or length(subject) <= 200),
  body text not null check (length(body) between 1 and 8000),
  -- The version in force when the draft was started (0: the shipped text).
  based_on_version integer not null default 0,
  drafted_by uuid not null references users (id),
  updated_at timestamptz not null,
  submitted_by uuid references users (id),
  submitted_at timestamptz,
  -- The last review: who returned or published it, when, and what they said when returning it.
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  review_comment text check (review_comment is null or length(review_comment) <= 2000),
  effective_from timestamptz,
  note text check (note is null or length(note) <= 500),
  check ((status = 'published') = (version is not null and effective_from is not null and reviewed_by is not null)),
  check ((subject is null) = (channel = 'sms'))
);
create unique index message_template_versions_open_draft
  on message_template_versions (template, channel, language) where status <> 'published';
create unique index message_template_versions_version
  on message_template_versions (template, channel, language, version) where status = 'published';
create index message_template_versions_in_force
  on message_template_versions (template, channel, language, effective_from desc, version desc)
  where status = 'published';

-- Which version of its template a message was rendered from (0: the shipped text), for proof.
alter table outbound_messages add column template_version integer not null default 0;
