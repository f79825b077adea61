import { sql } from 'kysely';
import type { Actor } from '../identity/actor.js';
import { STAFF_ROLES } from '../identity/core/roles.js';
import { agencyToday, type IsoDate } from '../platform/calendar/index.js';
import type { Deps } from '../platform/deps.js';
import type {
  CertificationView,
  ModuleDetail,
  ModuleSummary,
  QueuePath,
  TeamTraining,
  TrainingOverview,
} from './contract.js';
import {
  CERTIFICATION_KINDS,
  CERTIFICATIONS,
  certificationsOfModule,
  MODULE_IDS,
  WORK_QUEUES,
  type ModuleId,
} from './core/catalogue.js';
import { bestOf, openQueues, queueAccess, type HeldCertification, type PolicyInForce } from './core/certification.js';
import { trainingModule } from './module-library.js';
import { heldCertifications, policyInForceOn } from './training-facts.js';

interface Progress {
  attempts: number;
  bestPercent: number | null;
  lastPassedAt: string | null;
}

async function progressOf(deps: Deps, userIds: readonly string[]): Promise<Map<string, Map<string, Progress>>> {
  const byUser = new Map<string, Map<string, Progress>>(userIds.map((id) => [id, new Map()]));
  if (userIds.length === 0) return byUser;
  const rows = await sql<{
    user_id: string;
    module_id: string;
    attempts: number;
    best: number | null;
    passed_at: Date | null;
  }>`
    select user_id, module_id, count(*)::int as attempts,
      max(floor(correct * 100.0 / cardinality(question_ids)))::int as best,
      max(submitted_at) filter (where passed) as passed_at
    from training_attempts where user_id = any(${userIds}::uuid[])
    group by user_id, module_id`.execute(deps.db);
  for (const row of rows.rows) {
    byUser.get(row.user_id)?.set(row.module_id, {
      attempts: row.attempts,
      bestPercent: row.best,
      lastPassedAt: row.passed_at ? new Date(row.passed_at).toISOString() : null,
    });
  }
  return byUser;
}

function summary(id: ModuleId, language: string, progress: Progress | undefined): ModuleSummary {
  const module = trainingModule(id, language);
  return {
    id,
    version: module.version,
    language: module.language,
    title: module.title,
    summary: module.summary,
    minutes: module.minutes,
    passMark: module.passMark,
    draw: module.draw,
    bankSize: module.bank.length,
    certifications: certificationsOfModule(id),
    progress: progress ?? { attempts: 0, bestPercent: null, lastPassedAt: null },
  };
}

/** Each certification kind as the person holds it today (the one counting longest), or `none`. */
export function certificationViews(
  held: readonly HeldCertification[],
  today: IsoDate,
  policy: PolicyInForce | null,
): CertificationView[] {
  return CERTIFICATION_KINDS.map((kind) => {
    const best = bestOf(held, kind, today, policy);
    if (!best)
      return {
        kind,
        status: 'none',
        earnedOn: null,
        validUntil: null,
        countsUntil: null,
        daysLeft: null,
        policyVersion: null,
      };
    return {
      kind,
      status: best.status,
      earnedOn: best.earnedOn,
      validUntil: best.validUntil,
      countsUntil: best.countsUntil,
      daysLeft: best.daysLeft,
      policyVersion: best.policyVersion,
    };
  });
}

/** The path to each team: whether its queue is open, and the certifications and modules still to pass. */
function queuePaths(held: readonly HeldCertification[], today: IsoDate, policy: PolicyInForce | null): QueuePath[] {
  return WORK_QUEUES.map((queue) => {
    const access = queueAccess(queue, held, today, policy);
    const missing = access.allowed ? [] : access.missing;
    return {
      queue,
      open: access.allowed,
      missing,
      modulesToPass: [...new Set(missing.flatMap((kind) => CERTIFICATIONS[kind].modules))],
    };
  });
}

/** The reader's training page: every module with their progress, their certifications, and their path to each team. */
export async function trainingOverview(deps: Deps, actor: Actor): Promise<TrainingOverview> {
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(now, deps.config);
  const [held, policy, progress] = await Promise.all([
    heldCertifications(deps.db, [actor.userId], zone),
    policyInForceOn(deps.db, now, zone),
    progressOf(deps, [actor.userId]),
  ]);
  const mine = held.get(actor.userId) ?? [];
  return {
    today,
    policyVersion: policy?.version ?? null,
    modules: MODULE_IDS.map((id) => summary(id, actor.locale, progress.get(actor.userId)?.get(id))),
    certifications: certificationViews(mine, today, policy),
    queues: queuePaths(mine, today, policy),
  };
}

/** A module's text as blocks (never HTML), with the reader's attempts at it. */
export async function moduleDetail(deps: Deps, actor: Actor, moduleId: ModuleId): Promise<ModuleDetail> {
  const [progress, attempts] = await Promise.all([
    progressOf(deps, [actor.userId]),
    deps.db
      .selectFrom('training_attempts')
      .select(['id', 'started_at', 'submitted_at', 'module_version', 'correct', 'question_ids', 'passed'])
      .where('user_id', '=', actor.userId)
      .where('module_id', '=', moduleId)
      .orderBy('started_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  const module = trainingModule(moduleId, actor.locale);
  return {
    ...summary(moduleId, actor.locale, progress.get(actor.userId)?.get(moduleId)),
    blocks: module.blocks,
    attempts: attempts.map((row) => ({
      id: row.id,
      startedAt: row.started_at.toISOString(),
      submittedAt: row.submitted_at?.toISOString() ?? null,
      version: row.module_version,
      correct: row.correct,
      outOf: row.question_ids.length,
      passed: row.passed,
    })),
  };
}

/**
 * The training state of a team leader's team (a manager: every member of staff): each person's modules passed, their
 * certifications and the queues they may take cases from today.
 */
export async function teamTraining(deps: Deps, actor: Actor): Promise<TeamTraining> {
  const now = deps.now();
  const zone = deps.config.AGENCY_TZ;
  const today = agencyToday(now, deps.config);
  const leader = await deps.db.selectFrom('users').select('team_id').where('id', '=', actor.userId).executeTakeFirst();
  let query = deps.db
    .selectFrom('users as u')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select(['u.id', 'u.display_name', 'u.role', 't.name as team_name'])
    .where('u.role', 'in', [...STAFF_ROLES])
    .where('u.active', '=', true)
    .orderBy('t.name')
    .orderBy('u.display_name');
  if (actor.role !== 'manager') query = query.where('u.team_id', '=', leader?.team_id ?? null);
  const users = await query.execute();
  const ids = users.map((user) => user.id);
  const [held, policy, progress] = await Promise.all([
    heldCertifications(deps.db, ids, zone),
    policyInForceOn(deps.db, now, zone),
    progressOf(deps, ids),
  ]);
  return {
    today,
    members: users.map((user) => {
      const mine = held.get(user.id) ?? [];
      const passed = [...(progress.get(user.id)?.values() ?? [])].filter((p) => p.lastPassedAt !== null).length;
      return {
        userId: user.id,
        displayName: user.display_name,
        role: user.role,
        teamName: user.team_name,
        modulesPassed: passed,
        modulesTotal: MODULE_IDS.length,
        certifications: certificationViews(mine, today, policy),
        openQueues: openQueues(WORK_QUEUES, mine, today, policy),
      };
    }),
  };
}
