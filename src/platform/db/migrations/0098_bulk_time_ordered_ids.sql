-- Ids for set-based writes of many rows (an import's merge), cheaper than uuid_time_ordered() and as hard to guess.
-- uuid_time_ordered() draws 16 bytes from the server's cryptographic generator for every row, and that draw is most of
-- its cost (about 3 of its 4 µs on the 2-core machine): an import of 1,000,000 claims makes some 6,000,000 ids, about
-- 25 s of its merge. Here the transaction draws one random key (startBulkIds, platform/db/bulk-ids.ts) and each id's
-- random bits are SHA-256 of that key and a counter: unpredictable without the key, which never leaves the
-- transaction, and distinct as random bits are. The layout is uuid_time_ordered()'s (RFC 9562, version 7): 48 bits
-- of Unix milliseconds, the version, the variant, then the digest's bits.
-- Without a key set in the transaction the function answers null, so an insert fails on its primary key rather than
-- making ids anyone could compute.
create sequence bulk_id_counter;

create function bulk_time_ordered_id() returns uuid
language sql volatile parallel unsafe
as $$
  select encode(set_bit(set_bit(set_bit(set_bit(set_bit(set_bit(
    overlay(
      substring(sha256(decode(nullif(current_setting('accord.bulk_id_key', true), ''), 'hex')
        || int8send(nextval('bulk_id_counter'))) from 1 for 16)
      placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
    52, 1), 53, 1), 54, 1), 55, 0), 71, 1), 70, 0), 'hex')::uuid
$$;
