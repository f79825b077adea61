import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { ApiData } from '../api/useApiData.js';
import { useFormat } from '../i18n/format.js';
import { AsyncContent } from './AsyncContent.js';
import { DataTable, type Column } from './DataTable.js';
import { Pager } from './Pager.js';

/** One page of a list as the API answers it. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** The first and last positions shown ("26–50"), formatted for the reader. */
// A type, not an interface: i18next takes it as the values of a text.
export type Range = { from: string; to: string };

/** The texts of a paged list, already translated (range: "26–50", or "26–50 and more" when another page exists). */
export interface PagedTexts {
  /** The list's name: the table's caption, or the list's label. */
  caption: string;
  /** The name of the previous/next navigation. */
  pagination: string;
  /** Said when the page is empty. */
  none: string;
  range: (range: Range, hasMore: boolean) => string;
}

/** The offset in the address bar (`?offset=25`): a whole number ≥ 0, anything else reads as 0. */
export function offsetFrom(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? '0');
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/**
 * Moves the focus to a heading once the list has loaded again, when asked before the load (after "previous"/"next"
 * or a decision the buttons are replaced, so the focus would otherwise be lost): keyboard users continue from the
 * top of the new page.
 */
export function useFocusAfterLoad<E extends HTMLElement = HTMLHeadingElement>(status: ApiData<unknown>['status']) {
  const ref = useRef<E>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (status !== 'loading' && pending.current) {
      pending.current = false;
      ref.current?.focus();
    }
  }, [status]);
  const focusWhenLoaded = useCallback(() => {
    pending.current = true;
  }, []);
  return { ref, focusWhenLoaded };
}

interface PagingProps {
  offset: number;
  pageSize: number;
  onPage: (offset: number) => void;
  texts: PagedTexts;
  /** Announce the count line as a status (off where the page already has one for its own messages). */
  announceCount?: boolean;
  /** Shown between the count and the list (the outcome of an action on a row). */
  above?: ReactNode;
}

/** One page of any list: how many are shown, the list itself (`children`, not rendered when empty), previous/next. */
export function PagedList<T>({
  page,
  offset,
  pageSize,
  onPage,
  texts,
  announceCount = true,
  above,
  children,
}: PagingProps & { page: Page<T>; children: (items: T[]) => ReactNode }) {
  const format = useFormat();
  const { items, hasMore } = page;
  const range = { from: format.count(offset + 1), to: format.count(offset + items.length) };
  return (
    <>
      <p role={announceCount ? 'status' : undefined} className="result-count">
        {items.length === 0 ? texts.none : texts.range(range, hasMore)}
      </p>
      {above}
      {items.length > 0 ? children(items) : null}
      <Pager label={texts.pagination} offset={offset} pageSize={pageSize} hasMore={hasMore} onPage={onPage} />
    </>
  );
}

/**
 * A paged table loaded from the API: the loading status, the problem with a retry, then the count, the table and
 * previous/next. The page itself keeps the offset (in the address bar, usually) and loads the data.
 */
export function PagedTable<T>({
  data,
  onRetry,
  columns,
  rowKey,
  rowClassName,
  ...paging
}: PagingProps & {
  data: ApiData<Page<T>>;
  onRetry: () => void;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
}) {
  return (
    <AsyncContent data={data} onRetry={onRetry}>
      {(page) => (
        <PagedList page={page} {...paging}>
          {(items) => (
            <DataTable
              caption={paging.texts.caption}
              columns={columns}
              rows={items}
              rowKey={rowKey}
              rowClassName={rowClassName}
            />
          )}
        </PagedList>
      )}
    </AsyncContent>
  );
}
