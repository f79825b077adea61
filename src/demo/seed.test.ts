import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { verifyLedger } from '../ledger/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { ROLES } from '../identity/core/roles.js';
import { verifyAuditTrail } from '../audit/verify.js';
import { loadDemo } from './seed.js';
import { demoActors } from './actors.js';
import { listCaseDocuments, openDocument } from '../documents/read-documents.js';
import type { Actor } from '../identity/actor.js';
import { simulateDraft } from '../contact-policy/simulate.js';
import { DEFAULT_POLICY } from '../contact-policy/core/default-policy.js';
import { waitingFor } from '../notifications/waiting.js';
import { listOpenDisputes } from '../disputes/read-disputes.js';
import { complaintRegister } from '../complaints/read-complaints.js';

describe('demo agency', () => {
  let testDb: TestDatabase;
  let deps: Deps;
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-demo-'));
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    deps = {
      database: testDb.database,
      db: testDb.database.db,
      config: loadConfig({ DATA_DIR: dataDir }),
      now: () => new Date('2026-11-24T09:00:00Z'),
    };
  });
  const actor = async (email: string): Promise<Actor> => (await demoActors(deps, [email])).get(email)!;
  afterAll(async () => {
    await testDb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads creditors, one user per role, and debtors with varied cases, once', async () => {
    const first = await loadDemo(deps, { debtors: 300 });
    expect(first).toMatchObject({ loaded: true, creditors: 3, debtors: 300 });
    expect(first.cases).toBeGreaterThan(300);
    const second = await loadDemo(deps, { debtors: 300 });
    expect(second.loaded).toBe(false);
    expect(
      await deps.db
        .selectFrom('debtors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 300 });

    const roles = await deps.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
    const stages = await deps.db.selectFrom('cases').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual([
      'amicable',
      'closed',
      'deceased',
      'dispute',
      'judicial',
      'overindebtedness',
      'plan',
    ]);
    const zones = await deps.db.selectFrom('debtor_addresses').select('time_zone').distinct().execute();
    expect(zones.map((z) => z.time_zone)).toEqual(expect.arrayContaining(['Europe/Paris', 'Europe/Rome']));
  });

  it('records the Italian first letter for a debtor in Italy, the French one for the others, each once a case', async () => {
    const lines = await deps.db
      .selectFrom('case_events as e')
      .innerJoin('cases as c', 'c.id', 'e.case_id')
      .innerJoin('debtor_addresses as a', (join) =>
        join.onRef('a.debtor_id', '=', 'c.debtor_id').on('a.is_primary', '=', true),
      )
      .select(['e.case_id', 'e.summary_key', 'a.country'])
      .where('e.summary_key', 'in', ['first_letter', 'first_letter_it'])
      .execute();
    expect(new Set(lines.map((line) => line.case_id)).size).toBe(lines.length);
    expect(lines.some((line) => line.country === 'IT')).toBe(true);
    for (const line of lines) expect(line.summary_key).toBe(line.country === 'IT' ? 'first_letter_it' : 'first_letter');
    const contacts = await deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('first_letter', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(contacts.n)).toBe(lines.length);
  });

  it('keeps the cached case balance equal to what its claims still owe, and records its payments in the ledger', async () => {
    const cases = await deps.db
      .selectFrom('cases')
      .innerJoin('claims', 'claims.case_id', 'cases.id')
      .select(['cases.id', 'cases.balance_cents', 'cases.close_reason'])
      .select((eb) =>
        eb.fn
          .sum<number>(
            sql<number>`claims.principal_cents + claims.interest_cents + claims.fees_cents - claims.settled_principal_cents - claims.settled_interest_cents - claims.settled_fees_cents`,
          )
          .as('owed'),
      )
      .groupBy(['cases.id', 'cases.balance_cents', 'cases.close_reason'])
      .execute();
    for (const row of cases) {
      expect(row.balance_cents).toBe(row.close_reason === 'paid' ? 0 : Number(row.owed));
    }
    const payments = await deps.db.selectFrom('payments').select('id').execute();
    expect(payments.length).toBeGreaterThan(0);
    expect((await verifyLedger(deps.db)).violation).toBeNull();
  });

  it('dates every hold and leaves the audit trail verifiable', async () => {
    const undated = await deps.db
      .selectFrom('holds')
      .select('id')
      .where('ends_at', 'is', null)
      .where('review_at', 'is', null)
      .execute();
    expect(undated).toEqual([]);
    expect((await verifyAuditTrail(deps.db)).ok).toBe(true);
  });

  it('has a contact history the policy in force would have allowed, every contact of it', async () => {
    // The simulator replays each outbound contact against the version then in force, with what was known then.
    const replay = await simulateDraft(deps, DEFAULT_POLICY, 800);
    expect(replay.contacts).toBeGreaterThan(300);
    expect(replay.truncated).toBe(false);
    expect(replay.rules.filter((rule) => rule.refusedByCurrent > 0)).toEqual([]);
  });

  it('puts a few real documents on cases: each creditor its contract, the care team a medical certificate', async () => {
    const documents = await deps.db
      .selectFrom('case_documents as d')
      .innerJoin('creditors as c', 'c.id', 'd.creditor_id')
      .select(['d.id', 'd.case_id', 'd.document_type', 'd.special_category', 'd.shared_with_creditor', 'c.code'])
      // The death certificates of the demo estates are counted with the estates (src/estates/estates.test.ts), the
      // letters of the care team's referrals with the referrals (below).
      .where('d.document_type', '!=', 'death_certificate')
      .where(
        'd.id',
        'not in',
        deps.db.selectFrom('care_referrals').select('letter_document_id').where('letter_document_id', 'is not', null),
      )
      .execute();
    expect(documents.map((d) => d.document_type).sort()).toEqual([
      'correspondence',
      'creditor_evidence',
      'creditor_evidence',
      'medical_proof',
      'proof_of_income',
    ]);
    const creditor = await actor('creditor@demo.accord.test');
    const contract = documents.find((d) => d.document_type === 'creditor_evidence' && d.code === 'BHORIZON')!;
    expect((await listCaseDocuments(deps, creditor, contract.case_id)).items.map((d) => d.id)).toEqual([contract.id]);
    // Every file is stored and reads back: the care team opens the medical certificate, an agent sees it restricted.
    const medical = documents.find((d) => d.document_type === 'medical_proof')!;
    expect(medical.special_category).toBe(true);
    // Each referral the demo sent by letter has its letter, kept on its case, need-to-know.
    const byLetter = await deps.db
      .selectFrom('care_referrals as r')
      .leftJoin('case_documents as d', 'd.id', 'r.letter_document_id')
      .select(['d.document_type', 'd.special_category', 'd.shared_with_creditor'])
      .where('r.sent_how', '=', 'letter')
      .execute();
    expect(byLetter.length).toBeGreaterThan(0);
    for (const letter of byLetter)
      expect(letter).toEqual({ document_type: 'correspondence', special_category: true, shared_with_creditor: false });
    const opened = await openDocument(deps, await actor('care@demo.accord.test'), medical.id, undefined, 'test');
    opened.stream.destroy();
    expect(opened.mediaType).toBe('application/pdf');
    const listed = await listCaseDocuments(deps, await actor('agent@demo.accord.test'), medical.case_id);
    expect(listed.items.find((d) => d.id === medical.id)).toMatchObject({ restricted: true, fileName: null });
  });

  it('gives every case at the dispute stage its dispute, made through the service, at every step', async () => {
    const disputes = await deps.db
      .selectFrom('disputes as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .select(['d.status', 'd.answer', 'd.decision', 'd.grounds', 'd.evidence_requested', 'd.hold_id', 'c.stage'])
      .execute();
    expect(disputes.map((d) => d.status)).toEqual(
      expect.arrayContaining(['evidence_requested', 'answered', 'decided']),
    );
    // One was settled by the creditor's correction: its case left the dispute stage; the others keep theirs.
    const decided = disputes.filter((d) => d.status === 'decided');
    expect(decided).toEqual([expect.objectContaining({ answer: 'adjusted', decision: 'adjust', stage: 'amicable' })]);
    for (const d of disputes.filter((row) => row.status !== 'decided')) {
      expect(d).toMatchObject({ stage: 'dispute', hold_id: expect.any(String) });
      expect(d.evidence_requested).not.toEqual([]);
    }
    expect(new Set(disputes.map((d) => d.grounds)).size).toBeGreaterThan(2);
    // Every case at the dispute stage has a dispute that waits for someone: the creditor's evidence or a decision.
    const stranded = await deps.db
      .selectFrom('cases as c')
      .select('c.reference')
      .where('c.stage', '=', 'dispute')
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('disputes as d')
              .select('d.id')
              .whereRef('d.case_id', '=', 'c.id')
              .where('d.status', 'in', ['evidence_requested', 'answered']),
          ),
        ),
      )
      .execute();
    expect(stranded).toEqual([]);
    // Banque Horizon is late with some evidence, and sees only its own disputes; the team leader sees them all.
    const horizon = await actor('creditor@demo.accord.test');
    const overdue = await listOpenDisputes(deps, horizon, { overdue: 'true', limit: 50, offset: 0 });
    expect(overdue.total).toBeGreaterThan(0);
    const mine = await listOpenDisputes(deps, horizon, { overdue: 'false', limit: 200, offset: 0 });
    const ofOthers = await deps.db
      .selectFrom('disputes')
      .select('id')
      .where('creditor_id', '!=', horizon.creditorId!)
      .where('status', 'in', ['evidence_requested', 'answered'])
      .execute();
    expect(ofOthers.length).toBeGreaterThan(0);
    expect(mine.items.map((d) => d.id)).not.toEqual(expect.arrayContaining([ofOthers[0]!.id]));
    const leader = await actor('team.leader@demo.accord.test');
    const all = await listOpenDisputes(deps, leader, { overdue: 'false', limit: 200, offset: 0 });
    expect(all.items.map((d) => d.status)).toEqual(expect.arrayContaining(['evidence_requested', 'answered']));
  });

  it('has complaints at every deadline, made through their service, one about contact frequency with its contacts', async () => {
    const register = await complaintRegister(deps, {});
    expect(register.map((c) => c.status).sort()).toEqual(['acknowledged', 'answered', 'received', 'received']);
    expect(register.map((c) => c.deadline.current)).toEqual(expect.arrayContaining(['on_time', 'overdue']));
    const refused = register.find((c) => c.outcome === 'refused')!;
    expect(refused.mediator?.name).toBeTruthy();
    const frequency = register.find((c) => c.subject === 'contact_frequency')!;
    expect(frequency.contacts.length).toBeGreaterThan(0);
  });

  it('leaves work waiting for the team leader, made through the services: a broken promise, a missed callback, a plan to approve', async () => {
    const leader = await deps.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'team.leader@demo.accord.test')
      .executeTakeFirstOrThrow();
    const waiting = await waitingFor(deps, {
      userId: leader.id,
      role: leader.role,
      creditorId: null,
      displayName: leader.display_name,
      email: leader.email,
      locale: leader.locale,
    });
    const kinds = waiting.items.map((item) => (item.kind === 'task_due' ? `task:${item.taskKind}` : item.kind));
    expect(kinds).toEqual(
      expect.arrayContaining(['plan_approval', 'callback_due', 'task:promise_broken', 'task:callback_missed']),
    );
    expect(waiting.total).toBe(waiting.items.length);
    // Each came from its service: the promise is broken, the approval was asked by the agent, the callback is pending.
    const promise = await deps.db
      .selectFrom('promises')
      .select('status')
      .where('status', '=', 'broken')
      .executeTakeFirst();
    expect(promise).toEqual({ status: 'broken' });
    const approval = await deps.db
      .selectFrom('plan_approvals as a')
      .innerJoin('users as u', 'u.id', 'a.requested_by')
      .select(['a.status', 'u.email'])
      .where('a.status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(approval).toEqual({ status: 'pending', email: 'agent@demo.accord.test' });
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['promise.broken', 'callback.missed'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['callback.missed', 'promise.broken']);
  });

  it('gives the judicial team reviews to decide, some blocked, two decided, made through the services', async () => {
    const reviews = await deps.db
      .selectFrom('judicial_reviews as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.status', 'r.decision', 'r.file_not_before', 'c.stage'])
      .execute();
    const waiting = reviews.filter((r) => r.status === 'waiting');
    expect(waiting.length).toBeGreaterThan(3);
    expect(reviews.filter((r) => r.decision === 'escalate')).toEqual([
      { status: 'decided', decision: 'escalate', file_not_before: '2026-12-02', stage: 'judicial' },
    ]);
    expect(reviews.filter((r) => r.decision === 'keep_amicable')).toHaveLength(1);
    const judicial = await actor('judicial@demo.accord.test');
    const { listReviewQueue } = await import('../judicial/review-view.js');
    const queue = await listReviewQueue(deps, judicial, { limit: 200, offset: 0 });
    const blocks = queue.items.flatMap((item) => item.blocks);
    expect(blocks).toEqual(expect.arrayContaining(['time_barred', 'dispute_open', 'no_forbearance_offered']));
    expect(queue.items.some((item) => item.blocks.length === 0)).toBe(true);
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'judicial_review.decided')
      .execute();
    expect(audit).toHaveLength(2);
  });
  it('gives the over-indebtedness team procedures at every step, made through the services, in its queue', async () => {
    const { procedureQueue } = await import('../overindebtedness/read-procedure.js');
    const states = await deps.db.selectFrom('overindebtedness_procedures').select('state').execute();
    expect(states.map((s) => s.state).sort()).toEqual(
      expect.arrayContaining(['filed', 'liabilities_stated', 'mesures_imposees', 'prp_sans_liquidation']),
    );
    const queue = await procedureQueue(deps, null);
    expect(queue.items.length).toBeGreaterThanOrEqual(4);
    const dates = queue.items.map((i) => i.nextAction.dueOn);
    expect(dates).toEqual([...dates].sort());
    expect(queue.items.every((i) => i.creditors.length > 0)).toBe(true);
    const tasks = await deps.db
      .selectFrom('case_tasks')
      .select('id')
      .where('kind', '=', 'liabilities_statement')
      .execute();
    expect(tasks.length).toBeGreaterThan(0);
    expect((await verifyLedger(deps.db)).ok).toBe(true);
  });
});
