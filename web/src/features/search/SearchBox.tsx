import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import type { SearchResult } from './api.js';
import { ResultLine } from './ResultLine.js';
import { useSearch, type SearchState } from './useSearch.js';

/** `/` outside a field, or Ctrl+K (⌘+K) anywhere, puts the focus in the box. */
function useShortcut(focus: () => void) {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [focus]);
}

/**
 * Below a laptop's width the box is folded into a button of the header (CSS); the button, `/` or Ctrl+K unfold it and
 * put the focus in it, and it folds again when the focus leaves it empty. On wider screens the box is always shown.
 */
function useFold(inputRef: RefObject<HTMLInputElement | null>) {
  const [unfolded, setUnfolded] = useState(false);
  const [focusWanted, setFocusWanted] = useState(0);
  // Focused once rendered unfolded: a folded box is not displayed, and cannot take the focus before.
  useEffect(() => {
    if (focusWanted > 0) inputRef.current?.focus();
  }, [focusWanted, inputRef]);
  return {
    unfolded,
    unfold: useCallback(() => {
      setUnfolded(true);
      setFocusWanted((count) => count + 1);
    }, []),
    close: () => setUnfolded(false),
  };
}

/**
 * The search box of the top bar: a combobox (WAI-ARIA 1.2) whose listbox groups the cases found by kind. Arrow keys
 * move through the options (the focus stays in the box, `aria-activedescendant` names the option), Enter opens the
 * case (or, with no option chosen, the search page with every result), Escape closes the list and then clears.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { state, pending } = useSearch(text);
  const results = state.status === 'ready' ? state.answer.groups.flatMap((g) => g.results) : [];
  const optionId = (index: number) => `${id}-option-${index}`;
  const fold = useFold(inputRef);
  useShortcut(fold.unfold);

  function go(path: string) {
    setOpen(false);
    setActive(-1);
    setText('');
    void navigate(path);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length === 0) return;
      const last = results.length - 1;
      setActive((current) =>
        event.key === 'ArrowDown' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1,
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active];
      if (chosen) go(`/cases/${chosen.caseId}`);
      else if (text.trim().length > 0) go(`/search?q=${encodeURIComponent(text.trim())}`);
    } else if (event.key === 'Escape') {
      if (open && text) setOpen(false);
      else setText('');
      setActive(-1);
    }
  }

  const expanded = open && text.trim().length > 0;
  return (
    <div className={fold.unfolded ? 'search-box unfolded' : 'search-box'} role="search">
      <button type="button" className="button ghost search-toggle" aria-controls={`${id}-input`} onClick={fold.unfold}>
        {t('search.open')}
      </button>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && results[active] ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        aria-keyshortcuts="/ Control+K Meta+K"
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          if (text === '') fold.close();
        }}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('search.shortcut')}
      </span>
      <kbd className="search-shortcut" aria-hidden="true">
        /
      </kbd>
      <SearchPopup
        id={id}
        expanded={expanded}
        state={state}
        pending={pending}
        active={active}
        optionId={optionId}
        onOpen={(result) => go(`/cases/${result.caseId}`)}
      />
    </div>
  );
}

interface PopupProps {
  id: string;
  expanded: boolean;
  state: SearchState;
  pending: boolean;
  active: number;
  optionId: (index: number) => string;
  onOpen: (result: SearchResult) => void;
}

/** The listbox under the box, and a status line that screen readers announce (count, nothing found, too short). */
function SearchPopup({ id, expanded, state, pending, active, optionId, onOpen }: PopupProps) {
  const { t } = useTranslation();
  const count = state.status === 'ready' ? state.answer.groups.reduce((n, g) => n + g.results.length, 0) : 0;
  let status = '';
  if (state.status === 'idle') status = t('search.tooShort');
  else if (state.status === 'loading' || pending) status = t('search.searching');
  else if (state.status === 'ready')
    status = count === 0 ? t('search.none', { q: state.q }) : t('search.found', { count });
  if (state.status === 'ready' && state.answer.groups.some((g) => g.hasMore)) status += ` ${t('search.more')}`;
  let index = -1;
  // The status stays in the page while the list is closed, so that screen readers keep it as a live region.
  return (
    <div className={expanded ? 'search-popup' : 'search-popup visually-hidden'}>
      <p role="status" className="search-status">
        {expanded ? status : ''}
      </p>
      {state.status === 'error' && expanded ? <ProblemMessage error={state.error} /> : null}
      <div
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t('search.label')}
        className="search-listbox"
        hidden={!expanded}
      >
        {state.status === 'ready'
          ? state.answer.groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`${id}-group-${group.kind}`}>
                <div id={`${id}-group-${group.kind}`} role="presentation" className="search-group-label">
                  {t(`search.kinds.${group.kind}`)}
                </div>
                {group.results.map((result) => {
                  index += 1;
                  const mine = index;
                  return (
                    <div
                      key={`${group.kind}-${result.caseId}`}
                      id={optionId(mine)}
                      role="option"
                      aria-selected={active === mine}
                      className="search-option"
                      // mousedown, not click: the box's blur would close the list before the click lands.
                      onMouseDown={(event) => {
                        event.preventDefault();
                        onOpen(result);
                      }}
                    >
                      <ResultLine result={result} />
                    </div>
                  );
                })}
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
