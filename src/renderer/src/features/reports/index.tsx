import { ChapterReport } from '../sync'
import { useState } from 'react'
import type { NetworkFigures, PeriodInput, PeriodPreset, Scorecard, TopItem } from '../../../../shared/channels/analytics'
import type { ScreenProps } from '../../ui/nav'
import { Button, Card, Select, TextField, call, downloadText, fieldError, useApi, useMessage, useToast, useTranslation } from '../../ui'
import { GivenReceived, MonthlyValue, RateBars } from './Charts'
import { Leaderboard } from './Leaderboard'
import { useReportFormat, type ReportFormat } from './format'
import './reports.css'

export { PartnerScorecard } from './PartnerScorecard'
export { Leaderboard } from './Leaderboard'

const PRESETS: PeriodPreset[] = ['last12', 'quarter', 'year', 'all', 'custom']

type T = ReturnType<typeof useTranslation<'reports'>>['t']

/** The period in words: "All time", "Dec 2025 – Nov 2026" (months in the region's format). */
export function periodText(period: NetworkFigures['period'], t: T, f: ReportFormat): string {
  if (!period.from || !period.to) return t('period.all')
  const from = f.month(period.from.slice(0, 7))
  const to = f.month(period.to.slice(0, 7))
  return from === to ? from : t('period.range', { from, to })
}

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

