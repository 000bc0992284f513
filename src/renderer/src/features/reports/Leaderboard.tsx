import { useState } from 'react'
import type { Scorecard } from '../../../../shared/channels/analytics'
import { sortScorecards, type ScorecardKey } from '../../../../core/analytics/scorecard'
import { DataTable, EmptyState, useTranslation, type Column } from '../../ui'
import { LapsingBadge, QualityBand } from './Charts'
import { useReportFormat } from './format'

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
  const { t } = useTranslation('reports')
  const { moneyList, num, pct, signed, fmt } = useReportFormat()
  const money = (list: Scorecard['closedValue']) => moneyList(list, currency)
  const columns: Column<Scorecard, ScorecardKey>[] = [
    { key: 'rank', header: t('leaderboard.rank'), sort: 'rank', numeric: true, cell: (s) => (s.rank === null ? '—' : num(position.get(s.personId) ?? null)) },
    {
      key: 'name',
      header: t('leaderboard.partner'),
      sort: 'name',
      cell: (s) => (
        <span className="rpt-name">
          {s.name}
          {s.company && <span className="muted rpt-small"> {s.company}</span>}
        </span>
      ),
    },
    { key: 'received', header: t('leaderboard.received'), sort: 'received', numeric: true, cell: (s) => num(s.received) },
    { key: 'won', header: t('leaderboard.won'), sort: 'won', numeric: true, cell: (s) => num(s.won) },
    { key: 'decided', header: t('leaderboard.decided'), sort: 'decided', numeric: true, cell: (s) => num(s.decided) },
    { key: 'conversion', header: t('leaderboard.conversion'), sort: 'conversion', numeric: true, cell: (s) => pct(s.conversion) },
    { key: 'quality', header: t('leaderboard.quality'), sort: 'quality', numeric: true, cell: (s) => <QualityBand s={s} /> },
    { key: 'closedValue', header: t('leaderboard.closedValue'), sort: 'closedValue', numeric: true, cell: (s) => money(s.closedValue) },
    { key: 'avgDays', header: t('leaderboard.avgDays'), sort: 'avgDaysToWon', numeric: true, cell: (s) => num(s.avgDaysToWon) },
    { key: 'medianDays', header: t('leaderboard.medianDays'), sort: 'medianDaysToWon', numeric: true, cell: (s) => num(s.medianDaysToWon, 1) },
    { key: 'given', header: t('leaderboard.given'), sort: 'given', numeric: true, cell: (s) => num(s.given) },
    {
      key: 'balance',
      header: t('leaderboard.balance'),
      sort: 'balance',
      numeric: true,
      cell: (s) => signed(s.balance),
    },
    { key: 'spinOff', header: t('leaderboard.spinOff'), sort: 'spinOffValue', numeric: true, cell: (s) => (s.spinOffValue.length ? money(s.spinOffValue) : '—') },
    {
      key: 'last',
      header: t('leaderboard.lastReceived'),
      sort: 'lastReceived',
      cell: (s) => (
        <span className="rpt-last">
          {s.lastReceived ? fmt.day(s.lastReceived) : '—'} {s.lapsing && <LapsingBadge reason={s.lapsingReason} />}
        </span>
      ),
    },
  ]
  return (
    <>
    <DataTable<Scorecard, ScorecardKey>
      label={t('leaderboard.label')}
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
        <EmptyState title={t('leaderboard.emptyTitle')}>{t('leaderboard.emptyText', { period: periodLabel })}</EmptyState>
      }
    />
    <p className="muted rpt-small rpt-rule">
      {t('leaderboard.rule', { currency })}
    </p>
    </>
  )
}
