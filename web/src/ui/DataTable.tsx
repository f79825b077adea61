import type { Key, ReactNode } from 'react';
import { TableScroll } from './TableScroll.js';

/** One column of a table: its header, and what each row shows in it. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (`<th scope="row">`): one per table, usually the first. */
  rowHeader?: boolean;
  /** Classes of the header and of every cell (`number` aligns figures to the right). */
  className?: string;
  /** Classes of the body cells only (`nowrap`…). */
  cellClassName?: string;
  /** Leaves the column out (a column only some readers see). */
  hidden?: boolean;
  /** The language of a cell whose text is not in the page's (the server's English words). */
  lang?: (row: T) => string | undefined;
}

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * A table of rows: its caption (hidden, read by screen readers, and the label of the scrolling box when the table is
 * wider than the screen), one header cell per column, one row per item.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  className,
  footer,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  rowClassName?: (row: T) => string | undefined;
  className?: string;
  /** Rows of a `<tfoot>` (a total). */
  footer?: ReactNode;
}) {
  const shown = columns.filter((column) => !column.hidden);
  return (
    <TableScroll label={caption}>
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {shown.map((column, index) => (
              <th key={index} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {shown.map((column, index) => {
                const className = classes(column.className, column.cellClassName);
                return column.rowHeader ? (
                  <th key={index} scope="row" className={className} lang={column.lang?.(row)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={className} lang={column.lang?.(row)}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </TableScroll>
  );
}
