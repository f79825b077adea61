-- The audit chain without a global lock (docs/audit.md). An entry is appended with a plain insert in the transaction
-- of the act it records and carries that transaction's id; a sealer folds committed entries into the hash chain in
-- batches, in the order it seals them. The chain's links move out of audit_log into audit_chain, one row per sealed
-- entry, so audit_log stays strictly append-only and a seal writes two small index entries, not nine.
create table audit_chain (
  position bigint primary key,
  seq bigint not null unique,
  prev_hash text not null,
  hash text not null
);

-- The existing chain was written in seq order under the head's lock: its order is its positions.
insert into audit_chain (position, seq, prev_hash, hash)
  select row_number() over (order by seq), seq, prev_hash, hash from audit_log;

alter table audit_log drop column prev_hash;
alter table audit_log drop column hash;
-- Entries from before this migration are sealed and keep a null; the sealer looks only at ids above its mark.
alter table audit_log add column txid xid8;
alter table audit_log alter column txid set default pg_current_xact_id();
create index audit_log_txid on audit_log (txid);

-- The head is now the sealer's alone: the newest sealed hash and count, and the mark below which every transaction
-- had ended when the sealer last emptied the queue (every entry of those transactions is sealed).
alter table audit_head rename column last_seq to last_position;
update audit_head set last_position = (select max(position) from audit_chain);
alter table audit_head add column sealed_below xid8 not null default '0';

create trigger audit_chain_no_update_or_delete before update or delete on audit_chain
  for each row execute function sensitive_reads_are_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function sensitive_reads_are_append_only();

-- A batch of sensitive reads is sealed by an audit entry whose hash is known only once the chain seals it: the seal
-- row names the entry by its seq.
alter table sensitive_read_seals add column audit_seq bigint;
alter table sensitive_read_seals alter column audit_hash drop not null;
