-- A care referral sent by e-mail: Accord writes it and sends it through the outbox (src/care/referrals/referral-email.ts,
-- docs/care-referrals.md). It is not a collection contact: it goes with the debtor's consent, says nothing of the debt
-- and is sent while collection may be paused, so the contact policy does not decide it and no contact is recorded for
-- it. Its row in the outbox says what it is for; a care e-mail is special-category (need-to-know, never a creditor's to
-- read) and carries no one-click opt-out link (a single message the person agreed to receive, as a sign-in code).
alter table outbound_messages alter column contact_id drop not null;
alter table outbound_messages add column purpose text not null default 'collection'
  check (purpose in ('collection', 'care_referral'));
alter table outbound_messages add column special_category boolean not null default false;
alter table outbound_messages add constraint outbound_messages_collection_contact
  check ((purpose = 'collection') = (contact_id is not null));
alter table outbound_messages add constraint outbound_messages_care_special
  check (purpose <> 'care_referral' or (special_category and channel = 'email'));
-- The token's check of 0058 was written on its column, so PostgreSQL named it after the table alone: found by its text.
do $$
declare
  found text;
begin
  select conname into found from pg_constraint
  where conrelid = 'outbound_messages'::regclass and contype = 'c'
    and pg_get_constraintdef(oid) like '%unsubscribe_token IS NOT NULL%';
  execute format('alter table outbound_messages drop constraint %I', found);
end $$;
alter table outbound_messages add constraint outbound_messages_unsubscribe_token_check
  check ((channel = 'email' and purpose = 'collection') = (unsubscribe_token is not null));

-- The referral names the e-mail it sent, as it names the letter.
alter table care_referrals add column email_message_id uuid references outbound_messages (id);
alter table care_referrals add constraint care_referrals_email_sent
  check (email_message_id is null or sent_how = 'email');
