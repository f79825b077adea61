/** A rule's refusal as the decision finds it, before `messages.ts` explains it in words. */
export interface Block {
  rule: string;
  /** Earliest instant this rule may stop refusing; null when no passing of time lifts it. */
  until: number | null;
  params?: Record<string, string | number>;
}
