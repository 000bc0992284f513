import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { layoutInput, placeNear, type LayoutKind } from '../../../../core/graph/layout'
import { buildModel, converters, neighbourhood, reduceModel, sizeScale, type GraphModel, type SizeBy } from '../../../../core/graph/model'
import { toSvg } from '../../../../core/graph/svg'
import { ApiError, call, useApi, useApiEarly } from '../../ui/api'
import type { ScreenProps } from '../../ui/nav'
import { useToday } from '../../ui/today'
import { FilterBar, HighlightControl, Legend, SearchBox, ViewControls, type Filters } from './Controls'
import { fadedIds, FULL_VIEW_LIMIT, REDUCED_VIEW_LIMIT, svgInput, type Pos } from './elements'
import { saveExport } from './exportFile'
import { GraphCanvas, type GraphHandle } from './GraphCanvas'
import { layoutInWorker } from './layoutClient'
import { SidePanel } from './SidePanel'
import { ColourByControl, CommunityLegend, TimeSlider, colourByCommunity, type ColourBy } from '../insights/MapOptions'
import './graph.css'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/Dialog'
import { useToast } from '../../ui/Toast'
import { useUndoAction } from '../../ui/history'
import { useApiMutation } from '../../ui/api'
import { isMenuKey, useContextMenu } from '../../ui/ContextMenu'
import { reportProgress } from '../../ui/progress'
import { useFormat, useMessage, useTranslation } from '../../ui/i18n'
import { PersonForm } from '../people/PersonForm'
import { IntroForm, useMe } from '../introductions/IntroForm'
import type { Person } from '../../../../shared/types'
import { nodeMenuItems, type NodeAction } from './nodeMenu'

const EMPTY: GraphModel = { meId: null, nodes: [], edges: [], mean: 0.3, currency: 'EUR', maxMeasure: 0, scale: sizeScale(0) }
const SAVE_CHUNK = 5000
/** The map layout's name on the taskbar progress (see ui/progress.ts). */
const LAYOUT_TASK = 'map-layout'

async function savePositions(list: { id: string; x: number; y: number }[]): Promise<void> {
  for (let i = 0; i < list.length; i += SAVE_CHUNK) await call('graph:savePositions', { positions: list.slice(i, i + SAVE_CHUNK) })
}

/** Whether the map's legend is open: remembered on this computer (open the first time). */
const LEGEND_KEY = 'referral-map.graph.legend'
/**
 * Above this many people the legend starts folded (one "Show legend" button) until the user opens it: keeping a crowded
 * map clear of the full legend shrinks it below readable names.
 */
export const LEGEND_FOLDED_ABOVE = 40

/** The user's own choice (open or closed), or null when they never chose. */
function readLegendChoice(): boolean | null {
  try {
    const v = window.localStorage.getItem(LEGEND_KEY)
    return v === 'closed' ? false : v === 'open' ? true : null
  } catch {
    return null
  }
}
function writeLegendOpen(open: boolean): void {
  try {
    window.localStorage.setItem(LEGEND_KEY, open ? 'open' : 'closed')
  } catch {
    // Storage unavailable: the choice lasts until the screen is left.
  }
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName))

