// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n/index.js';
import { DataTable, type Column } from './DataTable.js';

afterEach(cleanup);

interface Problem {
  line: number;
  text: string;
  lang?: string;
}

const COLUMNS: Column<Problem>[] = [
  { header: 'Ligne', rowHeader: true, className: 'number', cell: (row) => row.line },
  { header: 'Problème', lang: (row) => row.lang, cellClassName: 'wide', cell: (row) => row.text },
];

describe('DataTable', () => {
  it('names the table by its caption and each row by its header cell', () => {
    render(
      <DataTable
        caption="Lignes refusées"
        columns={COLUMNS}
        rows={[{ line: 3, text: 'Montant illisible' }]}
        rowKey={(row) => row.line}
      />,
    );
    const table = screen.getByRole('table', { name: 'Lignes refusées' });
    const header = within(table).getByRole('rowheader');
    expect(header.textContent).toBe('3');
    expect(header.getAttribute('scope')).toBe('row');
    expect(header.className).toBe('number');
    expect(within(table).getByRole('columnheader', { name: 'Ligne' }).className).toBe('number');
  });

  it('marks the language of a cell whose words are not the page’s, and only that cell', () => {
    render(
      <DataTable
        caption="Lignes refusées"
        columns={COLUMNS}
        rows={[
          { line: 3, text: 'Montant illisible' },
          { line: 4, text: 'Unknown column', lang: 'en' },
        ]}
        rowKey={(row) => row.line}
      />,
    );
    const cells = screen.getAllByRole('cell');
    expect(cells.map((cell) => cell.getAttribute('lang'))).toEqual([null, 'en']);
    expect(cells.map((cell) => cell.className)).toEqual(['wide', 'wide']);
  });

  it('leaves out a hidden column and adds a footer', () => {
    const columns: Column<Problem>[] = [...COLUMNS, { header: 'Actions', hidden: true, cell: () => 'x' }];
    render(
      <DataTable
        caption="Lignes"
        columns={columns}
        rows={[{ line: 1, text: 'ok' }]}
        rowKey={(row) => row.line}
        footer={
          <tr>
            <th scope="row">Total</th>
            <td>1</td>
          </tr>
        }
      />,
    );
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Ligne', 'Problème']);
    expect(screen.getByRole('rowheader', { name: 'Total' }).closest('tfoot')).not.toBeNull();
  });
});
