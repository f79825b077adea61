-- A care referral sent by letter keeps the letter it sent (src/care/referrals/referral-letter.ts): the PDF is a
-- document of the case, and the referral points to it so the care team opens it from the referral.
alter table care_referrals add column letter_document_id uuid references case_documents (id);
alter table care_referrals add constraint care_referrals_letter_sent
  check (letter_document_id is null or sent_how = 'letter');
