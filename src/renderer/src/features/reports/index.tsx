import { ChapterReport } from '../sync'
import { useState } from 'react'
import type { PeriodInput, PeriodPreset, TopItem } from '../../../../shared/channels/analytics'
import type { ScreenProps } from '../../ui/nav'
import { Button, Card, Select, TextField, call, downloadText, fieldError, useApi, useToast } from '../../ui'
import { GivenReceived, MonthlyValue, RateBars } from './Charts'
import { Leaderboard } from './Leaderboard'
import { money, moneyList, num, pct } from './format'
import './reports.css'

export { PartnerScorecard } from './PartnerScorecard'
export { Leaderboard } from './Leaderboard'

const PRESETS: { value: PeriodPreset; label: string }[] = [
  { value: 'last12', label: 'Last 12 months' },
  { value: 'quarter', label: 'This quarter' },
  { value: 'year', label: 'This year' },
  { value: 'all', label: 'All time' },
  { value: 'custom', label: 'Custom range' },
]

/** A figure; a list of values (money in several currencies) shows one per line. */
function Figure({ label, value, sub }: { label: string; value: string | string[]; sub?: string }) {
  const lines = typeof value === 'string' ? [value] : value
  return (
    <div className="rpt-figure" role="group" aria-label={label}>
      <div className="rpt-figure-label">{label}</div>
      <div className="rpt-figure-value">
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </div>
      {sub && <div className="rpt-figure-sub">{sub}</div>}
    </div>
  )
}

