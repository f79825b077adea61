import { z } from 'zod';
import { CASE_STAGES, CASE_STATUSES } from './core/lifecycle.js';

/** A case's stage and status as the API gives them, wherever a case appears (the case page, a debtor's card). */

export const stageSchema = z.enum(CASE_STAGES);
export const caseStatusSchema = z.enum(CASE_STATUSES);
