import type { Deps } from '../platform/deps.js';
import { DAY_MS } from '../platform/calendar/index.js';
import { startAttempt, submitAnswers } from '../training/attempts.js';
import type { ModuleId } from '../training/core/catalogue.js';
import { trainingModule } from '../training/module-library.js';
import { demoActors } from './actors.js';

/**
 * A few months of training for the demo's people, made through the quiz services on their days (the services' clock
 * set back): each specialist certified for their team's queue, the agent on the way to the care unit (active listening
 * failed once, to take again), the team leader's contact-policy certification ending within the notice.
 */
interface DemoAttempt {
  email: string;
  module: ModuleId;
  daysAgo: number;
  /** How many of the questions drawn are answered wrongly (0 passes; 2 of 5 fails a pass mark of 80). */
  wrong?: number;
}

const AGENT = 'agent@demo.accord.test';
const LEADER = 'team.leader@demo.accord.test';
const CARE = 'care@demo.accord.test';
const OVERINDEBTEDNESS = 'overindebtedness@demo.accord.test';
const JUDICIAL = 'judicial@demo.accord.test';
const COMPLIANCE = 'compliance@demo.accord.test';
const MANAGER = 'manager@demo.accord.test';

export const DEMO_TRAINING: readonly DemoAttempt[] = [
  { email: AGENT, module: 'contact-policy', daysAgo: 150, wrong: 2 },
  { email: AGENT, module: 'contact-policy', daysAgo: 148 },
  { email: AGENT, module: 'vulnerability-care', daysAgo: 60 },
  { email: AGENT, module: 'active-listening', daysAgo: 40, wrong: 3 },
  { email: LEADER, module: 'contact-policy', daysAgo: 350 },
  { email: LEADER, module: 'active-listening', daysAgo: 180 },
  { email: LEADER, module: 'budget-affordability', daysAgo: 120 },
  { email: CARE, module: 'contact-policy', daysAgo: 70 },
  { email: CARE, module: 'vulnerability-care', daysAgo: 65, wrong: 2 },
  { email: CARE, module: 'vulnerability-care', daysAgo: 64 },
  { email: CARE, module: 'active-listening', daysAgo: 63 },
  { email: OVERINDEBTEDNESS, module: 'overindebtedness', daysAgo: 200 },
  { email: OVERINDEBTEDNESS, module: 'budget-affordability', daysAgo: 198 },
  { email: OVERINDEBTEDNESS, module: 'contact-policy', daysAgo: 45 },
  { email: JUDICIAL, module: 'judicial-path', daysAgo: 100 },
  { email: JUDICIAL, module: 'data-protection', daysAgo: 95 },
  { email: JUDICIAL, module: 'contact-policy', daysAgo: 90 },
  { email: COMPLIANCE, module: 'data-protection', daysAgo: 30 },
  { email: COMPLIANCE, module: 'contact-policy', daysAgo: 28 },
  { email: MANAGER, module: 'contact-policy', daysAgo: 80 },
];

/** The training history of the demo's people, oldest first, each attempt started and answered a quarter-hour apart. */
export async function loadDemoTraining(deps: Deps): Promise<void> {
  const people = await demoActors(deps, [...new Set(DEMO_TRAINING.map((attempt) => attempt.email))]);
  const now = deps.now().getTime();
  const ordered = [...DEMO_TRAINING].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const [index, planned] of ordered.entries()) {
    const actor = people.get(planned.email);
    if (!actor) continue;
    const startedAt = new Date(now - planned.daysAgo * DAY_MS);
    const at = (ms: number) => ({ ...deps, now: () => new Date(startedAt.getTime() + ms) });
    const attempt = await startAttempt(at(0), actor, planned.module, 'demo', 1_000 + index);
    const bank = trainingModule(planned.module, attempt.language).bank;
    const answers = Object.fromEntries(
      attempt.questions.map((question, i) => {
        const right = bank.find((known) => known.id === question.id)!.answer;
        const wrong = i < (planned.wrong ?? 0);
        return [question.id, wrong ? (right + 1) % question.options.length : right];
      }),
    );
    await submitAnswers(at(15 * 60_000), actor, attempt.id, { answers }, 'demo');
  }
}
