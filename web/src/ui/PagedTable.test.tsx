// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import type { ApiData } from '../api/useApiData.js';
import '../i18n/index.js';
import type { Column } from './DataTable.js';
import { offsetFrom, PagedTable, type Page } from './PagedTable.js';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
  cents: number;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Nom', rowHeader: true, cell: (row) => row.name },
  { header: 'Solde', className: 'number', cell: (row) => String(row.cents / 100) },
  { header: 'Secret', hidden: true, cell: () => 'caché' },
];

const TEXTS = {
  caption: 'Dossiers',
  pagination: 'Pages des dossiers',
  none: 'Aucun dossier.',
  range: (range: { from: string; to: string }, more: boolean) => `${range.from} à ${range.to}${more ? ' et plus' : ''}`,
};

const rows = (from: number, count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `r${from + index}`,
    name: `Dossier ${from + index}`,
    cents: (from + index) * 100,
  }));

function table(data: ApiData<Page<Row>>, offset = 0, pages: number[] = [], retries: number[] = []) {
  return (
    <PagedTable
      data={data}
      onRetry={() => retries.push(1)}
      columns={COLUMNS}
      rowKey={(row) => row.id}
      offset={offset}
      pageSize={2}
      onPage={(next) => pages.push(next)}
      texts={TEXTS}
    />
  );
}

describe('PagedTable', () => {
  it('says it is loading while the page loads', () => {
    render(table({ status: 'loading' }));
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the problem with a retry button when the page cannot load', () => {
    const retries: number[] = [];
    render(table({ status: 'error', error: new ApiError(500, 'http.500', 'boom') }, 0, [], retries));
    const alert = screen.getByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(retries).toHaveLength(1);
  });

  it('says so when the page is empty, with neither table nor pager', () => {
    render(table({ status: 'ready', data: { items: [], hasMore: false } }));
    expect(screen.getByRole('status').textContent).toBe('Aucun dossier.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows a page as a captioned table with a header per column and one row per item', () => {
    render(table({ status: 'ready', data: { items: rows(1, 2), hasMore: true } }));
    const grid = screen.getByRole('table', { name: 'Dossiers' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Nom', 'Solde']);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Dossier 1', 'Dossier 2']);
    expect(
      within(grid)
        .getAllByRole('cell')
        .map((cell) => cell.className),
    ).toEqual(['number', 'number']);
    expect(screen.getByRole('status').textContent).toBe('1 à 2 et plus');
  });

  it('turns pages: previous is off on the first page, next moves by the page size', () => {
    const pages: number[] = [];
    render(table({ status: 'ready', data: { items: rows(1, 2), hasMore: true } }, 0, pages));
    const pager = screen.getByRole('navigation', { name: 'Pages des dossiers' });
    expect((within(pager).getByRole('button', { name: /Précédent/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: /Suivant/ }));
    expect(pages).toEqual([2]);
  });

  it('on the last page, counts from the offset and only goes back', () => {
    const pages: number[] = [];
    render(table({ status: 'ready', data: { items: rows(3, 1), hasMore: false } }, 2, pages));
    expect(screen.getByRole('status').textContent).toBe('3 à 3');
    const pager = screen.getByRole('navigation', { name: 'Pages des dossiers' });
    expect((within(pager).getByRole('button', { name: /Suivant/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: /Précédent/ }));
    expect(pages).toEqual([0]);
  });
});

describe('offsetFrom', () => {
  it('reads a whole offset from the address and anything else as the first page', () => {
    expect(offsetFrom(new URLSearchParams('offset=25'))).toBe(25);
    for (const text of ['', 'offset=-5', 'offset=2.5', 'offset=abc'])
      expect(offsetFrom(new URLSearchParams(text))).toBe(0);
  });
});
