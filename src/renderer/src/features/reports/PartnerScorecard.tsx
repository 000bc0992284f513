import { useState } from 'react'
import type { PeriodPreset } from '../../../../shared/channels/analytics'
import { Card, useApi } from '../../ui'
import { LapsingBadge, QualityBand } from './Charts'
import { moneyList, num, pct } from './format'
import './reports.css'

const PRESETS: { value: Exclude<PeriodPreset, 'custom'>; label: string }[] = [
  { value: 'last12', label: 'Last 12 months' },
  { value: 'year', label: 'This year' },
  { value: 'quarter', label: 'This quarter' },
  { value: 'all', label: 'All time' },
]

/** One partner's scorecard, as a panel other screens (people, graph) can embed. */
export function PartnerScorecard({ personId, initialPreset = 'last12' }: { personId: string; initialPreset?: Exclude<PeriodPreset, 'custom'> }) {
  const [preset, setPreset] = useState(initialPreset)
  const q = useApi('analytics:partner', { personId, period: { preset } })
  const s = q.data?.scorecard
  const cur = q.data?.currency ?? ''
  const money = (list: readonly { currency: string; minor: number }[]) => moneyList(list, cur)
  return (
    <Card
      title="Scorecard"
      className="rpt-partner"
      actions={
        <select aria-label="Scorecard period" value={preset} onChange={(e) => setPreset(e.target.value as typeof preset)}>
          {PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      }
    >
      {q.isError && <p className="muted">Scorecard unavailable: {q.error.message}</p>}
      {q.isError ? null : !s ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="rpt-dl">
          <dt>Received</dt>
          <dd>
            {s.received} <span className="muted rpt-small">({s.byKind.referral} referrals, {s.byKind.introduction} introductions, {s.byKind.lead} leads; {s.byOrigin.inbound} inbound)</span>
          </dd>
          <dt>Outcomes</dt>
          <dd>
            {s.won} won · {s.lost} lost · {s.notAFit} not a fit · {s.open} open
          </dd>
          <dt>Conversion</dt>
          <dd>
            {pct(s.conversion)} of decided · {pct(s.winRate)} of all
          </dd>
          <dt>Quality</dt>
          <dd>
            <QualityBand s={s} />
          </dd>
          <dt>Closed value</dt>
          <dd>
            {money(s.closedValue)} <span className="muted rpt-small">avg {num(s.avgDaysToWon)} / median {num(s.medianDaysToWon, 1)} days to won</span>
          </dd>
          <dt>Given by you</dt>
          <dd>
            {s.given} ({s.givenWon} won, {money(s.givenValue)}) · balance {s.balance > 0 ? `+${s.balance}` : s.balance}
          </dd>
          <dt>Spin-off</dt>
          <dd>{s.spinOffWon > 0 ? `${money(s.spinOffValue)} from ${s.spinOffWon} won via people they introduced` : '—'}</dd>
          <dt>Last received</dt>
          <dd>
            {s.lastReceived ?? '—'} {s.lapsing && <LapsingBadge reason={s.lapsingReason} />}
          </dd>
        </dl>
      )}
    </Card>
  )
}
