import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listCreditors, searchCases } from './api.js';
import type { CaseSearch, CaseSort, CaseSummary, CreditorSummary, Stage } from './api.js';
import { useApiData } from '../../api/useApiData.js';
import type { Column } from '../../ui/DataTable.js';
import { CodeSelect, Field } from '../../ui/fields.js';
import { PagedTable, useFocusAfterLoad } from '../../ui/PagedTable.js';
import { usePageTitle } from '../../ui/usePageTitle.js';
import { ExportButtons } from '../../ui/ExportButtons.js';
import { centsToInput, parseEurosToCents, useFormat } from '../../i18n/format.js';
import type { Locale } from '../../i18n/index.js';
import { labelOf } from '../../i18n/labels.js';
import { can } from '../identity/permissions.js';
import { useMe } from '../identity/SessionProvider.js';
import { isStage, STAGES } from './stages.js';

const PAGE_SIZE = 25;
const SORTS: CaseSort[] = ['opened_desc', 'opened_asc', 'balance_desc', 'balance_asc', 'reference'];

/** The search lives in the address bar (same names as the API), so a search can be bookmarked, shared and reloaded. */
function searchFromParams(params: URLSearchParams): CaseSearch {
  const cents = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const day = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const stage = params.get('stage');
  const sort = params.get('sort');
  const offset = Number(params.get('offset') ?? '0');
  return {
    q: params.get('q') ?? undefined,
    stage: isStage(stage) ? stage : undefined,
    creditorId: params.get('creditorId') ?? undefined,
    minBalanceCents: cents('minBalanceCents'),
    maxBalanceCents: cents('maxBalanceCents'),
    openedAfter: day('openedAfter'),
    openedBefore: day('openedBefore'),
    sort: SORTS.includes(sort as CaseSort) ? (sort as CaseSort) : undefined,
    limit: PAGE_SIZE,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

function paramsFromSearch(search: Omit<CaseSearch, 'limit'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === '' || (key === 'offset' && value === 0)) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The list's filters and sort, without paging: the export carries every row. */
function exportQuery({ limit: _limit, offset: _offset, ...filters }: CaseSearch) {
  return filters;
}

export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const results = useApiData((signal) => searchCases(search, signal), params.toString());
  const me = useMe();
  // Loaded once here, not in the form, which remounts on every search.
  const creditors = useApiData(
    (signal): Promise<{ items: CreditorSummary[] }> =>
      can(me.role, 'creditors.read') ? listCreditors(signal) : Promise.resolve({ items: [] }),
    'creditors',
  );
  usePageTitle(t('cases.title'));

  const columns = useCaseColumns();
  const go = (next: Omit<CaseSearch, 'limit'>) => setParams(paramsFromSearch(next));
  const resultsHeading = useFocusAfterLoad(results.status);

  return (
    <>
      <h1>{t('cases.heading')}</h1>
      <SearchForm
        search={search}
        creditors={creditors.status === 'ready' ? creditors.data.items : []}
        onSearch={(next) => go({ ...next, offset: 0 })}
        onReset={() => setParams({})}
      />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" ref={resultsHeading.ref} tabIndex={-1}>
          {t('cases.results')}
        </h2>
        <ExportButtons path="/api/v1/cases/export" query={exportQuery(search)} what={t('exports.lists.cases')} />
        <PagedTable
          data={results}
          onRetry={results.reload}
          columns={columns}
          rowKey={(item) => item.id}
          offset={search.offset}
          pageSize={PAGE_SIZE}
          onPage={(offset) => {
            resultsHeading.focusWhenLoaded();
            go({ ...search, offset });
          }}
          texts={{
            caption: t('cases.caption'),
            pagination: t('cases.pagination'),
            none: t('cases.none'),
            range: (range, more) => t(more ? 'cases.rangeMore' : 'cases.range', range),
          }}
        />
      </section>
    </>
  );
}

/** What the form fields hold: text as typed, amounts in euros. */
interface SearchFields {
  q: string;
  stage: string;
  creditorId: string;
  minBalance: string;
  maxBalance: string;
  openedAfter: string;
  openedBefore: string;
  sort: string;
}

function fieldsFrom(search: CaseSearch, locale: Locale): SearchFields {
  const euros = (cents: number | undefined) => (cents === undefined ? '' : centsToInput(cents, locale));
  return {
    q: search.q ?? '',
    stage: search.stage ?? '',
    creditorId: search.creditorId ?? '',
    minBalance: euros(search.minBalanceCents),
    maxBalance: euros(search.maxBalanceCents),
    openedAfter: search.openedAfter ?? '',
    openedBefore: search.openedBefore ?? '',
    sort: search.sort ?? 'opened_desc',
  };
}

/** The search the fields describe (the amounts already read, in cents), in the API's words. */
function searchOf(
  fields: SearchFields,
  minBalanceCents: number | undefined,
  maxBalanceCents: number | undefined,
): Omit<CaseSearch, 'limit' | 'offset'> {
  return {
    q: fields.q.trim() || undefined,
    stage: (fields.stage || undefined) as Stage | undefined,
    creditorId: fields.creditorId || undefined,
    minBalanceCents,
    maxBalanceCents,
    openedAfter: fields.openedAfter || undefined,
    openedBefore: fields.openedBefore || undefined,
    sort: fields.sort === 'opened_desc' ? undefined : (fields.sort as CaseSort),
  };
}

/** The fields of the search form, as typed, and whether it was sent (amounts are checked from then on). */
function useSearchFields(search: CaseSearch) {
  const format = useFormat();
  const [fields, setFields] = useState(() => fieldsFrom(search, format.locale));
  const set = (name: keyof SearchFields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));
  const [submitted, setSubmitted] = useState(false);

  // The address changed (a search, back/forward, a reset): show the search now in force. Kept in place rather
  // than remounted, so the keyboard focus stays where the user was.
  const searchKey = paramsFromSearch({ ...search, offset: 0 }).toString();
  const showSearch = useEffectEvent(() => {
    setFields(fieldsFrom(search, format.locale));
    setSubmitted(false);
  });
  useEffect(() => showSearch(), [searchKey]);
  return { fields, set, submitted, setSubmitted };
}

