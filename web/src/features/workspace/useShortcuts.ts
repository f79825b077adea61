import { useEffect, useRef } from 'react';

/** The workspace's single-key shortcuts: next case, focus the outcome form, open the budget, list the shortcuts. */
export type ShortcutKey = 'n' | 'o' | 'b' | '?';

export type ShortcutHandlers = Partial<Record<ShortcutKey, () => void>>;

/** Where typing a letter means typing it, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // A checkbox, a radio button or a button takes no text: a letter pressed on it is a shortcut.
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/** The key as a shortcut: letters in either case (Caps Lock), '?' as typed on any keyboard layout. */
function shortcutOf(event: KeyboardEvent): ShortcutKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === '?') return '?';
  const key = event.key.toLowerCase();
  return key === 'n' || key === 'o' || key === 'b' ? key : null;
}

/**
 * Listens for the shortcuts on the whole page while mounted. Keys typed in a text field, a text area or a list are
 * left alone, and so is everything while a modal dialog is open (the page behind it is inert). Only the keys given a
 * handler are taken; the others keep their usual meaning.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  // The latest handlers, without re-subscribing on every render.
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = shortcutOf(event);
      const handler = key ? current.current[key] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
