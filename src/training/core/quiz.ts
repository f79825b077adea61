/** A quiz question of a module's bank: its options in the module's order, and the index of the right one. */
export interface Question {
  id: string;
  text: string;
  options: string[];
  answer: number;
}

/** A small seeded generator (mulberry32): the same seed draws the same questions, on any machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The questions of one attempt: `count` distinct ids of the bank (all of them when the bank is smaller), drawn by a
 * seeded Fisher–Yates shuffle, so an attempt can always be drawn again from its seed.
 */
export function drawQuestions(bankIds: readonly string[], count: number, seed: number): string[] {
  const ids = [...bankIds];
  const random = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, Math.max(0, Math.min(count, ids.length)));
}

export interface Score {
  correct: number;
  outOf: number;
  /** Whole percent, rounded down: a pass mark of 80 is never met by 79.9. */
  percent: number;
  passed: boolean;
  /** The right option of each question drawn, said only once the answers are in. */
  answers: Record<string, number>;
}

/**
 * Scores an attempt: one point per question drawn whose chosen option is the right one (an unanswered or unknown
 * question scores nothing); passed when the percent reaches the pass mark.
 */
export function scoreAttempt(
  bank: readonly Question[],
  drawn: readonly string[],
  chosen: Readonly<Record<string, number>>,
  passMark: number,
): Score {
  const byId = new Map(bank.map((question) => [question.id, question]));
  let correct = 0;
  const answers: Record<string, number> = {};
  for (const id of drawn) {
    const question = byId.get(id);
    if (!question) continue;
    answers[id] = question.answer;
    if (chosen[id] === question.answer) correct += 1;
  }
  const outOf = drawn.length;
  const percent = outOf === 0 ? 0 : Math.floor((correct * 100) / outOf);
  return { correct, outOf, percent, passed: outOf > 0 && percent >= passMark, answers };
}
