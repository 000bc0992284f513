import type { IntroductionListItem } from '../../../../shared/types'
import type { IntroductionSort } from '../../../../shared/channels/foundation'
import { DataTable, StatusBadge, formatMoney, toMinor, type Column } from '../../ui'
import type { ReactNode } from 'react'

type Sort = (typeof IntroductionSort)['options'][number]

export const KIND_LABELS = { referral: 'Referral', introduction: 'Introduction', lead: 'Lead' } as const
export const ORIGIN_LABELS = { inbound: 'Inbound', outbound: 'Outbound' } as const

export const INTRO_COLUMNS: Column<IntroductionListItem, Sort>[] = [
  { key: 'date', header: 'Date', sort: 'date', cell: (r) => r.date },
  { key: 'referrer', header: 'Referrer', sort: 'referrer', cell: (r) => r.referrerName },
  { key: 'receiver', header: 'Receiver', sort: 'receiver', cell: (r) => r.receiverName },
  { key: 'prospect', header: 'Prospect', sort: 'prospect', cell: (r) => r.prospectName },
  { key: 'kind', header: 'Kind', sort: 'kind', cell: (r) => KIND_LABELS[r.kind] },
  { key: 'status', header: 'Status', sort: 'status', cell: (r) => <StatusBadge status={r.status} /> },
  { key: 'value', header: 'Value', sort: 'value', numeric: true, cell: (r) => formatMoney(toMinor(r.value), r.currency) },
]

export interface IntroTableProps {
  rows: readonly IntroductionListItem[]
  label: string
  sort: Sort
  dir: 'asc' | 'desc'
  onSort: (s: Sort, d: 'asc' | 'desc') => void
  onOpen: (row: IntroductionListItem) => void
  paging: { offset: number; limit: number; total: number; onPage: (o: number) => void }
  loading?: boolean
  error?: string | undefined
  empty?: ReactNode
  selectedId?: string | undefined
  /** Leave out the kind column and tighten the cells (for narrow places such as a person's page). */
  compact?: boolean
}

export function IntroTable(p: IntroTableProps) {
  return (
    <div className={p.compact ? 'intro-table compact' : 'intro-table'}>
      <DataTable
        columns={p.compact ? INTRO_COLUMNS.filter((c) => c.key !== 'kind') : INTRO_COLUMNS}
        rows={p.rows}
        rowKey={(r) => r.id}
        label={p.label}
        sort={p.sort}
        dir={p.dir}
        onSort={p.onSort}
        onRowClick={p.onOpen}
        paging={p.paging}
        loading={p.loading}
        error={p.error}
        empty={p.empty}
        selectedKey={p.selectedId}
      />
    </div>
  )
}
