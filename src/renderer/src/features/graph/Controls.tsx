import { useState, type RefObject } from 'react'
import type { GraphFilters } from '../../../../shared/channels/graph'
import { INTRO_KINDS, INTRO_ORIGINS, INTRO_STATUSES } from '../../../../shared/schemas'
import { DIVERGING, SCORE_SPREAD, EDGE_ALL, EDGE_NONE, ME_COLOUR, PROSPECT_COLOUR, UNDECIDED } from '../../../../core/graph/colors'
import { LAYOUTS, type LayoutKind } from '../../../../core/graph/layout'
import { searchNodes, type GraphModel, type SizeBy } from '../../../../core/graph/model'
import type { Group } from '../../../../shared/types'
import { Button } from '../../ui/Button'
import { useFormat, useTranslation } from '../../ui/i18n'

const STATUS_KEYS = ['open', 'decided', ...INTRO_STATUSES] as const

export type Filters = Omit<GraphFilters, 'prospects'>

export function FilterBar({
  filters,
  onChange,
  groups,
  tags,
  onReset,
}: {
  filters: Filters
  onChange: (f: Filters) => void
  groups: Group[]
  tags: { tag: string; count: number }[]
  onReset: () => void
}) {
  const set = <K extends keyof Filters>(k: K, v: Filters[K] | '') => {
    const next = { ...filters }
    if (v === '' || v === undefined) delete next[k]
    else next[k] = v as Filters[K]
    onChange(next)
  }
  const { t } = useTranslation(['graph', 'common'])
  return (
    <fieldset className="graph-filters">
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <label>
        {t('filters.from')}
        <input type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        {t('filters.to')}
        <input type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label>
        {t('filters.group')}
        <select value={filters.groupId ?? ''} onChange={(e) => set('groupId', e.target.value)}>
          <option value="">{t('filters.allGroups')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.tag')}
        <select value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
          <option value="">{t('filters.allTags')}</option>
          {tags.map((x) => (
            <option key={x.tag} value={x.tag}>
              {x.tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.kind')}
        <select value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value as Filters['kind'])}>
          <option value="">{t('filters.allKinds')}</option>
          {INTRO_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`common:kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.origin')}
        <select value={filters.origin ?? ''} onChange={(e) => set('origin', e.target.value as Filters['origin'])}>
          <option value="">{t('filters.bothOrigins')}</option>
          {INTRO_ORIGINS.map((k) => (
            <option key={k} value={k}>
              {t(`common:origin.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.status')}
        <select value={filters.status ?? ''} onChange={(e) => set('status', e.target.value as Filters['status'])}>
          <option value="">{t('filters.anyStatus')}</option>
          {STATUS_KEYS.map((k) => (
            <option key={k} value={k}>
              {k === 'open' || k === 'decided' ? t(`statusGroups.${k}`) : t(`common:status.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <Button small onClick={onReset}>
        {t('filters.reset')}
      </Button>
    </fieldset>
  )
}

export function HighlightControl({
  on,
  threshold,
  onChange,
  count,
}: {
  on: boolean
  threshold: number
  onChange: (on: boolean, threshold: number) => void
  count: number
}) {
  const { t } = useTranslation(['graph', 'common'])
  const fmt = useFormat()
  return (
    <div className="graph-highlight" role="group" aria-label={t('highlight.group')}>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked, threshold)} /> {t('highlight.label')}
      </label>
      <label>
        <span className="visually-hidden">{t('highlight.threshold')}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(threshold * 100)}
          aria-label={t('highlight.threshold')}
          aria-valuetext={fmt.percent(threshold)}
          onChange={(e) => onChange(true, Number(e.target.value) / 100)}
        />
        <output>{t('highlight.atLeast', { pct: fmt.percent(threshold) })}</output>
      </label>
      {on && <span className="graph-muted">{t('highlight.partners', { count })}</span>}
    </div>
  )
}

export function ViewControls({
  sizeBy,
  onSizeBy,
  prospects,
  onProspects,
  layout,
  onLayout,
  onRelayout,
  busy,
}: {
  sizeBy: SizeBy
  onSizeBy: (s: SizeBy) => void
  prospects: boolean
  onProspects: (b: boolean) => void
  layout: LayoutKind
  onLayout: (k: LayoutKind) => void
  onRelayout: () => void
  busy: boolean
}) {
  const { t } = useTranslation(['graph', 'common'])
  return (
    <div className="graph-view-controls">
      <label>
        {t('view.sizeBy')}
        <select value={sizeBy} onChange={(e) => onSizeBy(e.target.value as SizeBy)}>
          <option value="value">{t('view.sizeValue')}</option>
          <option value="count">{t('view.sizeCount')}</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={prospects} onChange={(e) => onProspects(e.target.checked)} /> {t('view.prospects')}
      </label>
      <label>
        {t('layout.label')}
        <select value={layout} onChange={(e) => onLayout(e.target.value as LayoutKind)}>
          {LAYOUTS.map((l) => (
            <option key={l.kind} value={l.kind}>
              {t(`layout.kinds.${l.kind}`)}
            </option>
          ))}
        </select>
      </label>
      <Button small onClick={onRelayout} disabled={busy}>
        {t('layout.again')}
      </Button>
    </div>
  )
}

export function SearchBox({
  model,
  inputRef,
  onPick,
}: {
  model: GraphModel
  inputRef: RefObject<HTMLInputElement | null>
  onPick: (id: string) => void
}) {
  const { t } = useTranslation(['graph', 'common'])
  const [q, setQ] = useState('')
  const hits = searchNodes(model, q)
  const pick = (id: string) => {
    onPick(id)
    setQ('')
  }
  return (
    <div className="graph-search">
      <input
        ref={inputRef}
        type="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) pick(hits[0].id)
          if (e.key === 'Escape') setQ('')
        }}
      />
      {q.trim() !== '' && (
        <ul className="graph-search-hits" role="listbox" aria-label={t('search.matches')}>
          {hits.length === 0 && <li className="graph-muted">{t('search.none')}</li>}
          {hits.map((h) => (
            <li key={h.id} role="option" aria-selected={false} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(h.id)}>
              {h.label}
              {h.company ? <span className="graph-muted"> · {h.company}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function Legend({ model, sizeBy, prospects }: { model: GraphModel; sizeBy: SizeBy; prospects: boolean }) {
  const { t } = useTranslation(['graph', 'common'])
  const fmt = useFormat()
  const pct = (v: number) => fmt.percent(v)
  const gradient = `linear-gradient(to right, ${DIVERGING.join(', ')})`
  return (
    <aside className="graph-legend" aria-label={t('legend.label')}>
      <div className="graph-legend-title">{t('legend.title')}</div>
      <div className="graph-legend-scale" style={{ background: gradient }} />
      <div className="graph-legend-ends">
        <span>{t('legend.atMost', { pct: pct(Math.max(0, model.mean - SCORE_SPREAD)) })}</span>
        <span>{t('legend.average', { pct: pct(model.mean) })}</span>
        <span>{t('legend.atLeast', { pct: pct(Math.min(1, model.mean + SCORE_SPREAD)) })}</span>
      </div>
      <div className="graph-legend-row">
        <span className="dot" style={{ background: UNDECIDED }} /> {t('legend.undecided')}
      </div>
      <div className="graph-legend-row">
        <span className="dot me" style={{ background: ME_COLOUR }} /> {t('legend.you')}
        {prospects && (
          <>
            <span className="dot small" style={{ background: PROSPECT_COLOUR }} /> {t('legend.prospect')}
          </>
        )}
      </div>
      <div className="graph-legend-row">
        <span className="dot small" style={{ background: UNDECIDED }} />
        <span className="dot large" style={{ background: UNDECIDED }} /> {sizeBy === 'value' ? t('legend.sizeValue', { currency: model.currency }) : t('legend.sizeCount')}
      </div>
      {model.nodes.some((n) => n.isolated) && (
        <div className="graph-legend-row">
          <span className="dot isolated" style={{ background: UNDECIDED }} /> {t('legend.isolated')}
        </div>
      )}
      <div className="graph-legend-row">
        <span className="line thin" /> <span className="line thick" /> {t('legend.lineWidth')}
      </div>
      <div className="graph-legend-row">
        <span className="line" style={{ background: EDGE_NONE }} /> {t('legend.none')} … <span className="line" style={{ background: EDGE_ALL }} /> {t('legend.allConverted')}
      </div>
    </aside>
  )
}
