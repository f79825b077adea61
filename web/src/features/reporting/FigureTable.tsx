import { TableScroll } from '../../ui/TableScroll.js';

type Cell = string | number;

/** A figure's table: a caption, its column heads (the first one names the rows), one line per month or item. */
export function FigureTable(props: { caption: string; heads: string[]; rows: { key: string; cells: Cell[] }[] }) {
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.heads.map((head, index) => (
              <th scope="col" key={head} className={index > 0 ? 'numeric' : undefined}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th scope="row" key={index}>
                    {cell}
                  </th>
                ) : (
                  <td className="numeric" key={index}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
