import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { recordMessageEvent } from '../communications/message-events.js';
import { loadDemoPlacement } from '../demo/placement.js';
import { refreshPerformance } from '../reporting/refresh-performance.js';

/** A creditor user sees its own creditor's data and nothing of any other, whatever it asks for. */
describe.each(ENGINES)('creditor isolation on %s', (engine) => {
  let t: TestApp;
  let horizon: Session;
  let energie: Session;
  let energieCase: { id: string; reference: string; claimReference: string; lastName: string };

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    horizon = await signIn(t.app, 'creditor@demo.accord.test');
    energie = await signIn(t.app, 'creditor.energie@demo.accord.test');
    const row = await t.deps.db
      .selectFrom('cases')
      .innerJoin('claims', 'claims.case_id', 'cases.id')
      .innerJoin('debtors', 'debtors.id', 'cases.debtor_id')
      .select(['cases.id', 'cases.reference', 'claims.reference as claim_reference', 'debtors.last_name'])
      .where('cases.creditor_id', '=', energie.creditorId!)
      .executeTakeFirstOrThrow();
    energieCase = {
      id: row.id,
      reference: row.reference,
      claimReference: row.claim_reference,
      lastName: row.last_name!,
    };
  });
  afterAll(() => t.close());

  it('lists only its own creditor', async () => {
    const body = (await as(t.app, horizon)('GET', '/api/v1/creditors')).json() as { items: { id: string }[] };
    expect(body.items.map((c) => c.id)).toEqual([horizon.creditorId]);
  });

  it('cannot open another creditor, which looks as absent as a missing one', async () => {
    const response = await as(t.app, horizon)('GET', `/api/v1/creditors/${energie.creditorId}`);
    expect(response.statusCode).toBe(404);
    expect((await as(t.app, horizon)('GET', `/api/v1/creditors/${horizon.creditorId}`)).statusCode).toBe(200);
  });

  it('lists only its own cases, even when filtering for another creditor', async () => {
    const own = (await as(t.app, horizon)('GET', '/api/v1/cases?limit=200')).json() as {
      items: { creditor: { id: string } }[];
    };
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((c) => c.creditor.id))).toEqual(new Set([horizon.creditorId]));
    const other = (await as(t.app, horizon)('GET', `/api/v1/cases?creditorId=${energie.creditorId}`)).json() as {
      items: unknown[];
    };
    expect(other.items).toEqual([]);
  });

  it('finds nothing of another creditor by case reference, claim reference or name', async () => {
    for (const q of [energieCase.reference, energieCase.claimReference]) {
      const body = (await as(t.app, horizon)('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`)).json() as {
        items: unknown[];
      };
      expect(body.items, q).toEqual([]);
    }
    const byName = (
      await as(t.app, horizon)('GET', `/api/v1/cases?q=${encodeURIComponent(energieCase.lastName)}&limit=200`)
    ).json() as { items: { creditor: { id: string } }[] };
    expect(byName.items.every((c) => c.creditor.id === horizon.creditorId)).toBe(true);
    const mine = (
      await as(t.app, energie)('GET', `/api/v1/cases?q=${encodeURIComponent(energieCase.reference)}`)
    ).json() as { items: { id: string }[] };
    expect(mine.items.map((c) => c.id)).toEqual([energieCase.id]);
  });

  it('cannot open another creditor case', async () => {
    const response = await as(t.app, horizon)('GET', `/api/v1/cases/${energieCase.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${energieCase.id}`)).statusCode).toBe(200);
    // Nor its estate, its disputes, its over-indebtedness procedure, its judicial reviews, its judicial procedure or its
    // handoff files: the case's lifecycle reads answer as if the case did not exist.
    for (const part of ['estate', 'disputes', 'judicial-reviews', 'overindebtedness', 'judicial-procedure', 'handoffs'])
      expect((await as(t.app, horizon)('GET', `/api/v1/cases/${energieCase.id}/${part}`)).statusCode).toBe(404);
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${energieCase.id}/estate`)).statusCode).toBe(200);
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${energieCase.id}/overindebtedness`)).statusCode).toBe(200);
    expect((await as(t.app, energie)('GET', `/api/v1/cases/${energieCase.id}/judicial-procedure`)).statusCode).toBe(
      200,
    );
    // The teams' queues cross creditors: never a creditor user's.
    expect((await as(t.app, energie)('GET', '/api/v1/overindebtedness/queue')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial/procedures/queue')).statusCode).toBe(403);
  });

  it('reads its own projection of the specialist teams’ work, and nothing of another creditor’s file', async () => {
    const judicial = await signIn(t.app, demoEmail('judicial_specialist'));
    const specialist = await signIn(t.app, demoEmail('overindebtedness_specialist'));
    // An Énergie Rhône case goes to court (the review's move is tested with the review; here the stage is set), its
    // procedure is opened with a note and a handoff file built for its partner.
    const kase = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('creditor_id', '=', energie.creditorId!)
      .where('stage', '=', 'amicable')
      .where('status', '=', 'open')
      .where('balance_cents', '>', 0)
      .orderBy('reference', 'desc')
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('cases').set({ stage: 'judicial' }).where('id', '=', kase.id).execute();
    const opened = await as(t.app, judicial)('POST', `/api/v1/cases/${kase.id}/judicial-procedure`, {
      route: 'injonction_de_payer',
      note: 'Note interne de l’agence',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const built = await as(t.app, judicial)('POST', `/api/v1/cases/${kase.id}/handoffs`);
    expect(built.statusCode, built.body).toBe(201);
    const handoffId = built.json().id as string;

    // Énergie Rhône reads the procedure's state, never its acts, partner or costs; its own handoff file.
    const procedure = (await as(t.app, energie)('GET', `/api/v1/cases/${kase.id}/judicial-procedure`)).json();
    expect(procedure.procedure).toMatchObject({
      state: 'requete_to_file',
      steps: null,
      costs: null,
      partnerId: null,
      partnerReports: null,
    });
    expect(JSON.stringify(procedure)).not.toContain('Note interne');
    expect((await as(t.app, energie)('GET', `/api/v1/handoffs/${handoffId}/json`)).statusCode).toBe(200);
    // Banque Horizon reads nothing of it: the file, its PDF, the procedure, as if none existed.
    for (const path of [`/api/v1/handoffs/${handoffId}/json`, `/api/v1/handoffs/${handoffId}/pdf`])
      expect((await as(t.app, horizon)('GET', path)).statusCode, path).toBe(404);
    expect((await as(t.app, horizon)('GET', `/api/v1/cases/${kase.id}/judicial-procedure`)).statusCode).toBe(404);

    // An over-indebtedness filing of another Énergie Rhône debtor: the creditor sees the states and days, not the
    // commission's file number, documents or notes.
    const other = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('creditor_id', '=', energie.creditorId!)
      .where('stage', '=', 'amicable')
      .where('status', '=', 'open')
      .where('debtor_id', '<>', kase.debtor_id)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const filed = await as(t.app, specialist)('POST', `/api/v1/debtors/${other.debtor_id}/overindebtedness`, {
      filedOn: '2026-11-02',
      fileReference: 'BDF-069-2026-1234',
      documentRef: 'Courrier BdF du 2 novembre',
      note: 'Appel du débiteur',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const seen = (await as(t.app, energie)('GET', `/api/v1/cases/${other.id}/overindebtedness`)).json();
    expect(seen.procedure).toMatchObject({ state: 'filed', fileReference: null });
    const text = JSON.stringify(seen);
    for (const hidden of ['BDF-069-2026-1234', 'Courrier BdF', 'Appel du débiteur']) expect(text).not.toContain(hidden);
    expect((await as(t.app, horizon)('GET', `/api/v1/cases/${other.id}/overindebtedness`)).statusCode).toBe(404);
  });

  it('sees only its own figures on the dashboard', async () => {
    const body = (await as(t.app, horizon)('GET', '/api/v1/dashboard')).json() as {
      creditors: { creditorId: string }[];
    };
    expect(body.creditors.map((c) => c.creditorId)).toEqual([horizon.creditorId]);
  });

  it('reads only its own portfolio performance, asked for another creditor or a mandate of another, and exports it alone', async () => {
    const mandate = await t.deps.db
      .selectFrom('mandates')
      .select('id')
      .where('creditor_id', '=', energie.creditorId!)
      .executeTakeFirstOrThrow();
    for (const query of ['', `?creditorId=${energie.creditorId}`, `?mandateId=${mandate.id}`]) {
      const body = (await as(t.app, horizon)('GET', `/api/v1/reports/portfolio${query}`)).json() as {
        creditors: { creditorId: string }[];
      };
      for (const creditor of body.creditors) expect(creditor.creditorId, query).toBe(horizon.creditorId);
    }
    const file = await as(t.app, horizon)(
      'GET',
      `/api/v1/reports/portfolio/export?format=csv&creditorId=${energie.creditorId}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.body).not.toContain('Énergie');
  });

  it('gives a creditor user its own monthly report and its own sendings, whichever creditor it names', async () => {
    const asked = `creditorId=${horizon.creditorId}`;
    const listed = (await as(t.app, energie)('GET', `/api/v1/reports/monthly?${asked}`)).json() as {
      sendings: { creditorId: string }[];
    };
    for (const sending of listed.sendings) expect(sending.creditorId).toBe(energie.creditorId);
    const file = await as(t.app, energie)('GET', `/api/v1/reports/monthly/file?${asked}&month=2026-10&format=pdf`);
    expect(file.statusCode, file.body).toBe(200);
    const text = pdfText(file.rawPayload);
    expect(text).toContain('Énergie Rhône');
    expect(text).not.toContain('Banque Horizon');
  });

  it('lists and filters by its own placements only: another creditor’s placement reads empty, never its figures', async () => {
    // Banque Horizon's example file, imported through the intake pipeline, and the reports' facts brought up to date.
    await loadDemoPlacement(t.deps);
    await refreshPerformance(t.deps);
    const placement = await t.deps.db
      .selectFrom('placements')
      .select('id')
      .where('creditor_id', '=', horizon.creditorId!)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    const listed = (
      await as(t.app, energie)('GET', `/api/v1/reports/portfolio/placements?creditorId=${horizon.creditorId}`)
    ).json() as { items: { id: string; creditorId: string }[] };
    for (const item of listed.items) expect(item.creditorId).toBe(energie.creditorId);
    const asked = `placementId=${placement.id}&creditorId=${horizon.creditorId}`;
    const curves = (await as(t.app, energie)('GET', `/api/v1/reports/portfolio?${asked}`)).json() as {
      creditors: unknown[];
    };
    expect(curves.creditors).toEqual([]);
    // The outcomes read as for a placement that does not exist; the same placement gives Banque Horizon its figures.
    const nowhere = `placementId=00000000-0000-4000-8000-000000000000`;
    const outcomes = async (session: Session, query: string) =>
      (await as(t.app, session)('GET', `/api/v1/reports/portfolio/outcomes?${query}`)).json() as unknown;
    expect(await outcomes(energie, asked)).toEqual(await outcomes(energie, nowhere));
    expect(await outcomes(horizon, asked)).not.toEqual(await outcomes(horizon, nowhere));
    const file = await as(t.app, energie)('GET', `/api/v1/reports/portfolio/export?format=csv&${asked}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).not.toContain('Banque Horizon');
  });

  it('reads only its own creditor’s champion/challenger figures, asked for another, exports them alone, and decides nothing', async () => {
    const span = '?from=2022-01&to=2026-12';
    const mine = (await as(t.app, horizon)('GET', `/api/v1/reports/champion-challenger${span}`)).json() as {
      segments: { segmentId: string; champion: { cases: number }; challenger: { cases: number } }[];
    };
    const asked = (
      await as(t.app, horizon)('GET', `/api/v1/reports/champion-challenger${span}&creditorId=${energie.creditorId}`)
    ).json() as typeof mine;
    expect(asked).toEqual(mine);
    // Counted apart: the arms' cases of the creditor's own facts only.
    const own = await t.deps.db
      .selectFrom('experiment_arm_facts')
      .select(({ fn }) => fn.sum<number>('cases').as('cases'))
      .where('creditor_id', '=', horizon.creditorId!)
      .executeTakeFirst();
    const shown = mine.segments.reduce((sum, s) => sum + s.champion.cases + s.challenger.cases, 0);
    expect(shown).toBe(Number(own?.cases ?? 0));
    const file = await as(t.app, horizon)(
      'GET',
      `/api/v1/reports/champion-challenger/export?format=csv&creditorId=${energie.creditorId}`,
    );
    expect(file.statusCode).toBe(200);
    const decided = await as(t.app, horizon)('POST', '/api/v1/reports/champion-challenger/decisions', {
      segmentId: 'new-large',
      decision: 'promote',
      note: 'Not mine to decide',
    });
    expect(decided.statusCode).toBe(403);
  });

  it('reads no agency-wide settings: the mediators every creditor shares, the judicial partners, nor a strategy preview counting every creditor', async () => {
    expect((await as(t.app, horizon)('GET', '/api/v1/mediators')).statusCode).toBe(403);
    // Nor the agency's judicial partners (its address book of commissaires and lawyers).
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-partners')).statusCode).toBe(403);
    // Nor their API keys, nor the partner reports' inbox (applied or rejected by the judicial team).
    const partner = '00000000-0000-4000-8000-000000000000';
    expect((await as(t.app, horizon)('GET', `/api/v1/judicial-partners/${partner}/keys`)).statusCode).toBe(403);
    const key = await as(t.app, horizon)('POST', `/api/v1/judicial-partners/${partner}/keys`, { label: 'Mine' });
    expect(key.statusCode).toBe(403);
    const report = await t.deps.db.selectFrom('judicial_partner_reports').select('id').executeTakeFirst();
    const reportId = report?.id ?? partner;
    expect((await as(t.app, horizon)('POST', `/api/v1/judicial/partner-reports/${reportId}/apply`)).statusCode).toBe(
      403,
    );
    const reject = await as(t.app, horizon)('POST', `/api/v1/judicial/partner-reports/${reportId}/reject`, {
      reason: 'Not mine to say',
    });
    expect(reject.statusCode).toBe(403);
    const preview = await as(t.app, horizon)('POST', '/api/v1/strategies/previews', { segments: [] });
    expect(preview.statusCode).toBe(403);
    // Nor the judicial review queue, which lists every creditor's cases, nor its counts.
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-reviews')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-reviews?blocked=none')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/judicial-reviews/counts')).statusCode).toBe(403);
    // The care unit's figures concern fragile debtors of every creditor: never a creditor's to read.
    expect((await as(t.app, horizon)('GET', '/api/v1/reports/care')).statusCode).toBe(403);
    // Nor the agents' and teams' figures: they name the agency's people (whatever creditor or team is asked for).
    expect((await as(t.app, horizon)('GET', '/api/v1/reports/teams')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/reports/teams?granularity=day')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/reports/teams/export?format=xlsx')).statusCode).toBe(403);
    // Nor the agency's figures of law (the procedures' deadlines, the commissaire's fee), read or added to.
    expect((await as(t.app, horizon)('GET', '/api/v1/legal-figures')).statusCode).toBe(403);
    const figure = await as(t.app, horizon)('POST', '/api/v1/legal-figures/deadlines', {
      procedure: 'judicial',
      deadline: 'service',
      amount: 1,
      unit: 'months',
      movesToWorkingDay: true,
      tag: 'law',
      source: 'CPC 1411',
      validFrom: '2190-01-01',
    });
    expect(figure.statusCode).toBe(403);
    const fee = await as(t.app, horizon)('POST', '/api/v1/legal-figures/fee-tables', {});
    expect(fee.statusCode).toBe(403);
  });

  it('reads nothing of the care unit: neither the directory nor a debtor’s referrals, its own or another’s', async () => {
    expect((await as(t.app, horizon)('GET', '/api/v1/care/organisations')).statusCode).toBe(403);
    const own = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('creditor_id', '=', horizon.creditorId!)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    for (const debtorId of [own.debtor_id, (await energieDebtor()).debtor_id]) {
      expect((await as(t.app, horizon)('GET', `/api/v1/debtors/${debtorId}/referrals`)).statusCode).toBe(403);
      const proposed = await as(t.app, horizon)('POST', `/api/v1/debtors/${debtorId}/referrals`, {
        consent: true,
        organisationId: '00000000-0000-4000-8000-000000000000',
        need: 'Not mine to say',
      });
      expect(proposed.statusCode).toBe(403);
    }
    const referral = '00000000-0000-4000-8000-000000000000';
    const closing = await as(t.app, horizon)('POST', `/api/v1/referrals/${referral}/closing`, { outcome: 'refused' });
    expect(closing.statusCode).toBe(403);
    // The letters the care team sent, even on the creditor's own cases: never listed, never opened.
    const letters = await t.deps.db
      .selectFrom('care_referrals as r')
      .innerJoin('case_documents as d', 'd.id', 'r.letter_document_id')
      .select(['d.id', 'd.case_id', 'd.creditor_id'])
      .execute();
    expect(letters.length).toBeGreaterThan(0);
    for (const letter of letters) {
      expect(
        (await as(t.app, horizon)('GET', `/api/v1/documents/${letter.id}/file`)).statusCode,
      ).toBeGreaterThanOrEqual(403);
      if (letter.creditor_id !== horizon.creditorId) continue;
      const listed = await as(t.app, horizon)('GET', `/api/v1/cases/${letter.case_id}/documents`);
      expect(listed.statusCode).toBe(200);
      expect(JSON.stringify(listed.json())).not.toContain(letter.id);
    }
  });

  it('never learns of a care referral’s e-mail, even on its own case: not among its messages, not on its timeline', async () => {
    const care = await signIn(t.app, demoEmail('care_specialist'));
    const own = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('creditor_id', '=', horizon.creditorId!)
      .where('status', '=', 'open')
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('contact_opt_outs')
      .set({ withdrawn_at: new Date() })
      .where('debtor_id', '=', own.debtor_id)
      .where('withdrawn_at', 'is', null)
      .execute();
    await t.deps.db
      .insertInto('debtor_contact_points')
      .values({
        debtor_id: own.debtor_id,
        channel: 'email',
        usage: 'personal',
        value: 'orientation@example.org',
        verified_at: new Date(),
      })
      .execute();
    const suggestions = (await as(t.app, care)('GET', `/api/v1/debtors/${own.debtor_id}/referrals`)).json()
      .suggestions as { id: string }[];
    const proposed = await as(t.app, care)('POST', `/api/v1/debtors/${own.debtor_id}/referrals`, {
      consent: true,
      organisationId: suggestions[0]!.id,
      need: 'Not the creditor’s to read',
      caseId: own.id,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const byHorizon = await as(t.app, horizon)('POST', `/api/v1/referrals/${proposed.json().id}/sending`, {
      how: 'email',
    });
    expect(byHorizon.statusCode).toBe(403);
    const sent = await as(t.app, care)('POST', `/api/v1/referrals/${proposed.json().id}/sending`, { how: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    const messageId = sent.json().email.messageId as string;
    await recordMessageEvent(t.deps, {
      channel: 'email',
      messageId,
      outcome: 'failed',
      at: new Date(),
      detail: 'given up',
    });
    const messages = await as(t.app, horizon)('GET', `/api/v1/cases/${own.id}/messages`);
    expect(messages.statusCode).toBe(200);
    const caseView = await as(t.app, horizon)('GET', `/api/v1/cases/${own.id}`);
    expect(caseView.statusCode).toBe(200);
    for (const body of [messages.body, caseView.body]) {
      expect(body).not.toContain(messageId);
      expect(body).not.toContain('care_referral');
      expect(body).not.toContain('orientation@example.org');
    }
    expect((caseView.json().timeline ?? []).map((e: { kind: string }) => e.kind)).not.toContain('care');
  });

  it('reads nothing of the staff’s training: its pages, a module, a quiz, the team’s state', async () => {
    const attempt = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/training'],
      ['GET', '/api/v1/training/team'],
      ['GET', '/api/v1/training/modules/contact-policy'],
      ['POST', '/api/v1/training/modules/contact-policy/attempts'],
      ['GET', `/api/v1/training/attempts/${attempt}`],
      ['POST', `/api/v1/training/attempts/${attempt}/answers`],
    ] as const)
      expect((await as(t.app, horizon)(method, url, method === 'POST' ? {} : undefined)).statusCode, url).toBe(403);
  });

  it('reads no satisfaction figure or comment, and a survey link shows no creditor, case or debtor', async () => {
    for (const url of [
      '/api/v1/satisfaction/figures',
      '/api/v1/satisfaction/comments',
      '/api/v1/satisfaction/settings',
    ])
      expect((await as(t.app, horizon)('GET', url)).statusCode, url).toBe(403);
    const token = 'isolationisolationisolationisol1';
    const energieRow = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'debtor_id'])
      .where('id', '=', energieCase.id)
      .executeTakeFirstOrThrow();
    const agent = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'agent')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    await t.deps.db
      .insertInto('satisfaction_invitations')
      .values({
        debtor_id: energieRow.debtor_id,
        case_id: energieRow.id,
        creditor_id: energie.creditorId!,
        interaction_kind: 'call',
        interaction_id: energieRow.id,
        interaction_at: new Date(now - 86_400_000),
        agent_id: agent.id,
        channel: 'email',
        token_sha256: createHash('sha256').update(token).digest('hex'),
        language: 'fr',
        sent_at: new Date(now - 3_600_000),
        expires_at: new Date(now + 86_400_000),
      })
      .execute();
    const survey = await as(t.app, horizon)('GET', `/api/v1/satisfaction/survey/${token}`);
    expect(survey.statusCode).toBe(200);
    const creditor = await t.deps.db
      .selectFrom('creditors')
      .select(['name', 'legal_name'])
      .where('id', '=', energie.creditorId!)
      .executeTakeFirstOrThrow();
    for (const secret of [
      energieCase.reference,
      energieCase.lastName,
      creditor.name,
      creditor.legal_name,
      energie.creditorId!,
    ])
      expect(survey.body).not.toContain(secret);
  });

  it('reads and writes nothing of call quality: grids, samples, reviews, coaching notes and trends name the agency’s people', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/quality/grids'],
      ['POST', '/api/v1/quality/grids'],
      ['GET', '/api/v1/quality/sample'],
      ['GET', '/api/v1/quality/trends'],
      ['POST', '/api/v1/quality/reviews'],
      ['GET', `/api/v1/quality/reviews/${id}`],
      ['POST', `/api/v1/quality/reviews/${id}/acknowledge`],
      ['POST', '/api/v1/quality/coaching'],
      ['POST', `/api/v1/quality/coaching/${id}/acknowledge`],
      ['GET', '/api/v1/quality/mine'],
      ['GET', `/api/v1/quality/agents/${id}`],
    ] as const)
      expect((await as(t.app, horizon)(method, url, method === 'POST' ? {} : undefined)).statusCode, url).toBe(403);
  });

  it('reads nothing of the first letter or a reminder letter, of its own case or another’s, nor issues one: letters are agency correspondence', async () => {
    const own = await t.deps.db
      .selectFrom('cases')
      .select('id')
      .where('creditor_id', '=', horizon.creditorId!)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    for (const caseId of [own.id, energieCase.id]) {
      for (const part of [
        'first-letter',
        'first-letter/preview',
        'reminder-letters/preview',
        'reminder-letters/preview.pdf',
      ]) {
        expect((await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/${part}`)).statusCode).toBe(403);
      }
      for (const part of ['first-letter', 'reminder-letters'])
        expect((await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/${part}`)).statusCode).toBe(403);
    }
  });

  it('reads its own case’s messages without the address, nothing of another’s, and sends, previews or runs nothing', async () => {
    const own = await t.deps.db
      .selectFrom('cases')
      .select(['id', 'reference'])
      .where('creditor_id', '=', horizon.creditorId!)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    // The debtor's SMS reply on its own case: the agency's to answer, not the creditor's to read (special category).
    const debtor = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('inbound_sms')
      .values({
        received_at: new Date(),
        from_number: '+33699000001',
        to_number: '36180',
        body: 'PRIVATE-REPLY hospitalisé',
        content_sha256: '0'.repeat(64),
        debtor_id: debtor.debtor_id,
        case_id: own.id,
      })
      .execute();
    const mine = await as(t.app, horizon)('GET', `/api/v1/cases/${own.id}/messages`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ replies: [] });
    expect(mine.body).not.toContain('PRIVATE-REPLY');
    expect((await as(t.app, horizon)('GET', '/api/v1/sms-replies/unmatched')).statusCode).toBe(403);
    // The debtor portal is the debtor's: a creditor's session opens none of it, its own debtors' cases included.
    for (const url of [
      '/api/portal/v1/me',
      `/api/portal/v1/cases/${own.id}`,
      '/api/portal/v1/contact-preferences',
      '/api/portal/v1/contact-details',
      `/api/portal/v1/cases/${own.id}/plans`,
      `/api/portal/v1/cases/${own.id}/mandate`,
      `/api/portal/v1/cases/${own.id}/card-payments/00000000-0000-4000-8000-000000000000`,
      `/api/portal/v1/cases/${own.id}/payments/00000000-0000-4000-8000-000000000000/receipt.pdf`,
    ])
      expect((await as(t.app, horizon)('GET', url)).statusCode, url).toBe(401);
    // Nor contests a debt, sends a document or gives an address in a debtor's name.
    for (const [url, body] of [
      [`/api/portal/v1/cases/${own.id}/disputes`, { claimReference: 'X', grounds: 'other', note: 'x'.repeat(20) }],
      [`/api/portal/v1/cases/${own.id}/documents?fileName=a.pdf`, {}],
      ['/api/portal/v1/contact-details/address', { line1: 'x', postalCode: '75001', city: 'Paris', country: 'FR' }],
      ['/api/portal/v1/contact-details/phones', { number: '0612345678', usage: 'mobile' }],
    ] as const)
      expect((await as(t.app, horizon)('POST', url, body)).statusCode, url).toBe(401);
    expect(
      (
        await as(t.app, horizon)('POST', `/api/portal/v1/cases/${own.id}/complaints`, {
          subject: 'other',
          summary: 'x'.repeat(20),
        })
      ).statusCode,
    ).toBe(401);
    for (const [url, payload] of [
      [`/api/portal/v1/cases/${own.id}/budget`, { household: { adults: 1, children: 0, dependants: 0 } }],
      [`/api/portal/v1/cases/${own.id}/plans`, { kind: 'pay_in_full', consent: true }],
      // Nor signs or revokes a direct-debit mandate, nor answers a survey, in a debtor's name.
      [`/api/portal/v1/cases/${own.id}/mandate`, { holder: 'X Y', iban: 'FR7630006000011234567890189', consent: true }],
      [`/api/portal/v1/cases/${own.id}/mandate/revoke`, {}],
      [`/api/portal/v1/cases/${own.id}/survey`, { kind: 'mandate_signed', id: own.id, score: 5 }],
      // Nor starts a card payment in a debtor's name.
      [`/api/portal/v1/cases/${own.id}/card-payments`, { choice: 'balance', key: 'creditor-probe-key-0001' }],
      // Nor makes or removes a debtor's passkey.
      ['/api/portal/v1/passkeys/options', {}],
      ['/api/portal/v1/passkeys/00000000-0000-4000-8000-000000000000/remove', {}],
    ] as const)
      expect((await as(t.app, horizon)('POST', url, payload)).statusCode, url).toBe(401);
    for (const item of (mine.json() as { items: { recipient: string | null }[] }).items)
      expect(item.recipient).toBeNull();
    expect((await as(t.app, horizon)('GET', `/api/v1/cases/${energieCase.id}/messages`)).statusCode).toBe(404);
    const message = { channel: 'email', template: 'reminder' };
    for (const caseId of [own.id, energieCase.id]) {
      expect((await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/messages`, message)).statusCode).toBe(403);
      expect((await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/messages/preview`, message)).statusCode).toBe(
        403,
      );
      expect(
        (await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/returned-mail`, { returnedOn: '2026-11-20' }))
          .statusCode,
      ).toBe(403);
      // Resetting a debtor's portal access is the agency's.
      expect((await as(t.app, horizon)('POST', `/api/v1/cases/${caseId}/portal-passkeys/revoke`)).statusCode).toBe(403);
      expect((await as(t.app, horizon)('GET', `/api/v1/cases/${caseId}/portal-passkeys`)).statusCode).toBe(403);
    }
    // Campaigns and print runs span every creditor's cases: never a creditor's to read.
    expect((await as(t.app, horizon)('GET', '/api/v1/campaigns')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('GET', '/api/v1/print-runs')).statusCode).toBe(403);
    expect((await as(t.app, horizon)('POST', '/api/v1/print-runs')).statusCode).toBe(403);
    // Nor are the letters of the runs (any creditor's debtors' names and addresses), nor their recovery.
    const anyRun = '/api/v1/print-runs/00000000-0000-4000-8000-000000000000';
    for (const [method, url, body] of [
      ['POST', `${anyRun}/resume`],
      ['POST', `${anyRun}/abandon`],
      ['GET', '/api/v1/print-run-letters?q=rue'],
      ['POST', '/api/v1/print-run-letters/returned', { letterReferences: ['LR-C-1'], returnedOn: '2026-11-20' }],
    ] as const)
      expect((await as(t.app, horizon)(method, url, body)).statusCode).toBe(403);
    // Message templates are the agency's words for every creditor's debtors, and their preview renders any case by
    // its reference (another creditor's included): never a creditor's to read, preview or write.
    const slot = '/api/v1/message-templates/reminder/sms/fr';
    const templateCalls: ['GET' | 'PUT' | 'POST' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/v1/message-templates'],
      ['GET', slot],
      ['PUT', `${slot}/draft`, { subject: null, body: 'x' }],
      ['DELETE', `${slot}/draft`],
      ['POST', `${slot}/draft/submit`],
      ['POST', `${slot}/draft/return`, { comment: 'x' }],
      ['POST', `${slot}/draft/publish`, { effectiveFrom: '2099-01-01T00:00:00Z', note: 'x' }],
    ];
    for (const reference of [own.reference, energieCase.reference])
      templateCalls.push([
        'POST',
        '/api/v1/message-templates/preview',
        {
          template: 'reminder',
          channel: 'sms',
          language: 'fr',
          subject: null,
          body: '{{caseReference}}',
          sample: { kind: 'case', caseReference: reference },
        },
      ]);
    for (const [method, url, body] of templateCalls)
      expect((await as(t.app, horizon)(method, url, body)).statusCode, `${method} ${url}`).toBe(403);
  });

  const energieDebtor = () =>
    t.deps.db.selectFrom('cases').select('debtor_id').where('id', '=', energieCase.id).executeTakeFirstOrThrow();

  it('reads nothing of the care unit: no vulnerability, breathing space or signal of any debtor, not the care queue', async () => {
    const own = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('creditor_id', '=', horizon.creditorId!)
      .executeTakeFirstOrThrow();
    const other = await t.deps.db
      .selectFrom('cases')
      .select('debtor_id')
      .where('id', '=', energieCase.id)
      .executeTakeFirstOrThrow();
    for (const debtorId of [own.debtor_id, other.debtor_id]) {
      expect((await as(t.app, horizon)('GET', `/api/v1/debtors/${debtorId}/vulnerabilities`)).statusCode).toBe(403);
      const record = await as(t.app, horizon)('POST', `/api/v1/debtors/${debtorId}/vulnerabilities`, {
        drivers: ['health'],
        note: 'Probe',
        legalBasis: 'legal_claims',
        consent: 'not_asked',
        reviewOn: '2099-01-01',
      });
      expect(record.statusCode).toBe(403);
    }
    expect((await as(t.app, horizon)('GET', '/api/v1/care/queue')).statusCode).toBe(403);
    // Nor any act of the care unit, whatever the id: turned away before the body is read.
    const id = '00000000-0000-4000-8000-000000000000';
    const acts: ['POST' | 'PUT', string, unknown][] = [
      ['POST', '/api/v1/care/organisations', {}],
      ['PUT', `/api/v1/care/organisations/${id}`, {}],
      ['POST', `/api/v1/referrals/${id}/sending`, { how: 'letter' }],
      ['POST', `/api/v1/referrals/${id}/follow-up`, { followUpOn: '2099-01-01' }],
      ['POST', `/api/v1/vulnerabilities/${id}/reviews`, { outcome: 'ended', note: 'Probe' }],
      ['POST', `/api/v1/vulnerabilities/${id}/end`, { reason: 'Probe' }],
      ['POST', `/api/v1/debtors/${own.debtor_id}/breathing-spaces`, { reason: 'Probe' }],
      ['POST', `/api/v1/breathing-spaces/${id}/renewal`, { reason: 'Probe' }],
      ['POST', `/api/v1/vulnerability-signals/${id}/dismissal`, { note: 'Probe' }],
    ];
    for (const [method, url, body] of acts) {
      const answer = await as(t.app, horizon)(method, url, body);
      expect(answer.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('while agency staff see every creditor', async () => {
    const manager = await signIn(t.app, 'manager@demo.accord.test');
    const body = (await as(t.app, manager)('GET', '/api/v1/creditors')).json() as { items: unknown[] };
    expect(body.items).toHaveLength(3);
  });
});
