import { useId, useState, type ReactNode } from 'react'
import type { NetworkFigures, Rate, Scorecard } from '../../../../shared/channels/analytics'
import { Badge, useFormat, useTranslation } from '../../ui'
import { LAPSE } from '../../../../core/analytics/scorecard'
import { amountIn } from '../../../../core/money'
import { useReportFormat } from './format'

/**
 * A chart with its figures as a table: "Show as table" swaps the picture for a table of the same numbers
 * (for screen readers, keyboard users and anyone who wants the exact values).
 */
function ChartFigure({ title, head, rows, children }: { title: string; head: string[]; rows: ReactNode[][]; children: ReactNode }) {
  const [table, setTable] = useState(false)
  const id = useId()
  const { t } = useTranslation('reports')
  return (
    <figure className="rpt-chart rpt-chart-toggled">
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <button type="button" className="rpt-link rpt-small rpt-toggle" aria-label={table ? t('charts.showChartLabel', { title }) : t('charts.showTableLabel', { title })}
        aria-expanded={table}
        aria-controls={`${id}-body`}
        onClick={() => setTable(!table)}>
        {table ? t('charts.showChart') : t('charts.showTable')}
      </button>
      <div id={`${id}-body`} className="rpt-chart-body">
        {table ? (
          <table className="rpt-chart-table" aria-labelledby={`${id}-cap`}>
            <thead>
              <tr>
                {head.map((h, i) => (
                  <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={j} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          children
        )}
      </div>
    </figure>
  )
}

/** Horizontal bars of conversion rates (won ÷ decided) with the counts beside them. */
export function RateBars({ title, rows }: { title: string; rows: { label: string; rate: Rate }[] }) {
  const w = 320
  // Room for the longest label in the user's language ("Weiterempfehlung"), within limits.
  const barX = Math.max(72, Math.min(150, 8 + Math.max(0, ...rows.map((r) => r.label.length)) * 6.6))
  const barW = w - barX - 92
  const h = rows.length * 28 + 8
  const { t } = useTranslation('reports')
  const { pct, num } = useReportFormat()
  return (
    <ChartFigure title={title} head={[title, t('charts.conversion'), t('charts.won'), t('charts.decided')]} rows={rows.map((r) => [r.label, pct(r.rate.conversion), num(r.rate.won), num(r.rate.decided)])}>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={title}>
        {rows.map((r, i) => {
          const y = 6 + i * 28
          const v = r.rate.conversion ?? 0
          return (
            <g key={r.label}>
              <text x={0} y={y + 14} className="rpt-axis">
                {r.label}
              </text>
              <rect x={barX} y={y} width={barW} height={18} rx={3} className="rpt-track" />
              <rect x={barX} y={y} width={Math.max(0, v * barW)} height={18} rx={3} className="rpt-bar" />
              <text x={barX + barW + 6} y={y + 14} className="rpt-value">
                {pct(r.rate.conversion)} <tspan className="rpt-axis">{t('charts.rateCounts', { won: num(r.rate.won), decided: num(r.rate.decided) })}</tspan>
              </text>
            </g>
          )
        })}
      </svg>
    </ChartFigure>
  )
}

/** Closed value per month (by introduction month) in one currency, as vertical bars (major units). */
export function MonthlyValue({ months: byMonth, currency }: { months: NetworkFigures['byMonth']; currency: string }) {
  const w = 640
  const h = 192
  const left = 44
  // Two lines under the bars: the month's short name, and the year under January and the first month.
  const bottom = 34
  const shortMonths = useFormat().monthNames(false)
  const months = byMonth.map((m) => ({ month: m.month, won: m.won, minor: amountIn(m.closedValue, currency), closedValue: amountIn(m.closedValue, currency) / 100 }))
  const max = Math.max(1, ...months.map((m) => m.closedValue))
  const slot = months.length > 0 ? (w - left) / months.length : 0
  const { t } = useTranslation('reports')
  const { money, month, compact, num } = useReportFormat()
  const title = t('charts.monthlyTitle', { currency })
  if (months.length === 0)
    return (
      <figure className="rpt-chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('charts.noIntroductions')}</p>
      </figure>
    )
  return (
    <ChartFigure
      title={title}
      head={[t('charts.month'), t('charts.closedValueIn', { currency }), t('charts.won')]}
      rows={months.map((m) => [month(m.month), money(m.minor, currency), num(m.won)])}
    >
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={title}>
        {[0, 0.5, 1].map((f) => {
          const y = (h - bottom) * (1 - f) + 4 * f
          return (
            <g key={f}>
              <line x1={left} x2={w} y1={y} y2={y} className="rpt-grid" />
              <text x={left - 6} y={y + 4} textAnchor="end" className="rpt-axis">
                {compact(max * f)}
              </text>
            </g>
          )
        })}
        {months.map((m, i) => {
          const bh = ((h - bottom - 4) * m.closedValue) / max
          const x = left + i * slot + slot * 0.15
          return (
            <g key={m.month}>
              <rect x={x} y={h - bottom - bh} width={slot * 0.7} height={bh} rx={2} className="rpt-bar">
                <title>{t('charts.monthBar', { month: month(m.month), value: money(m.minor, currency), won: num(m.won) })}</title>
              </rect>
              {(months.length <= 12 || i % Math.ceil(months.length / 12) === 0) && (
                <text x={x + slot * 0.35} y={h - bottom + 14} textAnchor="middle" className="rpt-axis">
                  <tspan x={x + slot * 0.35}>{shortMonths[Number(m.month.slice(5, 7)) - 1] ?? m.month}</tspan>
                  {(i === 0 || m.month.slice(5, 7) === '01') && (
                    <tspan x={x + slot * 0.35} dy="1.2em">
                      {m.month.slice(0, 4)}
                    </tspan>
                  )}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </ChartFigure>
  )
}

/** Given vs received per partner (the busiest ones), paired bars. */
export function GivenReceived({ cards }: { cards: readonly Scorecard[] }) {
  const top = [...cards].sort((a, b) => b.received + b.given - (a.received + a.given) || a.name.localeCompare(b.name)).slice(0, 10)
  const w = 330
  const nameW = 100
  const rowH = 24
  const h = top.length * rowH + 24
  const max = Math.max(1, ...top.map((c) => Math.max(c.received, c.given)))
  const half = (w - nameW - 16) / 2
  const mid = nameW + half + 8
  const { t } = useTranslation('reports')
  const { num } = useReportFormat()
  const title = t('charts.givenReceivedTitle')
  if (top.length === 0)
    return (
      <figure className="rpt-chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('charts.noIntroductions')}</p>
      </figure>
    )
  return (
    <ChartFigure
      title={title}
      head={[t('charts.partner'), t('charts.givenByYou'), t('charts.receivedFromThem')]}
      rows={top.map((c) => [c.name, num(c.given), num(c.received)])}
    >
        <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={t('charts.givenReceivedLabel')}>
          <text x={mid - 6} y={12} textAnchor="end" className="rpt-axis">
            {t('charts.givenArrow')}
          </text>
          <text x={mid + 6} y={12} className="rpt-axis">
            {t('charts.receivedArrow')}
          </text>
          {top.map((c, i) => {
            const y = 20 + i * rowH
            const gw = (c.given / max) * (half - 24)
            const rw = (c.received / max) * (half - 24)
            return (
              <g key={c.personId}>
                <text x={0} y={y + 14} className="rpt-axis">
                  {c.name.length > 15 ? `${c.name.slice(0, 14)}…` : c.name}
                </text>
                <rect x={mid - 2 - gw} y={y + 2} width={gw} height={16} rx={2} className="rpt-bar-alt" />
                <rect x={mid + 2} y={y + 2} width={rw} height={16} rx={2} className="rpt-bar" />
                <text x={mid - 6 - gw} y={y + 14} textAnchor="end" className="rpt-value">
                  {num(c.given)}
                </text>
                <text x={mid + 6 + rw} y={y + 14} className="rpt-value">
                  {num(c.received)}
                </text>
              </g>
            )
          })}
          <line x1={mid} x2={mid} y1={16} y2={h} className="rpt-grid" />
        </svg>
    </ChartFigure>
  )
}

/** A quality score with its 95% band drawn as a small range bar. */
export function QualityBand({ s }: { s: Pick<Scorecard, 'quality' | 'qualityLow' | 'qualityHigh' | 'decided'> }) {
  const { t } = useTranslation('reports')
  const { pct, num } = useReportFormat()
  if (s.quality === null || s.qualityLow === null || s.qualityHigh === null) return <span className="muted">{t('quality.none')}</span>
  const w = 60
  return (
    <span className="rpt-quality" title={t('quality.band', { low: pct(s.qualityLow), high: pct(s.qualityHigh), decided: num(s.decided) })}>
      <strong>{pct(s.quality)}</strong>
      <svg viewBox={`0 0 ${w} 10`} width={w} height={10} aria-hidden="true">
        <rect x={0} y={4} width={w} height={2} className="rpt-track" />
        <rect x={s.qualityLow * w} y={2} width={Math.max(1, (s.qualityHigh - s.qualityLow) * w)} height={6} rx={2} className="rpt-band" />
        <rect x={s.quality * w - 1} y={0} width={2} height={10} className="rpt-mark" />
      </svg>
      <span className="muted rpt-small">
        {t('quality.range', { low: pct(s.qualityLow), high: pct(s.qualityHigh), decided: num(s.decided) })}
      </span>
    </span>
  )
}

/** "lapsing", with why on hover. */
export function LapsingBadge({ reason }: { reason: Scorecard['lapsingReason'] }) {
  const { t } = useTranslation('reports')
  const why = (reason ?? 'silence') === 'silence' ? t('lapsing.silence', { days: LAPSE.minDays, factor: LAPSE.factor }) : t('lapsing.drop', { days: LAPSE.windowDays })
  return (
    <Badge tone="warning" title={why}>
      {t('lapsing.badge')}
    </Badge>
  )
}
