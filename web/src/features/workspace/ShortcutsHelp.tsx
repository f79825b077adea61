import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortcutKey } from './useShortcuts.js';

/** What each shortcut does, in the order the help lists them. */
const DESCRIPTIONS: Record<ShortcutKey, string> = {
  n: 'workspace.shortcuts.next',
  o: 'workspace.shortcuts.outcome',
  b: 'workspace.shortcuts.budget',
  '?': 'workspace.shortcuts.help',
};

/**
 * The list of keyboard shortcuts, in a modal dialog opened by the visible "Keyboard shortcuts" button or by "?".
 * The browser's own modal dialog keeps the focus inside, closes on Escape and gives the focus back.
 */
export function ShortcutsHelp({
  keys,
  open,
  onOpen,
  onClose,
}: {
  keys: readonly ShortcutKey[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="link-button shortcuts-link"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={onOpen}
      >
        {t('workspace.shortcuts.link')}
      </button>
      <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
        <h2 id="shortcuts-heading">{t('workspace.shortcuts.heading')}</h2>
        <dl className="shortcut-list">
          {keys.map((key) => (
            <div key={key} className="shortcut">
              <dt>
                <kbd>{key === '?' ? '?' : key.toUpperCase()}</kbd>
              </dt>
              <dd>{t(DESCRIPTIONS[key])}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('workspace.shortcuts.typingHint')}</p>
        <form method="dialog" className="form-actions">
          <button type="submit" className="button secondary" autoFocus>
            {t('workspace.shortcuts.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
