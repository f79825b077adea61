/**
 * La Ruche's catalogue: the modules, the certifications each asks for, how long a certification lasts, and which
 * certifications each specialist queue asks of whoever takes cases from it. Pure data, read by the core, the services
 * and (through the contract) the web app.
 */

export const MODULE_IDS = [
  'contact-policy',
  'active-listening',
  'budget-affordability',
  'overindebtedness',
  'judicial-path',
  'vulnerability-care',
  'data-protection',
] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

export const TRAINING_LANGUAGES = ['fr', 'en', 'it'] as const;
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

export const CERTIFICATION_KINDS = ['contact_policy', 'care_unit', 'overindebtedness', 'judicial'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export interface CertificationRule {
  /** The modules whose quizzes must all be passed (each attempt no older than `months`). */
  modules: readonly ModuleId[];
  /** How long it lasts from the day it is earned. */
  months: number;
}

/** Certification = passing the module(s) it asks for. */
export const CERTIFICATIONS: Record<CertificationKind, CertificationRule> = {
  contact_policy: { modules: ['contact-policy'], months: 12 },
  care_unit: { modules: ['vulnerability-care', 'active-listening'], months: 12 },
  overindebtedness: { modules: ['overindebtedness', 'budget-affordability'], months: 24 },
  judicial: { modules: ['judicial-path', 'data-protection'], months: 24 },
};

/** The queues a person takes cases from; the amicable one asks for no certification. */
export const WORK_QUEUES = ['amicable', 'care', 'overindebtedness', 'judicial'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/** What each queue asks of whoever takes cases from it: its own certification and the contact policy in force. */
export const QUEUE_CERTIFICATIONS: Record<WorkQueue, readonly CertificationKind[]> = {
  amicable: [],
  care: ['care_unit', 'contact_policy'],
  overindebtedness: ['overindebtedness', 'contact_policy'],
  judicial: ['judicial', 'contact_policy'],
};

/** A person is told this many days before a certification ends (the bell, the training page). */
export const EXPIRY_NOTICE_DAYS = 30;
/**
 * After a new contact policy version comes into force, a certification earned on an older one is stale: it still
 * counts for this many days, so the person has time to take the changed module again, then it no longer does.
 */
export const POLICY_GRACE_DAYS = 30;

/** The certifications a module counts towards. */
export function certificationsOfModule(module: ModuleId): CertificationKind[] {
  return CERTIFICATION_KINDS.filter((kind) => CERTIFICATIONS[kind].modules.includes(module));
}

export function isModuleId(value: string): value is ModuleId {
  return (MODULE_IDS as readonly string[]).includes(value);
}

/** The specialist role that takes cases from each specialist queue (others reading it supervise). */
export const SPECIALIST_OF_QUEUE = {
  care: 'care_specialist',
  overindebtedness: 'overindebtedness_specialist',
  judicial: 'judicial_specialist',
} as const satisfies Partial<Record<WorkQueue, string>>;
