import { useTranslation } from 'react-i18next';

/** Previous / next through a paged list; shown only when there is another page. */
export function Pager({
  label,
  offset,
  pageSize,
  hasMore,
  onPage,
}: {
  label: string;
  offset: number;
  pageSize: number;
  hasMore: boolean;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (offset === 0 && !hasMore) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button secondary"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - pageSize))}
      >
        <span aria-hidden="true">← </span>
        {t('common.previous')}
      </button>
      <button type="button" className="button secondary" disabled={!hasMore} onClick={() => onPage(offset + pageSize)}>
        {t('common.next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