export function NetworkScreen({ navigate }: ScreenProps) {
  const { t } = useTranslation('graph')
  const fmt = useFormat()
  const msg = useMessage()
  const today = useToday()
  // The layout and position callbacks outlive a render: they read the current language through these.
  const tRef = useRef(t)
  tRef.current = t
  const fmtRef = useRef(fmt)
  fmtRef.current = fmt
  const msgRef = useRef(msg)
  msgRef.current = msg
  const [filters, setFilters] = useState<Filters>({})
  const [asOf, setAsOf] = useState<string | null>(null)
  const [colourBy, setColourBy] = useState<ColourBy>('quality')
  const [prospects, setProspects] = useState(false)
  const [sizeBy, setSizeBy] = useState<SizeBy>('value')
  const [hl, setHl] = useState({ on: false, threshold: 0.5 })
  const [focus, setFocus] = useState<{ id: string; steps: number } | null>(null)
  const [steps, setSteps] = useState(1)
  const [selected, setSelected] = useState<string | null>(null)
  const [layoutKind, setLayoutKind] = useState<LayoutKind>('radial')
  const [progress, setProgress] = useState<number | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [positions, setPositions] = useState<ReadonlyMap<string, Pos>>(new Map())
  const [message, setMessage] = useState('')
  const { open: openMenu, menu: nodeMenuElement } = useContextMenu()
  const me = useMe()
  const toast = useToast()
  const undo = useUndoAction()
  const archive = useApiMutation('people:archive')
  const [editing, setEditing] = useState<Person | null>(null)
  const [recordingFrom, setRecordingFrom] = useState<{ id: string; name: string } | null>(null)
  const [archiving, setArchiving] = useState<{ id: string; name: string } | null>(null)
  const known = useRef(new Map<string, Pos>())
  const layoutRunning = useRef(false)
  // Bumped when a layout ends, so people who arrived meanwhile get placed too.
  const [placeTick, setPlaceTick] = useState(0)
  const handle = useRef<GraphHandle | null>(null)
  const searchRef = useRef<HTMLInputElement | null>(null)
  const legendRef = useRef<HTMLDivElement | null>(null)
  const [legendChoice, setLegendChoice] = useState(readLegendChoice)
  /** The corner of the stage the legend and its button take (plus a margin): fits keep people out from under it. */
  const legendCorner = useCallback(() => {
    const slot = legendRef.current
    const stage = slot?.parentElement
    if (!slot || !stage) return null
    const st = stage.getBoundingClientRect()
    let right = 0
    let top = Infinity
    for (const el of Array.from(slot.children)) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      right = Math.max(right, r.right - st.left)
      top = Math.min(top, r.top - st.top)
    }
    return Number.isFinite(top) ? { w: right + 8, h: st.height - top + 8 } : null
  }, [])
  const toggleLegend = () => {
    const open = !legendOpen
    setLegendChoice(open)
    writeLegendOpen(open)
  }
  const pending = useRef(new Map<string, Pos>())
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const graph = useApiEarly('graph:get', { ...filters, prospects, ...(asOf ? { asOf } : {}) })
  const communities = useApi('insights:communities', {}, { enabled: colourBy === 'community' })
  const groups = useApi('groups:list', {})
  const tags = useApi('people:tags', {})
  const full = useMemo(() => (graph.data ? buildModel(graph.data, { sizeBy }) : null), [graph.data, sizeBy])
  const tooBig = !!full && full.nodes.length > FULL_VIEW_LIMIT
  const shownModel = useMemo(() => (full && tooBig && !showAll ? reduceModel(full, REDUCED_VIEW_LIMIT) : full), [full, tooBig, showAll])
  const model = useMemo(
    () => (shownModel && colourBy === 'community' && communities.data ? colourByCommunity(shownModel, communities.data) : shownModel),
    [shownModel, colourBy, communities.data],
  )
  // Community colours mean nothing without their key, so that legend starts open whatever the size.
  const legendOpen = legendChoice ?? (colourBy === 'community' || !(model && model.nodes.length > LEGEND_FOLDED_ABOVE))

  const runLayout = useCallback(async (m: GraphModel, kind: LayoutKind) => {
    if (layoutRunning.current) return
    layoutRunning.current = true
    setProgress(0)
    // The taskbar shows the layout: busy until it reports how far it is, then that fraction; cleared when it ends.
    reportProgress(LAYOUT_TASK, 'busy')
    const input = layoutInput(m.nodes.map((n) => ({ id: n.id, isMe: n.isMe, value: n.value })), m.edges)
    try {
      const { pos, ms } = await layoutInWorker(kind, input, (done) => {
        setProgress(done)
        reportProgress(LAYOUT_TASK, done)
      })
      const next = new Map<string, Pos>()
      const list: { id: string; x: number; y: number }[] = []
      input.ids.forEach((id, i) => {
        const p = { x: pos[2 * i]!, y: pos[2 * i + 1]! }
        next.set(id, p)
        known.current.set(id, p)
        list.push({ id, ...p })
      })
      setPositions(next)
      setMessage(tRef.current('layout.done', { count: input.ids.length, seconds: fmtRef.current.number(ms / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }))
      await savePositions(list)
    } catch (e) {
      setMessage(tRef.current('layout.failed', { error: msgRef.current((e as Error).message) ?? '' }))
    } finally {
      layoutRunning.current = false
      setProgress(null)
      reportProgress(LAYOUT_TASK, null)
      setPlaceTick((t) => t + 1)
      requestAnimationFrame(() => handle.current?.fit())
    }
  }, [])

  // Place the model: saved positions first; a full layout when most people are new;
  // otherwise new people go next to their neighbours and nobody else moves.
  useEffect(() => {
    if (!model) return
    for (const n of model.nodes)
      if (n.x !== null && n.y !== null && !known.current.has(n.id)) known.current.set(n.id, { x: n.x, y: n.y })
    if (layoutRunning.current) return
    const missing = model.nodes.filter((n) => !known.current.has(n.id))
    // Prospects always go next to their referrer; a full layout only when most partners are new.
    const partners = model.nodes.filter((n) => n.role !== 'prospect')
    const placedPartners = partners.filter((n) => known.current.has(n.id)).length
    if (missing.length > 0 && placedPartners < Math.max(2, partners.length * 0.5)) {
      void runLayout(model, 'radial')
      return
    }
    if (missing.length > 0) {
      const input = layoutInput(model.nodes.map((n) => ({ id: n.id, isMe: n.isMe, value: n.value })), model.edges)
      const pos = new Float64Array(input.ids.length * 2)
      const placed = new Uint8Array(input.ids.length)
      input.ids.forEach((id, i) => {
        const p = known.current.get(id)
        if (p) {
          pos[2 * i] = p.x
          pos[2 * i + 1] = p.y
          placed[i] = 1
        }
      })
      placeNear(input, pos, placed)
      const list: { id: string; x: number; y: number }[] = []
      for (const n of missing) {
        const i = input.ids.indexOf(n.id)
        const p = { x: pos[2 * i]!, y: pos[2 * i + 1]! }
        known.current.set(n.id, p)
        list.push({ id: n.id, ...p })
      }
      void savePositions(list)
    }
    const next = new Map<string, Pos>()
    for (const n of model.nodes) next.set(n.id, known.current.get(n.id)!)
    setPositions(next)
  }, [model, runLayout, placeTick])

  const onMoved = useCallback((moved: { id: string; x: number; y: number }[]) => {
    for (const m of moved) {
      known.current.set(m.id, { x: m.x, y: m.y })
      pending.current.set(m.id, { x: m.x, y: m.y })
    }
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = setTimeout(() => {
      const list = [...pending.current].map(([id, p]) => ({ id, ...p }))
      pending.current.clear()
      savePositions(list).then(
        () => setMessage(tRef.current('positions.saved', { count: list.length })),
        (e: Error) => setMessage(tRef.current('positions.failed', { error: e.message })),
      )
    }, 300)
  }, [])

  const conv = useMemo(() => (model && hl.on ? converters(model, hl.threshold) : null), [model, hl])
  const neigh = useMemo(() => (model && focus ? neighbourhood(model, focus.id, focus.steps) : null), [model, focus])
  const faded = useMemo(() => (model ? fadedIds(model, [conv, neigh]) : null), [model, conv, neigh])
  // A new focus (or a change of its steps) re-frames the view on the people it keeps.
  const neighRef = useRef(neigh)
  neighRef.current = neigh
  useEffect(() => {
    if (!focus) return
    const id = requestAnimationFrame(() => neighRef.current && handle.current?.fitTo(neighRef.current))
    return () => cancelAnimationFrame(id)
  }, [focus])
  const ready = !!model && model.nodes.every((n) => positions.has(n.id))
  // While newcomers are being placed, the canvas keeps showing the last placed map (no flash, no full redraw).
  const shown = useRef<GraphModel>(EMPTY)
  if (ready && model) shown.current = model
  const selectedNode = model?.nodes.find((n) => n.id === selected) ?? null

  const modelRef = useRef(model)
  modelRef.current = model
  const selectedRef = useRef(selected)
  selectedRef.current = selected
  const nodeAction = useCallback(
    (a: NodeAction, node: { id: string; label: string }) => {
      if (a === 'open') navigate({ route: 'people', personId: node.id })
      else if (a === 'edit')
        call('people:get', { id: node.id }).then(setEditing, (e: unknown) => toast.error(e))
      else if (a === 'record') setRecordingFrom({ id: node.id, name: node.label })
      else setArchiving({ id: node.id, name: node.label })
    },
    [navigate, toast],
  )
  const openNodeMenu = useCallback(
    (id: string, at: Pos) => {
      const node = modelRef.current?.nodes.find((n) => n.id === id)
      if (!node) return
      openMenu(at, nodeMenuItems(node, (k) => tRef.current(k), (a) => nodeAction(a, node)), tRef.current('menu.label', { name: node.label }))
    },
    [openMenu, nodeAction],
  )
  const openMenuRef = useRef(openNodeMenu)
  openMenuRef.current = openNodeMenu

  const onFocus = useCallback(
    (id: string) => {
      setSelected(id)
      setFocus({ id, steps })
    },
    [steps],
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        searchRef.current?.focus()
        return
      }
      // Shift+F10 or the Menu key: the selected person's menu, at the person.
      if (isMenuKey(e) && !isTyping(e.target) && selectedRef.current) {
        const id = selectedRef.current
        const at = handle.current?.screenPosition(id)
        if (at) {
          e.preventDefault()
          openMenuRef.current(id, at)
        }
        return
      }
      if (e.key === 'Escape') {
        setFocus(null)
        setSelected(null)
        return
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === 'f' || e.key === 'F') handle.current?.fit()
      else if (e.key === '+' || e.key === '=') handle.current?.zoomBy(1.25)
      else if (e.key === '-' || e.key === '_') handle.current?.zoomBy(0.8)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const exportAs = async (format: 'png' | 'svg') => {
    if (!model || !handle.current) return
    const name = `referral-network-${today ?? 'export'}.${format}`
    try {
      let blob: Blob
      if (format === 'png') blob = await handle.current.png()
      else {
        const { nodes, edges } = svgInput(model, handle.current.positions(), faded)
        blob = new Blob([toSvg(nodes, edges, { title: t('export.svgTitle') })], { type: 'image/svg+xml' })
      }
      const where = await saveExport(blob, name)
      setMessage(t('export.done', { where }))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED') setMessage(t('export.cancelled'))
      else setMessage(t('export.failed', { error: msg((e as Error).message) ?? '' }))
    }
  }

  const reset = () => {
    setFilters({})
    setAsOf(null)
    setProspects(false)
    setHl({ on: false, threshold: 0.5 })
    setFocus(null)
    setSelected(null)
  }

  return (
    <div className="graph-screen">
      <div className="graph-toolbar">
        <h1>{t('title')}</h1>
        {model && <SearchBox model={model} inputRef={searchRef} onPick={(id) => {
          setSelected(id)
          // After the side panel has opened (it narrows the stage).
          requestAnimationFrame(() => handle.current?.centreOn(id))
        }} />}
        <HighlightControl on={hl.on} threshold={hl.threshold} count={conv?.size ?? 0} onChange={(on, threshold) => setHl({ on, threshold })} />
        <div className="graph-view-controls">
          <ColourByControl value={colourBy} onChange={setColourBy} />
        </div>
        <ViewControls
          sizeBy={sizeBy}
          onSizeBy={setSizeBy}
          prospects={prospects}
          onProspects={setProspects}
          layout={layoutKind}
          onLayout={(k) => {
            setLayoutKind(k)
            if (model) void runLayout(model, k)
          }}
          onRelayout={() => model && void runLayout(model, layoutKind)}
          busy={progress !== null}
        />
        <div className="graph-export">
          <Button small onClick={() => void exportAs('png')} disabled={!ready}>
            {t('export.png')}
          </Button>
          <Button small onClick={() => void exportAs('svg')} disabled={!ready}>
            {t('export.svg')}
          </Button>
        </div>
      </div>
      <FilterBar filters={filters} onChange={setFilters} groups={groups.data ?? []} tags={tags.data ?? []} onReset={reset} />
      <TimeSlider asOf={asOf} onChange={setAsOf} />
      {tooBig && full && (
        <p className="graph-notice" role="status">
          {showAll ? (
            <>
              {t('big.showingAll', { count: full.nodes.length, limit: fmt.number(FULL_VIEW_LIMIT) })}{' '}
              <Button small onClick={() => setShowAll(false)}>
                {t('big.backToTop', { top: fmt.number(REDUCED_VIEW_LIMIT) })}
              </Button>
            </>
          ) : (
            <>
              {t('big.reduced', { count: full.nodes.length, limit: fmt.number(FULL_VIEW_LIMIT), top: fmt.number(REDUCED_VIEW_LIMIT) })}{' '}
              <Button small onClick={() => setShowAll(true)}>
                {t('big.showEveryone')}
              </Button>
            </>
          )}
        </p>
      )}
      {focus && model && (
        <div className="graph-focusbar" role="status">
          {t('focus.on', { name: model.nodes.find((n) => n.id === focus.id)?.label ?? t('focus.someone') })}{' '}
          <label>
            {t('focus.steps')}{' '}
            <select
              aria-label={t('focus.stepsLabel')}
              value={focus.steps}
              onChange={(e) => {
                const s = Number(e.target.value)
                setSteps(s)
                setFocus({ ...focus, steps: s })
              }}
            >
              {[1, 2, 3].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>{' '}
          <Button small onClick={() => setFocus(null)}>
            {t('focus.clear')}
          </Button>
        </div>
      )}
      <div className="graph-main">
        <div className="graph-stage">
          <GraphCanvas
            model={shown.current}
            positions={positions}
            faded={faded}
            selectedId={selected}
            onSelect={setSelected}
            onFocus={onFocus}
            onMoved={onMoved}
            onMenu={openNodeMenu}
            handleRef={handle}
            reserve={legendCorner}
          />
          {graph.isLoading && <div className="graph-overlay">{t('loading')}</div>}
          {graph.error && <div className="graph-overlay" role="alert">{msg(graph.error.message)}</div>}
          {progress !== null && (
            <div className="graph-overlay" role="status">
              {t('layout.running')} <progress max={1} value={progress} aria-label={t('layout.progress')} /> {fmt.percent(progress)}
            </div>
          )}
          {model && model.nodes.length === 0 && !graph.isLoading && (
            <div className="graph-overlay">{t('empty')}</div>
          )}
          {model && (
            <div ref={legendRef} className="graph-legend-slot">
              {legendOpen &&
                (colourBy === 'community' && communities.data ? (
                  <CommunityLegend communities={communities.data} />
                ) : (
                  <Legend model={model} sizeBy={sizeBy} prospects={prospects} />
                ))}
              <button type="button" className="graph-legend-toggle" aria-expanded={legendOpen} onClick={toggleLegend}>
                {legendOpen ? t('legend.hide') : t('legend.show')}
              </button>
            </div>
          )}
          <div className="graph-hint" aria-live="polite">
            {message || t('hint')}
          </div>
        </div>
        {selectedNode && model && (
          <SidePanel
            node={selectedNode}
            currency={model.currency}
            navigate={navigate}
            onClose={() => setSelected(null)}
            focusSteps={steps}
            focused={focus?.id === selectedNode.id}
            onFocus={() => onFocus(selectedNode.id)}
          />
        )}
      </div>
      {nodeMenuElement}
      {editing && <PersonForm person={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} onOpenPerson={(id) => navigate({ route: 'people', personId: id })} />}
      {recordingFrom && (
        <IntroForm
          me={me}
          defaults={{ referrer: recordingFrom }}
          onClose={() => setRecordingFrom(null)}
          onSaved={(i) => {
            setRecordingFrom(null)
            navigate({ route: 'introductions', introductionId: i.id })
          }}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={t('archive.title', { name: archiving.name })}
          message={t('archive.message')}
          confirmLabel={t('archive.confirm')}
          busy={archive.isPending}
          onCancel={() => setArchiving(null)}
          onConfirm={() =>
            archive.mutate(
              { id: archiving.id, archived: true },
              {
                onSuccess: (r) => {
                  toast.success(t('archive.done', { name: r.name }), undo)
                  setArchiving(null)
                  setSelected((cur) => (cur === r.id ? null : cur))
                },
                onError: (e) => {
                  toast.error(e)
                  setArchiving(null)
                },
              },
            )
          }
        />
      )}
    </div>
  )
}
