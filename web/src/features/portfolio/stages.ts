import type { Stage } from './api.js';

/** The stages of a case in the order of its life, for menus and tables (the API sorts them by name). */
export const STAGES: readonly Stage[] = [
  'amicable',
  'plan',
  'dispute',
  'overindebtedness',
  'judicial',
  'deceased',
  'closed',
];

export function isStage(value: string | null): value is Stage {
  return value !== null && (STAGES as readonly string[]).includes(value);
}

/** Sorts by lifecycle; an unknown stage goes last. */
export function byLifecycle(a: string, b: string): number {
  const rank = (stage: string) => {
    const index = (STAGES as readonly string[]).indexOf(stage);
    return index === -1 ? STAGES.length : index;
  };
  return rank(a) - rank(b);
}
