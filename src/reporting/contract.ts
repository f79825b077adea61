import { z } from 'zod';

/** The API of reporting: the dashboard's figures. */

export const dashboardSchema = z.object({
  openCases: z.number().int(),
  balanceCents: z.number().int(),
  creditors: z.array(
    z.object({
      creditorId: z.string(),
      creditorName: z.string(),
      openCases: z.number().int(),
      balanceCents: z.number().int(),
      stages: z.array(z.object({ stage: z.string(), cases: z.number().int(), balanceCents: z.number().int() })),
    }),
  ),
});

export type Dashboard = z.infer<typeof dashboardSchema>;