function TopList({
  title,
  items,
  format,
  detail,
  onOpen,
}: {
  title: string
  items: TopItem[]
  format: (v: number) => string
  /** The line beside the figure, from the partner's scorecard; the backend's (English) words when it is not loaded. */
  detail: (item: TopItem) => string
  onOpen: (id: string) => void
}) {
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
              <strong>{format(t.value)}</strong> <span className="muted rpt-small">{detail(t)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function ReportsScreen({ navigate }: ScreenProps) {
  const toast = useToast()
  const { t } = useTranslation(['reports', 'common'])
  const msg = useMessage()
  const f = useReportFormat()
  const { money, moneyList, num, pct } = f
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
  const byId = new Map((cards.data?.items ?? []).map((s) => [s.personId, s]))
  const withCard = (fn: (s: Scorecard) => string) => (item: TopItem) => {
    const s = byId.get(item.personId)
    return s ? fn(s) : item.detail
  }
  const periodLabel = n ? periodText(n.period, t, f) : t('period.thisPeriod')

  async function exportCsv() {
    setExporting(true)
    try {
      const r = await call('analytics:exportCsv', filter)
      downloadText(r.filename, r.csv, 'text/csv')
      toast.success(t('exported', { file: r.filename }))
    } catch (e) {
      toast.error(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="rpt">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <Button onClick={() => void exportCsv()} busy={exporting} disabled={!customReady}>
          {t('exportCsv')}
        </Button>
      </div>
      <div className="toolbar">
        <Select
          label={t('period.label')}
          value={preset}
          onChange={(e) => setPreset(e.target.value as PeriodPreset)}
          options={PRESETS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
        />
        {preset === 'custom' && (
          <>
            <TextField label={t('period.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={msg(fieldError(periodError, 'period.from'))} />
            <TextField label={t('period.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={msg(fieldError(periodError, 'period.to'))} />
          </>
        )}
        <Select
          label={t('group')}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          options={[{ value: '', label: t('allGroups') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          label={t('tag')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          options={[{ value: '', label: t('allTags') }, ...(tags.data ?? []).map((x) => ({ value: x.tag, label: t('tagCount', { tag: x.tag, n: num(x.count) }) }))]}
        />
        {n && <span className="muted rpt-period">{periodLabel}</span>}
      </div>
      {periodError && !fieldError(periodError, 'period.from') && !fieldError(periodError, 'period.to') && (
        <p role="alert" className="rpt-error">
          {msg(periodError.message)}
        </p>
      )}
      {!customReady && <p className="muted">{t('period.choose')}</p>}
      <ChapterReport from={n?.period.from ?? null} to={n?.period.to ?? null} currency={cur} />

      {n && (
        <>
          <section className="rpt-figures" aria-label={t('figures.label')}>
            <Figure label={t('figures.introductions')} value={num(n.introductions)} sub={t('figures.introductionsSub', { received: num(n.received), given: num(n.given) })} />
            <Figure label={t('figures.conversion')} value={pct(n.conversion)} sub={t('figures.conversionSub', { won: num(n.won), decided: num(n.decided) })} />
            <Figure
              label={t('figures.closedValue')}
              value={n.closedValue.length ? n.closedValue.map((m) => money(m.minor, m.currency)) : money(0, cur)}
              sub={n.closedValue.length > 1 ? t('figures.closedValueSubCurrencies', { count: n.won }) : t('figures.closedValueSub', { count: n.won })}
            />
            <Figure
              label={t('figures.medianClose')}
              value={n.medianDaysToWon === null ? '—' : t('figures.days', { count: n.medianDaysToWon, days: num(n.medianDaysToWon, 1) })}
              sub={n.avgDaysToWon === null ? undefined : t('figures.averageDays', { count: Math.round(n.avgDaysToWon), days: num(n.avgDaysToWon) })}
            />
            <Figure
              label={t('figures.inOut')}
              value={t('figures.inOutValue', { inbound: pct(n.byOrigin.inbound.conversion), outbound: pct(n.byOrigin.outbound.conversion) })}
              sub={t('figures.inOutSub')}
            />
            <Figure
              label={t('figures.byKind')}
              value={t('figures.byKindValue', {
                referral: pct(n.byKind.referral.conversion),
                introduction: pct(n.byKind.introduction.conversion),
                lead: pct(n.byKind.lead.conversion),
              })}
              sub={t('figures.byKindSub')}
            />
            <Figure label={t('figures.given')} value={num(n.given)} sub={t('figures.givenSub', { conversion: pct(n.givenConversion), value: moneyList(n.givenValue, cur) })} />
            <Figure label={t('figures.prior')} value={pct(n.prior.mean)} sub={t('figures.priorSub', { weight: num(n.prior.weight) })} />
          </section>

          <div className="rpt-charts">
            <Card title={t('charts.conversion')}>
              <RateBars
                title={t('charts.byKind')}
                rows={[
                  { label: t('common:kind.referral'), rate: n.byKind.referral },
                  { label: t('common:kind.introduction'), rate: n.byKind.introduction },
                  { label: t('common:kind.lead'), rate: n.byKind.lead },
                ]}
              />
              <RateBars
                title={t('charts.byOrigin')}
                rows={[
                  { label: t('common:origin.inbound'), rate: n.byOrigin.inbound },
                  { label: t('common:origin.outbound'), rate: n.byOrigin.outbound },
                ]}
              />
            </Card>
            <Card title={t('charts.closedValue')} className="rpt-wide">
              {n.currencies.map((c) => (
                <MonthlyValue key={c} months={n.byMonth} currency={c} />
              ))}
            </Card>
            <Card title={t('charts.reciprocity')}>
              <GivenReceived cards={cards.data?.items ?? []} />
            </Card>
            <Card title={t('charts.topPartners')} className="rpt-tops">
              <div className="rpt-tops-body">
                <TopList
                  title={t('charts.byQuality')}
                  items={n.topByQuality}
                  format={pct}
                  detail={withCard((s) => t('top.wonOfDecided', { won: num(s.won), decided: num(s.decided) }))}
                  onOpen={open}
                />
                <TopList
                  title={t('charts.byValue', { currency: cur })}
                  items={n.topByValue}
                  format={(v) => money(v, cur)}
                  detail={withCard((s) => {
                    const other = s.closedValue.filter((m) => m.currency !== cur)
                    return other.length ? t('top.wonAlso', { won: num(s.won), other: moneyList(other, cur) }) : t('top.won', { won: num(s.won) })
                  })}
                  onOpen={open}
                />
                <TopList
                  title={t('charts.byGap')}
                  items={n.topByReciprocityGap}
                  format={(v) => num(v)}
                  detail={withCard((s) =>
                    t(s.balance > 0 ? 'top.receivedGave' : 'top.gaveReceived', { received: num(s.received), given: num(s.given) }),
                  )}
                  onOpen={open}
                />
              </div>
            </Card>
          </div>
        </>
      )}

      <Card title={cards.data ? t('leaderboard.titleCount', { count: cards.data.total }) : t('leaderboard.title')}>
        <Leaderboard
          cards={cards.data?.items ?? []}
          currency={cur}
          loading={cards.isLoading}
          onOpen={open}
          periodLabel={periodLabel}
        />
        {cards.data && cards.data.total > cards.data.items.length && (
          <p className="muted rpt-small">{t('leaderboard.showing', { shown: num(cards.data.items.length), total: num(cards.data.total) })}</p>
        )}
      </Card>
    </div>
  )
}
