import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../ui/fields.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemMessage } from '../../ui/ProblemMessage.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { ResultLine } from './ResultLine.js';
import { useSearch } from './useSearch.js';

/** The most cases a kind lists on this page (the box lists 8). */
const PAGE_LIMIT = 50;

/**
 * Every result of a search (`/search?q=…`), and the start of an inbound call (`/search?phone=+33…`): the cases of
 * every debtor reachable at the caller's number, so that the agent starts there.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const phone = params.get('phone')?.trim() ?? '';
  const q = phone || (params.get('q')?.trim() ?? '');
  const inbound = phone !== '';
  usePageTitle(inbound ? t('search.page.inboundTitle') : t('search.page.title'));
  const { state } = useSearch(q, { limit: PAGE_LIMIT, kind: inbound ? 'phone' : undefined, debounceMs: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);

  function search(text: string) {
    setParams(text ? { q: text } : {});
    headingRef.current?.focus();
  }

  const groups = state.status === 'ready' ? state.answer.groups : [];
  return (
    <section className="page" aria-labelledby="search-heading">
      <h1 id="search-heading" ref={headingRef} tabIndex={-1}>
        {inbound ? t('search.page.inboundHeading', { phone }) : t('search.page.heading')}
      </h1>
      <p className="intro">{inbound ? t('search.page.inboundIntro') : t('search.page.intro')}</p>
      {/* Keyed by the search in the address, so going back in history shows that search's text. */}
      <SearchForm key={q} initial={q} onSearch={search} />
      {state.status === 'loading' ? <Loading label={t('search.searching')} /> : null}
      {state.status === 'error' ? <ProblemMessage error={state.error} /> : null}
      {state.status === 'idle' && q ? <p>{t('search.tooShort')}</p> : null}
      {state.status === 'ready' && groups.length === 0 ? (
        <p role="status">{inbound ? t('search.page.inboundNone') : t('search.none', { q })}</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.kind} className="search-page-group" aria-labelledby={`search-group-${group.kind}`}>
          <h2 id={`search-group-${group.kind}`}>{t(`search.kinds.${group.kind}`)}</h2>
          <ul className="search-page-list">
            {group.results.map((result) => (
              <li key={result.caseId}>
                <Link to={`/cases/${result.caseId}`}>
                  <ResultLine result={result} />
                </Link>
              </li>
            ))}
          </ul>
          {group.hasMore ? <p className="muted">{t('search.more')}</p> : null}
        </section>
      ))}
    </section>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim());
  }
  return (
    <form className="filters" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <Field id="search-page-q" label={t('search.label')} hint={t('search.placeholder')}>
        {(control) => (
          <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('search.page.submit')}
        </button>
      </div>
    </form>
  );
}
