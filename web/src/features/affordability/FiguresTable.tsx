import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../ui/TableScroll.js';
import type { FigureStatus } from './api.js';
import { openerId, type Editing } from './editing.js';
import { EditButton, StatusBadge, useSourceText } from './fields.js';

/**
 * A table of dated figures: the row's own columns (`head`, `cells`), then its status and source, and for an
 * administrator a button that opens the row's edit form (the form key is `rowKey`).
 */
export function FiguresTable<R extends { status: FigureStatus; source: string }>(props: {
  caption: string;
  empty: string;
  rows: R[];
  head: ReactNode;
  cells: (row: R) => ReactNode;
  rowKey: (row: R) => string;
  editLabel: (row: R) => string;
  editing: Editing;
}) {
  const { t } = useTranslation();
  const { editing } = props;
  const sourceText = useSourceText();
  if (props.rows.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <TableScroll label={props.caption}>
      <table className="reference-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head}
            <th scope="col">{t('referenceData.statusColumn')}</th>
            <th scope="col">{t('referenceData.sourceColumn')}</th>
            {editing.mayManage ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const key = props.rowKey(row);
            return (
              <tr key={key}>
                {props.cells(row)}
                <td>
                  <StatusBadge status={row.status} labelled={false} />
                </td>
                <td className="rule-source">{sourceText(row.source)}</td>
                {editing.mayManage ? (
                  <td>
                    <EditButton id={openerId(key)} label={props.editLabel(row)} onClick={() => editing.open(key)} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
