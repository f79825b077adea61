-- Separation of duties, continued: an administrator who sets a new password on another person's account could sign
-- in as that person. The new password waits here, as a password_reset request, until a manager or a compliance
-- officer (never the requester, never the account itself) approves it; meanwhile the account cannot sign in.
alter table user_access_requests drop constraint user_access_requests_kind_check;
alter table user_access_requests
  add constraint user_access_requests_kind_check check (kind in ('creation', 'role_change', 'password_reset'));

-- The argon2id hash of the new password, held only while the request is pending: approval moves it onto the account,
-- refusal or withdrawal discards it.
alter table user_access_requests add column password_hash text;
alter table user_access_requests
  add constraint user_access_requests_password_hash_check
  check ((password_hash is not null) = (kind = 'password_reset' and status = 'pending'));

-- One pending request about the account's access and, beside it, at most one pending password reset.
drop index user_access_requests_one_pending;
create unique index user_access_requests_one_pending on user_access_requests (user_id)
  where status = 'pending' and kind <> 'password_reset';
create unique index user_access_requests_one_pending_reset on user_access_requests (user_id)
  where status = 'pending' and kind = 'password_reset';
