import { z } from 'zod';

/** The API of the recurring jobs: running the nightly refresh by hand, and its report. */

export const nightlyReportSchema = z.object({
  snapshotOn: z.string(),
  holdsLapsed: z.number().int(),
  holdsDueForReview: z.number().int(),
  snapshotRows: z.number().int(),
  sessionsDeleted: z.number().int(),
  placementsRecovered: z.number().int(),
  plans: z.object({ started: z.number().int(), instalmentsLate: z.number().int(), broken: z.number().int() }),
  /** Print runs stuck in preparation: of today finished with their letters, of an earlier day abandoned (letters held). */
  printRuns: z.object({ resumed: z.number().int(), abandoned: z.number().int() }),
  /** Queue entries rebuilt from the facts (what time alone changed: ages, dates, the policy's hours). */
  queueEntries: z.number().int(),
});

export type NightlyReport = z.infer<typeof nightlyReportSchema>;
