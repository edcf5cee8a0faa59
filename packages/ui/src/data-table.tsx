import type { ReactNode } from 'react';
import { formatNumber } from './format';
import { Button } from './button';
import { SkeletonRows } from './feedback';

export type SortDirection = 'asc' | 'desc';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  align?: 'left' | 'right' | 'center';
  /** The table can be sorted by this column (the caller sorts, on the server or locally). */
  sortable?: boolean;
  width?: number | string;
}

export interface DataTableProps<Row> {
  columns: ReadonlyArray<Column<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  caption?: string;
  sort?: { key: string; direction: SortDirection };
  onSortChange?: (key: string, direction: SortDirection) => void;
  loading?: boolean;
  /** Shown instead of the body when there are no rows. */
  empty?: ReactNode;
  /** Paging controls under the table. */
  paging?: PagerProps;
}

/** The next sort when a header is activated: same column flips, another starts ascending. */
export function nextSort(
  current: { key: string; direction: SortDirection } | undefined,
  key: string,
): { key: string; direction: SortDirection } {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  sort,
  onSortChange,
  loading = false,
  empty,
  paging,
}: DataTableProps<Row>) {
  const ariaSort = (c: Column<Row>) =>
    sort?.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : c.sortable === true ? 'none' : undefined;
  return (
    <div>
      <div className="t-table-wrap">
        <table className="t-table">
          {caption !== undefined ? <caption className="t-visually-hidden">{caption}</caption> : null}
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  data-align={c.align}
                  aria-sort={ariaSort(c)}
                  style={c.width !== undefined ? { width: c.width } : undefined}
                >
                  {c.sortable === true && onSortChange !== undefined ? (
                    <button
                      type="button"
                      className="t-sort"
                      data-active={sort?.key === c.key}
                      onClick={() => {
                        const s = nextSort(sort, c.key);
                        onSortChange(s.key, s.direction);
                      }}
                    >
                      {c.header}
                      <span className="t-sort-icon" aria-hidden="true">
                        {sort?.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {!loading && rows.length > 0 ? (
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)}>
                  {columns.map((c) => (
                    <td key={c.key} data-align={c.align}>
                      {c.render(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
      </div>
      {loading ? <SkeletonRows rows={6} /> : rows.length === 0 ? empty : null}
      {paging !== undefined && !loading && paging.total > 0 ? <Pager {...paging} /> : null}
    </div>
  );
}

export interface PagerProps {
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  pageSizes?: readonly number[];
  onPageSizeChange?: (size: number) => void;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function Pager({ page, pageSize, total, onPageChange, pageSizes, onPageSizeChange }: PagerProps) {
  const pages = pageCount(total, pageSize);
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="t-pager" aria-label="Pages">
      <span className="t-num">
        {formatNumber(from)}–{formatNumber(to)} of {formatNumber(total)}
      </span>
      <div className="t-row">
        {pageSizes !== undefined && onPageSizeChange !== undefined ? (
          <label className="t-row">
            <span>Rows</span>
            <select
              className="t-select"
              style={{ width: 76, height: 26 }}
              value={pageSize}
              onChange={(e) => onPageSizeChange(Number(e.target.value))}
            >
              {pageSizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button size="sm" onClick={() => onPageChange(0)} disabled={page <= 0} aria-label="First page">
          «
        </Button>
        <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 0}>
          ‹ Previous
        </Button>
        <span className="t-num">
          Page {page + 1} of {pages}
        </span>
        <Button size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pages - 1}>
          Next ›
        </Button>
        <Button size="sm" onClick={() => onPageChange(pages - 1)} disabled={page >= pages - 1} aria-label="Last page">
          »
        </Button>
      </div>
    </nav>
  );
}
