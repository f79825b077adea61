import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tpsOf } from './pgbench.js';

const run = promisify(execFile);

/**
 * The floor of a payment on this server: the rows one payment through the service reads, locks and writes, as plain
 * SQL run by pgbench (no Node, no JSON, no allocation in code; the same simple protocol as the TPC-B reference), with
 * as many clients as the service had callers. Each transaction takes a random case of the bench's (references
 * ACC-2027-000001…), locks the idempotency key and the case, reads its claims and facts, and writes what a small
 * payment writes: the payment (its receipt number drawn), the receipt and the allocation with their seven ledger
 * entries, the claim's settled cache, the case's balance, a timeline line and an audit entry, firing the same
 * triggers and foreign-key checks. Whatever the service does, it cannot go faster than this.
 */
export async function paymentFloor(
  binary: string,
  url: string,
  options: { clients: number; seconds: number; cases: number; actorUserId: string },
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-payment-floor-'));
  try {
    const script = join(dir, 'payment.sql');
    writeFileSync(script, floorScript(options.actorUserId));
    const { stdout } = await run(
      binary,
      [
        '-n',
        '-M',
        'simple',
        '-c',
        String(options.clients),
        '-j',
        '2',
        '-T',
        String(options.seconds),
        '-D',
        `ncases=${options.cases}`,
        '-f',
        script,
        url,
      ],
      { maxBuffer: 1 << 24 },
    );
    return tpsOf(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function floorScript(actorUserId: string): string {
  return `\\set n random(1, :ncases)
\\set amount random(1000, 7713)
\\set nonce random(1, 1000000000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('payment:floor-:client_id-:nonce'));
SELECT id FROM payments WHERE idempotency_key = 'floor-:client_id-:nonce';
SELECT c.id AS case_id, c.debtor_id, c.creditor_id, m.commission_rate_bp AS rate
  FROM cases c JOIN mandates m ON m.id = c.mandate_id JOIN creditors cr ON cr.id = c.creditor_id
  WHERE c.reference = 'ACC-2027-' || lpad(':n', 6, '0') FOR UPDATE OF c \\gset
SELECT id AS claim_id FROM claims WHERE case_id = ':case_id' AND status IN ('open', 'paid')
  ORDER BY default_on, reference LIMIT 1 \\gset
SELECT (SELECT time_zone FROM debtor_addresses WHERE debtor_id = ':debtor_id' ORDER BY is_primary DESC, created_at DESC LIMIT 1),
  EXISTS (SELECT 1 FROM promises WHERE case_id = ':case_id' AND status = 'open'),
  ARRAY(SELECT status FROM plans WHERE case_id = ':case_id' AND status IN ('agreed', 'active'));
INSERT INTO payments (debtor_id, case_id, creditor_id, channel, amount_cents, received_on, source, receipt_number,
    idempotency_key, request_hash, recorded_by, recorded_at)
  VALUES (':debtor_id', ':case_id', ':creditor_id', 'bank_transfer', :amount, '2026-11-20', 'api',
    'F-' || lpad(nextval('receipt_number_seq')::text, 7, '0'), 'floor-:client_id-:nonce', md5(':nonce'),
    '${actorUserId}', now()) RETURNING id AS payment_id \\gset
INSERT INTO ledger_transactions (id, kind, occurred_at, payment_id, created_by, created_at)
  VALUES (uuid_time_ordered(), 'receipt', now(), ':payment_id', '${actorUserId}', now()) RETURNING id AS receipt_id \\gset
INSERT INTO ledger_entries (transaction_id, account, amount_cents, debtor_id)
  VALUES (':receipt_id', 'cash', :amount, NULL), (':receipt_id', 'debtor_credit', -:amount, ':debtor_id');
\\set income :amount * :rate / 10000
INSERT INTO ledger_transactions (id, kind, occurred_at, payment_id, created_by, created_at)
  VALUES (uuid_time_ordered(), 'allocation', now(), ':payment_id', '${actorUserId}', now()) RETURNING id AS allocation_id \\gset
INSERT INTO ledger_entries (transaction_id, account, amount_cents, debtor_id, claim_id, component, creditor_id)
  VALUES (':allocation_id', 'debtor_credit', :amount, ':debtor_id', NULL, NULL, NULL),
    (':allocation_id', 'claim', -:amount, NULL, ':claim_id', 'interest', NULL),
    (':allocation_id', 'creditor_placed', :amount, NULL, NULL, NULL, ':creditor_id'),
    (':allocation_id', 'creditor_payable', -(:amount - :income), NULL, NULL, NULL, ':creditor_id'),
    (':allocation_id', 'agency_income', -:income, NULL, NULL, NULL, ':creditor_id');
UPDATE claims SET settled_interest_cents = settled_interest_cents + :amount, updated_at = now() WHERE id = ':claim_id';
UPDATE cases SET balance_cents = balance_cents - :amount, updated_at = now() WHERE id = ':case_id';
INSERT INTO case_events (case_id, debtor_id, occurred_at, kind, summary_key, summary_params, actor_user_id, data)
  VALUES (':case_id', ':debtor_id', now(), 'payment', 'payment_received', '{"amountCents": :amount}', '${actorUserId}',
    '{"paymentId": ":payment_id"}');
INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, target_type, target_id, creditor_id, before, after)
  VALUES (now(), '${actorUserId}', 'manager', 'payment.recorded', 'payment', ':payment_id', ':creditor_id', 'null',
    '{"caseId": ":case_id", "amountCents": :amount}');
END;
`;
}
