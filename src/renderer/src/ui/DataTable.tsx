import type { ReactNode } from 'react'
import { Button } from './Button'

export interface Column<T, S extends string = string> {
  key: string
  header: ReactNode
  cell: (row: T) => ReactNode
  /** The sort key sent to the service when this header is clicked; absent = not sortable. */
  sort?: S
  numeric?: boolean
}

export interface DataTableProps<T, S extends string> {
  columns: readonly Column<T, S>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  label: string
  sort?: S
  dir?: 'asc' | 'desc'
  /** Called with the new sort; clicking the sorted column flips the direction. */
  onSort?: (sort: S, dir: 'asc' | 'desc') => void
  onRowClick?: (row: T) => void
  selectedKey?: string | undefined
  empty?: ReactNode
  loading?: boolean
  /** A failed load: shown in place of the rows. */
  error?: string | undefined
  paging?: { offset: number; limit: number; total: number; onPage: (offset: number) => void }
}

/** Formats "1–50 of 312". */
export function pageLabel(offset: number, limit: number, total: number): string {
  if (total === 0) return '0 of 0'
  return `${(offset + 1).toLocaleString()}–${Math.min(offset + limit, total).toLocaleString()} of ${total.toLocaleString()}`
}

/** A table whose sorting and paging are done by the caller (in SQL); headers carry aria-sort. */
export function DataTable<T, S extends string>(p: DataTableProps<T, S>) {
  const { columns, rows, rowKey, sort, dir, onSort, onRowClick, paging } = p
  return (
    <div className="table-wrap">
      <table className="data" aria-label={p.label} aria-busy={p.loading || undefined}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sort !== undefined && c.sort === sort
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={c.sort === undefined ? undefined : active ? (dir === 'desc' ? 'descending' : 'ascending') : 'none'}
                >
                  {c.sort !== undefined && onSort ? (
                    <button
                      type="button"
                      onClick={() => {
                        const s = c.sort as S
                        onSort(s, active ? (dir === 'asc' ? 'desc' : 'asc') : c.numeric ? 'desc' : 'asc')
                      }}
                    >
                      {c.header}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const k = rowKey(r)
            return (
              <tr
                key={k}
                className={[onRowClick ? 'clickable' : '', p.selectedKey === k ? 'selected' : ''].join(' ').trim() || undefined}
                onClick={onRowClick ? () => onRowClick(r) : undefined}
                tabIndex={onRowClick ? 0 : undefined}
                onKeyDown={
                  onRowClick
                    ? (e) => {
                        if (e.key === 'Enter') onRowClick(r)
                      }
                    : undefined
                }
              >
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      {p.error ? (
        <div className="empty" role="alert">
          {p.error}
        </div>
      ) : (
        rows.length === 0 && !p.loading && (p.empty ?? <div className="empty">Nothing here yet.</div>)
      )}
      {paging && paging.total > 0 && (
        <div className="pager" role="navigation" aria-label={`${p.label} pages`}>
          <span>{pageLabel(paging.offset, paging.limit, paging.total)}</span>
          <Button small disabled={paging.offset === 0} onClick={() => paging.onPage(Math.max(0, paging.offset - paging.limit))}>
            Previous
          </Button>
          <Button small disabled={paging.offset + paging.limit >= paging.total} onClick={() => paging.onPage(paging.offset + paging.limit)}>
            Next
          </Button>
        </div>
      )}
    </div>
  )
}
