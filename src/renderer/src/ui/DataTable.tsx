import type { ReactNode } from 'react'
import { Button } from './Button'
import { isMenuKey, useContextMenu, type MenuItem } from './ContextMenu'
import { useFormat, useTranslation } from './i18n'

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
  /** The row's right-click menu (also Shift+F10 or the Menu key on a focused row). */
  rowMenu?: (row: T) => MenuItem[]
  selectedKey?: string | undefined
  empty?: ReactNode
  loading?: boolean
  /** A failed load: shown in place of the rows. */
  error?: string | undefined
  paging?: { offset: number; limit: number; total: number; onPage: (offset: number) => void }
}

/** The numbers of "1–50 of 312": the first and last row shown and the total. */
export function pageRange(offset: number, limit: number, total: number): { from: number; to: number; total: number } {
  if (total === 0) return { from: 0, to: 0, total: 0 }
  return { from: offset + 1, to: Math.min(offset + limit, total), total }
}

/** A table whose sorting and paging are done by the caller (in SQL); headers carry aria-sort. */
export function DataTable<T, S extends string>(p: DataTableProps<T, S>) {
  const { columns, rows, rowKey, sort, dir, onSort, onRowClick, paging, rowMenu } = p
  const { t } = useTranslation()
  const fmt = useFormat()
  const menu = useContextMenu()
  const range = paging ? pageRange(paging.offset, paging.limit, paging.total) : null
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
                tabIndex={onRowClick || rowMenu ? 0 : undefined}
                onKeyDown={
                  onRowClick || rowMenu
                    ? (e) => {
                        if (e.key === 'Enter' && onRowClick) onRowClick(r)
                        else if (rowMenu && isMenuKey(e)) menu.open(e, rowMenu(r), t('table.rowMenu'))
                      }
                    : undefined
                }
                onContextMenu={rowMenu ? (e) => menu.open(e, rowMenu(r), t('table.rowMenu')) : undefined}
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
        rows.length === 0 && !p.loading && (p.empty ?? <div className="empty">{t('table.empty')}</div>)
      )}
      {paging && range && paging.total > 0 && (
        <div className="pager" role="navigation" aria-label={t('table.pages', { table: p.label })}>
          <span>{t('table.range', { from: fmt.number(range.from), to: fmt.number(range.to), total: fmt.number(range.total) })}</span>
          <Button small disabled={paging.offset === 0} onClick={() => paging.onPage(Math.max(0, paging.offset - paging.limit))}>
            {t('table.previous')}
          </Button>
          <Button small disabled={paging.offset + paging.limit >= paging.total} onClick={() => paging.onPage(paging.offset + paging.limit)}>
            {t('table.next')}
          </Button>
        </div>
      )}
      {menu.menu}
    </div>
  )
}
