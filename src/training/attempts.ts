import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { auditActor, type Actor } from '../identity/actor.js';
import { agencyToday } from '../platform/calendar/index.js';
import type { DB } from '../platform/db/schema.js';
import type { Deps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import type { AnswersBody, AttemptView } from './contract.js';
import {
  CERTIFICATIONS,
  certificationsOfModule,
  isModuleId,
  type CertificationKind,
  type ModuleId,
} from './core/catalogue.js';
import { certificationEarned } from './core/certification.js';
import { drawQuestions, scoreAttempt } from './core/quiz.js';
import { trainingModule } from './module-library.js';
import { lastPasses, policyInForceOn } from './training-facts.js';

interface AttemptRow {
  id: string;
  user_id: string;
  module_id: string;
  module_version: number;
  language: string;
  question_ids: string[];
  started_at: Date;
  answers: unknown;
  correct: number | null;
  pass_mark: number;
  passed: boolean | null;
  submitted_at: Date | null;
}

/**
 * Starts an attempt at a module's quiz in the person's language: `draw` questions of its bank, drawn from a seed kept
 * with the attempt (so the attempt can be drawn again). The questions go out without their right options.
 */
export async function startAttempt(
  deps: Deps,
  actor: Actor,
  moduleId: ModuleId,
  requestId: string | null,
  seed = randomInt(0, 2 ** 31 - 1),
): Promise<AttemptView> {
  const module = trainingModule(moduleId, actor.locale);
  const now = deps.now();
  const questionIds = drawQuestions(
    module.bank.map((question) => question.id),
    module.draw,
    seed,
  );
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('training_attempts')
      .values({
        user_id: actor.userId,
        module_id: module.id,
        module_version: module.version,
        language: module.language,
        seed,
        question_ids: questionIds,
        started_at: now,
        pass_mark: module.passMark,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'training.attempt_started',
      targetType: 'training_attempt',
      targetId: inserted.id,
      after: {
        reference: module.id,
        version: module.version,
        language: module.language,
        questions: questionIds.length,
      },
      requestId,
      at: now,
    });
    return inserted;
  });
  return attemptView(row, []);
}

/** One of the reader's own attempts (another person's answers 404, as a missing one). */
export async function readAttempt(deps: Deps, actor: Actor, attemptId: string): Promise<AttemptView> {
  const row = await deps.db
    .selectFrom('training_attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw notFound('The attempt');
  const earned = row.passed
    ? (
        await deps.db
          .selectFrom('certifications')
          .select('kind')
          .where('user_id', '=', actor.userId)
          .where(({ eb, val }) => eb(val(row.id), '=', eb.fn.any('attempt_ids')))
          .execute()
      ).map((cert) => cert.kind as CertificationKind)
    : [];
  return attemptView(row, earned);
}

/**
 * Scores the answers of an attempt, once, and records them with the score; a pass earns, in the same transaction,
 * each certification of the module whose other modules are passed too (core/certification.ts), dated today with the
 * contact policy version in force. Every step is audited.
 */
export async function submitAnswers(
  deps: Deps,
  actor: Actor,
  attemptId: string,
  body: AnswersBody,
  requestId: string | null,
): Promise<AttemptView> {
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(now, deps.config);
  const policy = await policyInForceOn(deps.db, now, zone);
  const { row, earned } = await deps.db.transaction().execute(async (trx) => {
    const attempt = await trx
      .selectFrom('training_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .where('user_id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!attempt) throw notFound('The attempt');
    if (attempt.submitted_at !== null)
      throw conflict('training.attempt_submitted', 'These answers were already submitted: start a new attempt.');
    const unknown = Object.keys(body.answers).filter((id) => !attempt.question_ids.includes(id));
    if (unknown.length > 0)
      throw invalid('training.unknown_question', 'Some answers are to questions this attempt did not ask.', {
        unknown,
      });
    if (!isModuleId(attempt.module_id)) throw notFound('The module');
    const module = trainingModule(attempt.module_id, attempt.language);
    const score = scoreAttempt(module.bank, attempt.question_ids, body.answers, attempt.pass_mark);
    const updated = await trx
      .updateTable('training_attempts')
      .set({ answers: JSON.stringify(body.answers), correct: score.correct, passed: score.passed, submitted_at: now })
      .where('id', '=', attempt.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'training.attempt_submitted',
      targetType: 'training_attempt',
      targetId: attempt.id,
      after: {
        reference: attempt.module_id,
        version: attempt.module_version,
        count: score.correct,
        outOf: score.outOf,
        passed: score.passed,
      },
      requestId,
      at: now,
    });
    const kinds = score.passed
      ? await earnCertifications(trx, actor, attempt.module_id as ModuleId, {
          now,
          today,
          zone,
          policy: policy?.version ?? null,
          requestId,
        })
      : [];
    return { row: updated, earned: kinds };
  });
  return attemptView(row, earned);
}

async function earnCertifications(
  trx: Transaction<DB>,
  actor: Actor,
  moduleId: ModuleId,
  at: { now: Date; today: string; zone: string; policy: number | null; requestId: string | null },
): Promise<CertificationKind[]> {
  const passes = await lastPasses(trx, actor.userId, at.zone);
  const passedOn = new Map([...passes].map(([module, pass]) => [module, pass.on]));
  const earned: CertificationKind[] = [];
  for (const kind of certificationsOfModule(moduleId)) {
    const certification = certificationEarned(kind, passedOn, at.today);
    if (!certification) continue;
    const row = await trx
      .insertInto('certifications')
      .values({
        user_id: actor.userId,
        kind,
        earned_at: at.now,
        valid_until: certification.validUntil,
        policy_version: at.policy,
        attempt_ids: CERTIFICATIONS[kind].modules.map((module) => passes.get(module)!.id),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: auditActor(actor),
      action: 'certification.earned',
      targetType: 'certification',
      targetId: row.id,
      after: { reference: kind, validUntil: certification.validUntil, version: at.policy },
      requestId: at.requestId,
      at: at.now,
    });
    earned.push(kind);
  }
  return earned;
}

function attemptView(row: AttemptRow, earned: CertificationKind[]): AttemptView {
  const module = trainingModule(row.module_id as ModuleId, row.language);
  const byId = new Map(module.bank.map((question) => [question.id, question]));
  const questions = row.question_ids.map((id) => {
    const question = byId.get(id);
    return { id, text: question?.text ?? '', options: question?.options ?? [] };
  });
  let result: AttemptView['result'] = null;
  if (row.submitted_at !== null) {
    const chosen = (row.answers ?? {}) as Record<string, number>;
    const score = scoreAttempt(module.bank, row.question_ids, chosen, row.pass_mark);
    result = {
      submittedAt: row.submitted_at.toISOString(),
      correct: row.correct ?? score.correct,
      outOf: score.outOf,
      percent: score.percent,
      passed: row.passed ?? score.passed,
      chosen,
      rightOptions: score.answers,
      earned,
    };
  }
  return {
    id: row.id,
    moduleId: module.id,
    title: module.title,
    version: row.module_version,
    language: module.language,
    passMark: row.pass_mark,
    startedAt: row.started_at.toISOString(),
    questions,
    result,
  };
}
