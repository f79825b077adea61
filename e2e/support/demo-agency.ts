/** The browser tests' demo agency: 150 debtors, enough for every role's pages and small enough to seed in seconds. */
export const DEMO_DEBTORS = 150;
/** The zone whose day decides whether the run's seeded demo is still today's (the browsers run in it too). */
export const E2E_ZONE = 'Europe/Paris';
