-- Appending to the audit trail is one insert into audit_log, in the transaction of every audited act: each index
-- on the table is written by each of them. The unique index on audit_log.id served no reader (entries are found by
-- seq, by time, action, actor, target, case or debtor, and by txid for the sealer; the id is time-ordered and
-- random, so it is unique without the index) and is dropped: nine indexes become eight (docs/audit.md).
alter table audit_log drop constraint audit_log_id_key;
