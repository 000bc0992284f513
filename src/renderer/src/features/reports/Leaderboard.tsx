import { useState } from 'react'
import type { Scorecard } from '../../../../shared/channels/analytics'
import { RANKING_RULE, sortScorecards, type ScorecardKey } from '../../../../core/analytics/scorecard'
import { DataTable, EmptyState, type Column } from '../../ui'
import { LapsingBadge, QualityBand } from './Charts'
import { moneyList, num, pct } from './format'

export interface LeaderboardProps {
  cards: readonly Scorecard[]
  /** The main currency: money columns sort by it; other currencies are listed beside it. */
  currency: string
  loading?: boolean
  onOpen: (personId: string) => void
  /** Shown when the period has no introductions. */
  periodLabel: string
}

/**
 * The scorecards as a table sortable by any column (sorting happens here, over
 * the loaded scorecards). By default in the ranking order, stated under the table.
 */
export function Leaderboard({ cards, currency, loading, onOpen, periodLabel }: LeaderboardProps) {
  const [sort, setSort] = useState<ScorecardKey>('rank')
  const [dir, setDir] = useState<'asc' | 'desc'>('desc')
  const rows = sortScorecards(cards, sort, dir, currency)
  const position = new Map(sortScorecards(cards, 'rank', 'desc').map((s, i) => [s.personId, i + 1]))
  const money = (list: Scorecard['closedValue']) => moneyList(list, currency)
  const columns: Column<Scorecard, ScorecardKey>[] = [
    { key: 'rank', header: 'Rank', sort: 'rank', numeric: true, cell: (s) => (s.rank === null ? '—' : String(position.get(s.personId) ?? '')) },
    {
      key: 'name',
      header: 'Partner',
      sort: 'name',
      cell: (s) => (
        <span className="rpt-name">
          {s.name}
          {s.company && <span className="muted rpt-small"> {s.company}</span>}
        </span>
      ),
    },
    { key: 'received', header: 'Received', sort: 'received', numeric: true, cell: (s) => num(s.received) },
    { key: 'won', header: 'Won', sort: 'won', numeric: true, cell: (s) => num(s.won) },
    { key: 'decided', header: 'Decided', sort: 'decided', numeric: true, cell: (s) => num(s.decided) },
    { key: 'conversion', header: 'Conversion', sort: 'conversion', numeric: true, cell: (s) => pct(s.conversion) },
    { key: 'quality', header: 'Quality (95% band, n)', sort: 'quality', numeric: true, cell: (s) => <QualityBand s={s} /> },
    { key: 'closedValue', header: 'Closed value', sort: 'closedValue', numeric: true, cell: (s) => money(s.closedValue) },
    { key: 'avgDays', header: 'Avg days to won', sort: 'avgDaysToWon', numeric: true, cell: (s) => num(s.avgDaysToWon) },
    { key: 'medianDays', header: 'Median days', sort: 'medianDaysToWon', numeric: true, cell: (s) => num(s.medianDaysToWon, 1) },
    { key: 'given', header: 'Given', sort: 'given', numeric: true, cell: (s) => num(s.given) },
    {
      key: 'balance',
      header: 'Balance',
      sort: 'balance',
      numeric: true,
      cell: (s) => (s.balance > 0 ? `+${s.balance}` : String(s.balance)),
    },
    { key: 'spinOff', header: 'Spin-off value', sort: 'spinOffValue', numeric: true, cell: (s) => (s.spinOffValue.length ? money(s.spinOffValue) : '—') },
    {
      key: 'last',
      header: 'Last received',
      sort: 'lastReceived',
      cell: (s) => (
        <span className="rpt-last">
          {s.lastReceived ?? '—'} {s.lapsing && <LapsingBadge reason={s.lapsingReason} />}
        </span>
      ),
    },
  ]
  return (
    <>
    <DataTable<Scorecard, ScorecardKey>
      label="Partner leaderboard"
      columns={columns}
      rows={rows}
      rowKey={(s) => s.personId}
      sort={sort}
      dir={dir}
      onSort={(s, d) => {
        setSort(s)
        setDir(d)
      }}
      onRowClick={(s) => onOpen(s.personId)}
      loading={loading ?? false}
      empty={
        <EmptyState title="No introductions in this period">
          Nothing was received from or given to a partner in {periodLabel}. Try a longer period or clear the filters.
        </EmptyState>
      }
    />
    <p className="muted rpt-small rpt-rule">
      {RANKING_RULE} Partners with nothing decided come last. Money columns sort by {currency}; other currencies are listed beside it, never added.
    </p>
    </>
  )
}
