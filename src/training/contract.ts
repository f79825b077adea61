import { z } from 'zod';
import {
  CERTIFICATION_KINDS,
  CERTIFICATIONS,
  EXPIRY_NOTICE_DAYS,
  MODULE_IDS,
  QUEUE_CERTIFICATIONS,
  TRAINING_LANGUAGES,
  WORK_QUEUES,
} from './core/catalogue.js';

export { CERTIFICATION_KINDS, CERTIFICATIONS, EXPIRY_NOTICE_DAYS, MODULE_IDS, QUEUE_CERTIFICATIONS, WORK_QUEUES };
export type { CertificationKind, ModuleId, WorkQueue } from './core/catalogue.js';
export type { Block, Run } from './core/markdown.js';

/** Training ("la Ruche"): the API's shapes. The right answers of a quiz appear only in a submitted attempt. */

const runSchema = z.object({ text: z.string(), strong: z.literal(true).optional(), em: z.literal(true).optional() });
const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), runs: z.array(runSchema) }),
  z.object({ kind: z.literal('paragraph'), runs: z.array(runSchema) }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(runSchema)) }),
]);

export const moduleParams = z.strictObject({ moduleId: z.enum(MODULE_IDS) });

const progressSchema = z.object({
  attempts: z.number().int(),
  bestPercent: z.number().int().nullable(),
  lastPassedAt: z.string().nullable(),
});

export const moduleSummarySchema = z.object({
  id: z.enum(MODULE_IDS),
  version: z.number().int(),
  language: z.enum(TRAINING_LANGUAGES),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int(),
  passMark: z.number().int(),
  draw: z.number().int(),
  bankSize: z.number().int(),
  certifications: z.array(z.enum(CERTIFICATION_KINDS)),
  progress: progressSchema,
});

export const certificationViewSchema = z.object({
  kind: z.enum(CERTIFICATION_KINDS),
  status: z.enum(['valid', 'expiring', 'stale', 'expired', 'none']),
  earnedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** The last day it lets the person take cases (a stale one's grace may end before its expiry). */
  countsUntil: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  policyVersion: z.number().int().nullable(),
});

/** A queue, whether the person may take cases from it, and what they still need (their path to that team). */
export const queuePathSchema = z.object({
  queue: z.enum(WORK_QUEUES),
  open: z.boolean(),
  missing: z.array(z.enum(CERTIFICATION_KINDS)),
  modulesToPass: z.array(z.enum(MODULE_IDS)),
});

export const trainingOverviewSchema = z.object({
  today: z.string(),
  policyVersion: z.number().int().nullable(),
  modules: z.array(moduleSummarySchema),
  certifications: z.array(certificationViewSchema),
  queues: z.array(queuePathSchema),
});

const attemptLineSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  correct: z.number().int().nullable(),
  outOf: z.number().int(),
  passed: z.boolean().nullable(),
});

export const moduleDetailSchema = moduleSummarySchema.extend({
  blocks: z.array(blockSchema),
  attempts: z.array(attemptLineSchema),
});

/** A question as the person sees it before answering: never its right option. */
const askedQuestionSchema = z.object({ id: z.string(), text: z.string(), options: z.array(z.string()) });

export const attemptSchema = z.object({
  id: z.string(),
  moduleId: z.enum(MODULE_IDS),
  title: z.string(),
  version: z.number().int(),
  language: z.enum(TRAINING_LANGUAGES),
  passMark: z.number().int(),
  startedAt: z.string(),
  questions: z.array(askedQuestionSchema),
  /** Once submitted: the score, what was chosen and the right options, and the certifications it earned. */
  result: z
    .object({
      submittedAt: z.string(),
      correct: z.number().int(),
      outOf: z.number().int(),
      percent: z.number().int(),
      passed: z.boolean(),
      chosen: z.record(z.string(), z.number().int()),
      rightOptions: z.record(z.string(), z.number().int()),
      earned: z.array(z.enum(CERTIFICATION_KINDS)),
    })
    .nullable(),
});

export const answersBody = z.strictObject({
  answers: z.record(z.string().max(40), z.number().int().min(0).max(20)),
});

export const teamTrainingSchema = z.object({
  today: z.string(),
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      role: z.string(),
      teamName: z.string().nullable(),
      modulesPassed: z.number().int(),
      modulesTotal: z.number().int(),
      certifications: z.array(certificationViewSchema),
      openQueues: z.array(z.enum(WORK_QUEUES)),
    }),
  ),
});

export type ModuleSummary = z.infer<typeof moduleSummarySchema>;
export type CertificationView = z.infer<typeof certificationViewSchema>;
export type QueuePath = z.infer<typeof queuePathSchema>;
export type TrainingOverview = z.infer<typeof trainingOverviewSchema>;
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;
export type AttemptView = z.infer<typeof attemptSchema>;
export type AnswersBody = z.infer<typeof answersBody>;
export type TeamTraining = z.infer<typeof teamTrainingSchema>;
