import { useMemo } from 'react';
import type { Episode } from '../../api/types';
import { flowsheet } from './flowsheet';

/** The episode's step values as a flowsheet (rows: features and actions, columns: steps). */
export function StepTable({ episode }: { episode: Episode }) {
  const sheet = useMemo(() => flowsheet(episode), [episode]);
  let lastGroup = '';
  return (
    <div className="table-wrap step-table-wrap" id="step-table">
      <table className="table table--compact step-table" data-testid="step-table">
        <caption className="visually-hidden">Step values</caption>
        <thead>
          <tr>
            <th scope="col" className="step-table__name">
              Feature
            </th>
            {sheet.columns.map((column) => (
              <th key={column.index} scope="col" className="num">
                <span className="step-table__step">#{column.index}</span>
                {column.time && (
                  <>
                    <span className="step-table__time" title={`${column.date} ${column.time} UTC`}>
                      {column.time}
                    </span>
                    <span className="step-table__date muted">{column.newDay ? column.date : '\u00a0'}</span>
                  </>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.flatMap((row) => {
            const rows = [];
            if (row.group !== lastGroup) {
              lastGroup = row.group;
              rows.push(
                <tr key={`group:${row.group}`} className="step-table__group">
                  <th scope="colgroup" colSpan={sheet.columns.length + 1}>
                    {row.group}
                  </th>
                </tr>,
              );
            }
            rows.push(
              <tr key={row.id} data-row={row.id}>
                <th scope="row" className="step-table__name">
                  {row.label} {row.unit && <span className="muted">{row.unit}</span>}
                </th>
                {row.cells.map((cell, i) => (
                  <td
                    key={i}
                    className={`num step-table__cell step-table__cell--${cell.state}`}
                    title={cell.state === 'imputed' ? 'carried forward' : cell.state === 'missing' ? 'missing' : undefined}
                  >
                    {cell.text}
                  </td>
                ))}
              </tr>,
            );
            return rows;
          })}
        </tbody>
      </table>
      <p className="table-wrap__status muted step-table__legend">
        <span className="step-table__cell--imputed">Italic grey</span>: carried forward from an earlier step; –: missing.
        {sheet.columns.some((c) => c.time !== null) && ' Times are bloc starts in UTC (month-day below the time).'}
      </p>
    </div>
  );
}