function TopList({ title, items, format, onOpen }: { title: string; items: TopItem[]; format: (v: number) => string; onOpen: (id: string) => void }) {
  return (
    <div className="rpt-top">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ol>
          {items.map((t) => (
            <li key={t.personId}>
              <button type="button" className="rpt-link" onClick={() => onOpen(t.personId)}>
                {t.name}
              </button>{' '}
              <strong>{format(t.value)}</strong> <span className="muted rpt-small">{t.detail}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function ReportsScreen({ navigate }: ScreenProps) {
  const toast = useToast()
  const [preset, setPreset] = useState<PeriodPreset>('last12')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [groupId, setGroupId] = useState('')
  const [tag, setTag] = useState('')
  const [exporting, setExporting] = useState(false)

  const customReady = preset !== 'custom' || (from !== '' && to !== '')
  const period: PeriodInput = preset === 'custom' ? { preset, from, to } : { preset }
  const filter = { period, ...(groupId ? { groupId } : {}), ...(tag ? { tag } : {}) }
  const groups = useApi('groups:list')
  const tags = useApi('people:tags')
  const network = useApi('analytics:network', filter, { enabled: customReady })
  const cards = useApi('analytics:scorecards', { ...filter, limit: 1000 }, { enabled: customReady })
  const n = network.data
  const cur = n?.currency ?? cards.data?.currency ?? ''
  const open = (personId: string) => navigate({ route: 'people', personId })
  const periodError = network.error ?? cards.error

  async function exportCsv() {
    setExporting(true)
    try {
      const r = await call('analytics:exportCsv', filter)
      downloadText(r.filename, r.csv, 'text/csv')
      toast.success(`Exported ${r.filename}`)
    } catch (e) {
      toast.error(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="rpt">
      <div className="page-header">
        <h1>Reports</h1>
        <Button onClick={() => void exportCsv()} busy={exporting} disabled={!customReady}>
          Export CSV
        </Button>
      </div>
      <div className="toolbar">
        <Select label="Period" value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)} options={PRESETS} />
        {preset === 'custom' && (
          <>
            <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={fieldError(periodError, 'period.from')} />
            <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={fieldError(periodError, 'period.to')} />
          </>
        )}
        <Select
          label="Group"
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          options={[{ value: '', label: 'All groups' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          label="Tag"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          options={[{ value: '', label: 'All tags' }, ...(tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))]}
        />
        {n && <span className="muted rpt-period">{n.period.label}</span>}
      </div>
      {periodError && !fieldError(periodError, 'period.from') && !fieldError(periodError, 'period.to') && (
        <p role="alert" className="rpt-error">
          {periodError.message}
        </p>
      )}
      {!customReady && <p className="muted">Choose a start and an end date.</p>}
      <ChapterReport from={n?.period.from ?? null} to={n?.period.to ?? null} currency={cur} />

      {n && (
        <>
          <section className="rpt-figures" aria-label="Network figures">
            <Figure label="Introductions" value={num(n.introductions)} sub={`${n.received} received · ${n.given} given`} />
            <Figure label="Conversion" value={pct(n.conversion)} sub={`${n.won} won of ${n.decided} decided`} />
            <Figure label="Closed value" value={n.closedValue.length ? n.closedValue.map((m) => money(m.minor, m.currency)) : money(0, cur)} sub={`from ${n.won} won introductions${n.closedValue.length > 1 ? ', per currency (never added)' : ''}`} />
            <Figure label="Median time to close" value={n.medianDaysToWon === null ? '—' : `${num(n.medianDaysToWon, 1)} days`} sub={n.avgDaysToWon === null ? undefined : `average ${num(n.avgDaysToWon)} days`} />
            <Figure label="Inbound vs outbound" value={`${pct(n.byOrigin.inbound.conversion)} / ${pct(n.byOrigin.outbound.conversion)}`} sub="conversion, inbound / outbound" />
            <Figure
              label="Referral · introduction · lead"
              value={`${pct(n.byKind.referral.conversion)} · ${pct(n.byKind.introduction.conversion)} · ${pct(n.byKind.lead.conversion)}`}
              sub="conversion by kind"
            />
            <Figure label="Given by you" value={`${n.given}`} sub={`${pct(n.givenConversion)} converted · ${moneyList(n.givenValue, cur)}`} />
            <Figure label="Quality prior" value={pct(n.prior.mean)} sub={`network average, weight ${n.prior.weight} decided`} />
          </section>

          <div className="rpt-charts">
            <Card title="Conversion">
              <RateBars
                title="By kind"
                rows={[
                  { label: 'Referral', rate: n.byKind.referral },
                  { label: 'Introduction', rate: n.byKind.introduction },
                  { label: 'Lead', rate: n.byKind.lead },
                ]}
              />
              <RateBars
                title="By origin"
                rows={[
                  { label: 'Inbound', rate: n.byOrigin.inbound },
                  { label: 'Outbound', rate: n.byOrigin.outbound },
                ]}
              />
            </Card>
            <Card title="Closed value" className="rpt-wide">
              {n.currencies.map((c) => (
                <MonthlyValue key={c} months={n.byMonth} currency={c} />
              ))}
            </Card>
            <Card title="Reciprocity">
              <GivenReceived cards={cards.data?.items ?? []} />
            </Card>
            <Card title="Top partners" className="rpt-tops">
              <div className="rpt-tops-body">
                <TopList title="By quality" items={n.topByQuality} format={pct} onOpen={open} />
                <TopList title={`By closed value (${cur})`} items={n.topByValue} format={(v) => money(v, cur)} onOpen={open} />
                <TopList title="By reciprocity gap" items={n.topByReciprocityGap} format={(v) => String(v)} onOpen={open} />
              </div>
            </Card>
          </div>
        </>
      )}

      <Card title={`Leaderboard${cards.data ? ` · ${cards.data.total} partners` : ''}`}>
        <Leaderboard
          cards={cards.data?.items ?? []}
          currency={cur}
          loading={cards.isLoading}
          onOpen={open}
          periodLabel={n?.period.label ?? 'this period'}
        />
        {cards.data && cards.data.total > cards.data.items.length && (
          <p className="muted rpt-small">
            Showing the top {cards.data.items.length} by rank of {cards.data.total}; the CSV export has them all.
          </p>
        )}
      </Card>
    </div>
  )
}
