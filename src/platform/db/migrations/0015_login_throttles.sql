-- Sign-in throttling by progressive delay (src/identity/core/login-throttle.ts) instead of a hard lock.
-- An account's count stays on its row (users.failed_login_count); the moment of its last failure joins it, and
-- users.locked_until now says until when the next attempt waits.
alter table users add column last_failed_login_at timestamptz;

-- Counts for what has no account row: e-mail addresses no account has ('account:' and the SHA-256 of the address,
-- never the address itself) and client addresses ('ip:' and the address). Rows a day old are forgotten.
create table login_throttles (
  subject text primary key check (subject ~ '^(account|ip):'),
  failed_count integer not null check (failed_count >= 0),
  last_failure_at timestamptz not null
);
create index login_throttles_last_failure_at on login_throttles (last_failure_at);
