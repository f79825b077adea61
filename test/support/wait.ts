/**
 * Asks `check` again every `everyMs` until it returns something other than `undefined`, `null` or `false`, and
 * returns that. A wait on a fact, with no deadline of its own: how long a step takes on a busy machine is not what a
 * test asserts, and the runner's hang guard (vitest.config.ts) ends a wait that never would.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  everyMs = 100,
): Promise<T> {
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== null && result !== false) return result;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
