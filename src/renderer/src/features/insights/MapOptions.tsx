import { useEffect, useMemo, useState } from 'react'
import type { GraphModel } from '../../../../core/graph/model'
import { OTHER_COMMUNITY_COLOUR } from '../../../../core/insights/communities'
import { addDays, addMonths } from '../../../../core/dates'
import type { CommunitiesResult } from '../../../../shared/channels/insights'
import { useApi } from '../../ui/api'
import { useFormat, useMessage, useTranslation } from '../../ui/i18n'
import { PathList } from './Introducers'
import './insights.css'

/** The map's side panel: the best three ways to reach the selected person. */
export function WhoCanIntroduce({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation('insights')
  const msg = useMessage()
  const r = useApi('insights:introducers', { targetId: personId, limit: 3 })
  return (
    <section className="ins-panel" aria-label={t('map.whoCanIntroduce')}>
      <h3>{t('map.whoCanIntroduce')}</h3>
      {r.isLoading && <p className="graph-muted">{t('map.finding')}</p>}
      {r.error && <p className="graph-muted">{msg(r.error.message)}</p>}
      {r.data && <PathList result={r.data} targetLabel={name} compact />}
    </section>
  )
}

export type ColourBy = 'quality' | 'community'

export function ColourByControl({ value, onChange }: { value: ColourBy; onChange: (v: ColourBy) => void }) {
  const { t } = useTranslation('insights')
  return (
    <label>
      {t('map.colourBy')}
      <select value={value} onChange={(e) => onChange(e.target.value as ColourBy)}>
        <option value="quality">{t('map.quality')}</option>
        <option value="community">{t('map.community')}</option>
      </select>
    </label>
  )
}

/** The model with each person coloured by their community (you keep your colour; people in none are grey). */
export function colourByCommunity(model: GraphModel, communities: CommunitiesResult): GraphModel {
  const colour = new Map<string, string>()
  for (const c of communities.communities) for (const id of c.memberIds) colour.set(id, c.colour)
  return { ...model, nodes: model.nodes.map((n) => (n.isMe ? n : { ...n, colour: colour.get(n.id) ?? OTHER_COMMUNITY_COLOUR })) }
}

export function CommunityLegend({ communities }: { communities: CommunitiesResult }) {
  const { t } = useTranslation('insights')
  const shown = communities.communities.slice(0, 7)
  return (
    <aside className="graph-legend" aria-label={t('map.communityLegend')}>
      <div className="graph-legend-title">{t('map.communityTitle')}</div>
      {shown.map((c) => (
        <div className="graph-legend-row" key={c.rank}>
          <span className="dot" style={{ background: c.colour }} /> {t('map.communityRow', { name: c.name, count: c.size })}
        </div>
      ))}
      {communities.communities.length > shown.length && (
        <div className="graph-legend-row">
          <span className="dot" style={{ background: shown.length ? '#7f7f7f' : OTHER_COMMUNITY_COLOUR }} /> {t('map.smaller', { count: communities.communities.length - shown.length })}
        </div>
      )}
      <div className="graph-legend-row">
        <span className="dot" style={{ background: OTHER_COMMUNITY_COLOUR }} /> {t('map.noCommunity')}
      </div>
    </aside>
  )
}

/** Month ends from the first introduction's month to today's. */
export function monthSteps(first: string, today: string): string[] {
  const out: string[] = []
  let d = `${first.slice(0, 7)}-01`
  while (d <= today && out.length < 600) {
    const next = addMonths(d, 1)
    const monthLast = addDays(next, -1)
    out.push(monthLast > today ? today : monthLast)
    d = next
  }
  return out
}

/**
 * Time on the map: a slider over month ends (introductions up to that date, with
 * their status as it was then) and a play button that steps forward.
 */
export function TimeSlider({ asOf, onChange }: { asOf: string | null; onChange: (d: string | null) => void }) {
  const { t } = useTranslation('insights')
  const fmt = useFormat()
  const info = useApi('app:info', {})
  const first = useApi('introductions:list', { sort: 'date', dir: 'asc', offset: 0, limit: 1 })
  const today = info.data?.today ?? null
  const firstDate = first.data?.items[0]?.date ?? null
  const steps = useMemo(() => (today && firstDate ? monthSteps(firstDate, today) : []), [today, firstDate])
  const [playing, setPlaying] = useState(false)
  const index = asOf === null ? steps.length - 1 : Math.max(0, steps.findIndex((s) => s >= asOf))
  useEffect(() => {
    if (!playing) return
    const t = setTimeout(() => {
      if (index >= steps.length - 1) {
        setPlaying(false)
        onChange(null)
      } else onChange(steps[index + 1]!)
    }, 900)
    return () => clearTimeout(t)
  }, [playing, index, steps, onChange])
  if (steps.length < 2) return null
  // Every step but the last is a month's end: it reads as that month, named by Intl in the user's region.
  const shownAs = asOf === null ? t('time.today') : t('time.asOf', { month: fmt.month(asOf.slice(0, 7), true) })
  return (
    <div className="graph-time" role="group" aria-label={t('time.group')}>
      <button
        type="button"
        className="btn btn-small"
        aria-label={playing ? t('time.pause') : t('time.play')}
        onClick={() => {
          if (!playing && index >= steps.length - 1) onChange(steps[0]!)
          setPlaying(!playing)
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        min={0}
        max={steps.length - 1}
        value={index}
        aria-label={t('time.slider')}
        aria-valuetext={shownAs}
        onChange={(e) => {
          setPlaying(false)
          const i = Number(e.target.value)
          onChange(i >= steps.length - 1 ? null : steps[i]!)
        }}
      />
      <output>{shownAs}</output>
    </div>
  )
}
