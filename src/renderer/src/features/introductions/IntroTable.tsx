import type { IntroductionListItem } from '../../../../shared/types'
import type { IntroductionSort } from '../../../../shared/channels/foundation'
import { DataTable, StatusBadge, toMinor, useFormat, useTranslation, type Column, type MenuItem } from '../../ui'
import { useMemo, type ReactNode } from 'react'

type Sort = (typeof IntroductionSort)['options'][number]

/** The introduction table's columns, in the user's language, with dates and money in their region. */
export function useIntroColumns(): Column<IntroductionListItem, Sort>[] {
  const { t } = useTranslation(['introductions', 'common'])
  const fmt = useFormat()
  return useMemo(
    () => [
      { key: 'date', header: t('columns.date'), sort: 'date', cell: (r) => fmt.day(r.date) },
      { key: 'referrer', header: t('columns.referrer'), sort: 'referrer', cell: (r) => r.referrerName },
      { key: 'receiver', header: t('columns.receiver'), sort: 'receiver', cell: (r) => r.receiverName },
      { key: 'prospect', header: t('columns.prospect'), sort: 'prospect', cell: (r) => r.prospectName },
      { key: 'kind', header: t('columns.kind'), sort: 'kind', cell: (r) => t(`common:kind.${r.kind}`) },
      { key: 'status', header: t('columns.status'), sort: 'status', cell: (r) => <StatusBadge status={r.status} /> },
      { key: 'value', header: t('columns.value'), sort: 'value', numeric: true, cell: (r) => fmt.money(toMinor(r.value), r.currency) },
    ],
    [t, fmt],
  )
}

export interface IntroTableProps {
  rows: readonly IntroductionListItem[]
  label: string
  sort: Sort
  dir: 'asc' | 'desc'
  onSort: (s: Sort, d: 'asc' | 'desc') => void
  onOpen: (row: IntroductionListItem) => void
  /** The row's right-click menu. */
  rowMenu?: (row: IntroductionListItem) => MenuItem[]
  paging: { offset: number; limit: number; total: number; onPage: (o: number) => void }
  loading?: boolean
  error?: string | undefined
  empty?: ReactNode
  selectedId?: string | undefined
  /** Leave out the kind column and tighten the cells (for narrow places such as a person's page). */
  compact?: boolean
}

export function IntroTable(p: IntroTableProps) {
  const columns = useIntroColumns()
  return (
    <div className={p.compact ? 'intro-table compact' : 'intro-table'}>
      <DataTable
        columns={p.compact ? columns.filter((c) => c.key !== 'kind') : columns}
        rows={p.rows}
        rowKey={(r) => r.id}
        label={p.label}
        sort={p.sort}
        dir={p.dir}
        onSort={p.onSort}
        onRowClick={p.onOpen}
        {...(p.rowMenu ? { rowMenu: p.rowMenu } : {})}
        paging={p.paging}
        loading={p.loading}
        error={p.error}
        empty={p.empty}
        selectedKey={p.selectedId}
      />
    </div>
  )
}
