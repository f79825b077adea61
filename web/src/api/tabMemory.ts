/**
 * What the browser tab keeps of a piece of work in progress, so a page left and come back to (or reloaded) finds it
 * as it was: `sessionStorage` (this tab only, gone when it closes), every key under one prefix so that signing out
 * forgets it all. Only what a person may leave in a browser goes there (no free text, nothing of a debtor's health);
 * the rest may stay in the page's memory (`keepInPage`), which outlives going to another page of the app, not a
 * reload, and is never written anywhere.
 */
const PREFIX = 'accord:';
const inPage = new Map<string, unknown>();

export const recallFromPage = (key: string): unknown => inPage.get(key);
export const keepInPage = (key: string, value: unknown): void => void inPage.set(key, value);
export const forgetInPage = (key: string): void => void inPage.delete(key);

/** The tab's storage, or none (storage disabled, or no browser): the work is then simply not kept. */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function recallFromTab(key: string): unknown {
  const raw = storage()?.getItem(PREFIX + key);
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function keepInTab(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or refused storage only means the work is not kept across a reload.
  }
}

export function forgetInTab(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Forgets everything the tab and the page kept (signing out, or the session lost). */
export function forgetAllInTab(): void {
  inPage.clear();
  const kept = storage();
  if (!kept) return;
  const keys: string[] = [];
  for (let index = 0; index < kept.length; index += 1) {
    const key = kept.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) kept.removeItem(key);
}
