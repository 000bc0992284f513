import { useState, type RefObject } from 'react'
import type { GraphFilters } from '../../../../shared/channels/graph'
import { INTRO_KINDS, INTRO_ORIGINS, INTRO_STATUSES } from '../../../../shared/schemas'
import { DIVERGING, SCORE_SPREAD, EDGE_ALL, EDGE_NONE, ME_COLOUR, PROSPECT_COLOUR, UNDECIDED } from '../../../../core/graph/colors'
import { LAYOUTS, type LayoutKind } from '../../../../core/graph/layout'
import { searchNodes, type GraphModel, type SizeBy } from '../../../../core/graph/model'
import type { Group } from '../../../../shared/types'
import { Button } from '../../ui/Button'
import { STATUS_LABELS } from '../../../../shared/schemas'

const pct = (v: number) => `${Math.round(v * 100)}%`
const STATUS_LABEL: Record<string, string> = { open: 'Open', decided: 'Decided', ...STATUS_LABELS }
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

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
  return (
    <fieldset className="graph-filters">
      <legend className="visually-hidden">Filters</legend>
      <label>
        From
        <input type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label>
        Group
        <select value={filters.groupId ?? ''} onChange={(e) => set('groupId', e.target.value)}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <select value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value as Filters['kind'])}>
          <option value="">All kinds</option>
          {INTRO_KINDS.map((k) => (
            <option key={k} value={k}>
              {cap(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Origin
        <select value={filters.origin ?? ''} onChange={(e) => set('origin', e.target.value as Filters['origin'])}>
          <option value="">Both</option>
          {INTRO_ORIGINS.map((k) => (
            <option key={k} value={k}>
              {cap(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status ?? ''} onChange={(e) => set('status', e.target.value as Filters['status'])}>
          <option value="">Any status</option>
          {['open', 'decided', ...INTRO_STATUSES].map((k) => (
            <option key={k} value={k}>
              {STATUS_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <Button small onClick={onReset}>
        Reset
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
  return (
    <div className="graph-highlight" role="group" aria-label="Highlight converters">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked, threshold)} /> Highlight converters
      </label>
      <label>
        <span className="visually-hidden">Quality threshold</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(threshold * 100)}
          aria-label="Quality threshold"
          aria-valuetext={`${Math.round(threshold * 100)}%`}
          onChange={(e) => onChange(true, Number(e.target.value) / 100)}
        />
        <output>≥ {pct(threshold)}</output>
      </label>
      {on && <span className="graph-muted">{count === 1 ? '1 partner' : `${count} partners`}</span>}
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
  return (
    <div className="graph-view-controls">
      <label>
        Size by
        <select value={sizeBy} onChange={(e) => onSizeBy(e.target.value as SizeBy)}>
          <option value="value">Won value</option>
          <option value="count">Introductions made</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={prospects} onChange={(e) => onProspects(e.target.checked)} /> Show prospects
      </label>
      <label>
        Layout
        <select value={layout} onChange={(e) => onLayout(e.target.value as LayoutKind)}>
          {LAYOUTS.map((l) => (
            <option key={l.kind} value={l.kind}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <Button small onClick={onRelayout} disabled={busy}>
        Lay out again
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
        placeholder="Find a person (Ctrl+F)"
        aria-label="Find a person"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) pick(hits[0].id)
          if (e.key === 'Escape') setQ('')
        }}
      />
      {q.trim() !== '' && (
        <ul className="graph-search-hits" role="listbox" aria-label="Matches">
          {hits.length === 0 && <li className="graph-muted">No one on the map matches.</li>}
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
  const gradient = `linear-gradient(to right, ${DIVERGING.join(', ')})`
  return (
    <aside className="graph-legend" aria-label="Legend">
      <div className="graph-legend-title">Node colour: quality of their introductions to you</div>
      <div className="graph-legend-scale" style={{ background: gradient }} />
      <div className="graph-legend-ends">
        <span>≤ {pct(Math.max(0, model.mean - SCORE_SPREAD))}</span>
        <span>network average {pct(model.mean)}</span>
        <span>≥ {pct(Math.min(1, model.mean + SCORE_SPREAD))}</span>
      </div>
      <div className="graph-legend-row">
        <span className="dot" style={{ background: UNDECIDED }} /> nothing decided yet
      </div>
      <div className="graph-legend-row">
        <span className="dot me" style={{ background: ME_COLOUR }} /> you
        {prospects && (
          <>
            <span className="dot small" style={{ background: PROSPECT_COLOUR }} /> prospect
          </>
        )}
      </div>
      <div className="graph-legend-row">
        <span className="dot small" style={{ background: UNDECIDED }} />
        <span className="dot large" style={{ background: UNDECIDED }} /> size: {sizeBy === 'value' ? `won value of introductions made, in ${model.currency} only` : 'introductions made'}
      </div>
      {model.nodes.some((n) => n.isolated) && (
        <div className="graph-legend-row">
          <span className="dot isolated" style={{ background: UNDECIDED }} /> faint: no introductions yet
        </div>
      )}
      <div className="graph-legend-row">
        <span className="line thin" /> <span className="line thick" /> line width: introductions sent that way
      </div>
      <div className="graph-legend-row">
        <span className="line" style={{ background: EDGE_NONE }} /> none … <span className="line" style={{ background: EDGE_ALL }} /> all converted
      </div>
    </aside>
  )
}
