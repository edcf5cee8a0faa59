import type { ReactNode } from 'react';

export interface PermissionCell {
  allowed: boolean;
  /** Why: shown on hover and read out with the verdict. */
  reason: string;
}

export interface PermissionRow {
  key: string;
  /** Who: a principal, "Everyone else", … */
  label: ReactNode;
  /** Under the label: the host, "super user", … */
  note?: ReactNode;
  /** One per column, in the columns' order. */
  cells: readonly PermissionCell[];
}

export interface PermissionMatrixProps {
  caption: string;
  /** The operations, as column headers. */
  columns: readonly string[];
  rows: readonly PermissionRow[];
}

/**
 * Who may do what on one resource: a row per principal, a column per operation, each cell allowed
 * (✓) or denied (✕) with the reason on hover and for screen readers.
 */
export function PermissionMatrix({ caption, columns, rows }: PermissionMatrixProps) {
  return (
    <div className="t-table-wrap">
      <table className="t-table t-perm-matrix">
        <caption className="t-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Principal</th>
            {columns.map((c) => (
              <th key={c} scope="col" data-align="center">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <span className="t-perm-who">{r.label}</span>
                {r.note !== undefined ? <span className="t-perm-note">{r.note}</span> : null}
              </th>
              {r.cells.map((cell, i) => (
                <td key={columns[i] ?? i} data-align="center">
                  <span className="t-perm" data-allowed={cell.allowed} title={cell.reason}>
                    <span aria-hidden="true">{cell.allowed ? '✓' : '✕'}</span>
                    <span className="t-visually-hidden">
                      {columns[i]}: {cell.allowed ? 'allowed' : 'denied'} ({cell.reason})
                    </span>
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