function SearchForm({
  search,
  creditors,
  onSearch,
  onReset,
}: {
  search: CaseSearch;
  creditors: CreditorSummary[];
  onSearch: (search: Omit<CaseSearch, 'limit' | 'offset'>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const { fields, set, submitted, setSubmitted } = useSearchFields(search);
  const { q, stage, creditorId, minBalance, maxBalance, openedAfter, openedBefore, sort } = fields;

  const minCents = minBalance.trim() === '' ? undefined : parseEurosToCents(minBalance);
  const maxCents = maxBalance.trim() === '' ? undefined : parseEurosToCents(maxBalance);
  const minInvalid = submitted && minCents === null;
  const maxInvalid = submitted && maxCents === null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (minCents === null || maxCents === null) return;
    onSearch(searchOf(fields, minCents, maxCents));
  }

  return (
    <form className="filters" onSubmit={submit} aria-labelledby="filters-heading" role="search">
      <h2 id="filters-heading" className="visually-hidden">
        {t('cases.filters')}
      </h2>
      <Field id="case-q" label={t('cases.q')} hint={t('cases.qHint')} wide>
        {(control) => <input {...control} type="search" value={q} onChange={(e) => set('q')(e.target.value)} />}
      </Field>
      <AnySelect
        id="case-stage"
        label={t('cases.stage')}
        anyLabel={t('cases.anyStage')}
        options={STAGES.map((value) => ({ value, label: labelOf(t, 'stages', value) }))}
        value={stage}
        onChange={set('stage')}
      />
      <AnySelect
        id="case-creditor"
        label={t('cases.creditor')}
        anyLabel={t('cases.anyCreditor')}
        options={creditors.map((creditor) => ({ value: creditor.id, label: creditor.name }))}
        value={creditorId}
        onChange={set('creditorId')}
      />
      <AmountField
        id="case-min"
        label={t('cases.minBalance')}
        value={minBalance}
        onChange={set('minBalance')}
        invalid={minInvalid}
      />
      <AmountField
        id="case-max"
        label={t('cases.maxBalance')}
        value={maxBalance}
        onChange={set('maxBalance')}
        invalid={maxInvalid}
      />
      <DateField
        id="case-opened-after"
        label={t('cases.openedAfter')}
        value={openedAfter}
        onChange={set('openedAfter')}
      />
      <DateField
        id="case-opened-before"
        label={t('cases.openedBefore')}
        value={openedBefore}
        onChange={set('openedBefore')}
      />
      <CodeSelect
        id="case-sort"
        label={t('cases.sort')}
        group="cases.sorts"
        values={SORTS}
        value={sort as CaseSort}
        onChange={set('sort')}
        wide
      />
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('cases.search')}
        </button>
        <button type="button" className="button secondary" onClick={onReset}>
          {t('cases.reset')}
        </button>
      </div>
    </form>
  );
}

/** A select whose first choice, the empty value, leaves the filter out. */
function AnySelect(props: {
  id: string;
  label: string;
  anyLabel: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={props.id} label={props.label}>
      {(control) => (
        <input {...control} type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

function AmountField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={t('cases.amountHint')}
      error={props.invalid ? t('cases.invalidAmount', { value: props.value }) : null}
      alert
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The columns of the results: each case with its debtor, creditor, stage, status, balance and age. */
function useCaseColumns(): Column<CaseSummary>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return [
    {
      header: t('cases.reference'),
      rowHeader: true,
      cellClassName: 'nowrap',
      cell: (item) => <Link to={`/cases/${item.id}`}>{item.reference}</Link>,
    },
    { header: t('cases.debtor'), cell: (item) => item.debtor.displayName },
    { header: t('cases.creditor'), cell: (item) => item.creditor.name },
    {
      header: t('cases.stage'),
      cell: (item) => <span className={`badge stage-${item.stage}`}>{labelOf(t, 'stages', item.stage)}</span>,
    },
    { header: t('cases.status'), cell: (item) => labelOf(t, 'statuses', item.status) },
    { header: t('cases.balance'), className: 'number', cell: (item) => format.money(item.balanceCents, item.currency) },
    { header: t('cases.openedOn'), cell: (item) => format.date(item.openedOn) },
  ];
}
