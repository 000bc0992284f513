import { useEffect, useRef, type RefObject } from 'react'
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape'
import type { GraphModel } from '../../../../core/graph/model'
import { fitViewport, graphStyle, toElements, type Pos } from './elements'

/** What the screen can ask of the canvas. */
export interface GraphHandle {
  fit(): void
  zoomBy(factor: number): void
  centreOn(id: string): void
  png(): Promise<Blob>
  positions(): Map<string, Pos>
}

interface Props {
  model: GraphModel
  /** Positions to apply; a new Map object means "move the nodes there". */
  positions: ReadonlyMap<string, Pos>
  faded: ReadonlySet<string> | null
  selectedId: string | null
  onSelect: (id: string | null) => void
  onFocus: (id: string) => void
  onMoved: (moved: { id: string; x: number; y: number }[]) => void
  handleRef: RefObject<GraphHandle | null>
}

/** Above this many elements, Cytoscape draws cheaper while the view moves. */
const BIG = 1500
/** Above this many new edges, the people are drawn first and the edges a frame later. */
const EDGE_CHUNK = 1500

const prefersDark = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches

/**
 * The one component that owns the Cytoscape instance. It is created once;
 * React passes data in and every change is applied in one cy.batch().
 */
export function GraphCanvas({ model, positions, faded, selectedId, onSelect, onFocus, onMoved, handleRef }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const cb = useRef({ onSelect, onFocus, onMoved })
  cb.current = { onSelect, onFocus, onMoved }
  const fitted = useRef(false)
  const bigRef = useRef<boolean | null>(null)
  const modelRef = useRef<GraphModel | null>(null)
  modelRef.current = model
  const fadedRef = useRef(faded)
  fadedRef.current = faded
  const generation = useRef(0)

  useEffect(() => {
    const cy = cytoscape({
      container: box.current,
      elements: [],
      style: graphStyle(prefersDark(), false),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      pixelRatio: 1,
      motionBlur: false,
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    })
    cyRef.current = cy
    // Reachable from the page (benches and end-to-end tests read rendered positions).
    if (box.current) Object.defineProperty(box.current, 'cy', { value: cy, configurable: true })
    cy.on('tap', 'node', (e) => cb.current.onSelect(e.target.id()))
    cy.on('tap', (e) => {
      if (e.target === cy) cb.current.onSelect(null)
    })
    cy.on('dbltap', 'node', (e) => cb.current.onFocus(e.target.id()))
    cy.on('dragfree', 'node', (e) => {
      const n = e.target
      const p = n.position()
      cb.current.onMoved([{ id: n.id(), x: p.x, y: p.y }])
    })
    handleRef.current = {
      fit: () => {
        const m = modelRef.current
        if (m && m.nodes.length > BIG / 2) cy.viewport(fitViewport(m, handleRef.current!.positions(), cy.width(), cy.height(), 30))
        else cy.fit(undefined, 30)
      },
      zoomBy: (f) => {
        const w = cy.width()
        const h = cy.height()
        cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: w / 2, y: h / 2 } })
      },
      centreOn: (id) => {
        const n = cy.getElementById(id)
        if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 })
      },
      png: () => cy.png({ output: 'blob-promise', full: true, scale: 2, bg: prefersDark() ? '#111827' : '#ffffff' }),
      positions: () => {
        const m = new Map<string, Pos>()
        cy.nodes().forEach((n) => {
          const p = n.position()
          m.set(n.id(), { x: p.x, y: p.y })
        })
        return m
      },
    }
    // Follow the system's light/dark switch without re-creating the instance.
    const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
    const onScheme = () => cy.style(graphStyle(prefersDark(), bigRef.current ?? false))
    mq?.addEventListener?.('change', onScheme)
    return () => {
      mq?.removeEventListener?.('change', onScheme)
      handleRef.current = null
      cy.destroy()
      cyRef.current = null
    }
  }, [handleRef])

  // Elements and positions: one batch, diffed by id.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    const els = toElements(model, positions)
    const big = els.length > BIG
    if (bigRef.current !== big) {
      bigRef.current = big
      cy.style(graphStyle(prefersDark(), big))
      // Cheaper drawing while panning/zooming a big map.
      const r = (cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean; textureOnViewport?: boolean } }).renderer()
      r.hideEdgesOnViewport = big
      r.textureOnViewport = false
    }
    const gen = ++generation.current
    const later: ElementDefinition[] = []
    cy.batch(() => {
      const keep = new Set(els.map((e) => e.data.id!))
      cy.elements().forEach((el) => {
        if (!keep.has(el.id())) el.remove()
      })
      const add: ElementDefinition[] = []
      for (const e of els) {
        const cur = cy.getElementById(e.data.id!)
        if (cur.empty()) add.push(e)
        else {
          cur.data(e.data)
          cur.classes(e.classes as string)
          if (e.group === 'nodes' && e.position) {
            const p = cur.position()
            if (p.x !== e.position.x || p.y !== e.position.y) cur.position(e.position)
          }
        }
      }
      // Nodes first so edges find their ends. A big map draws its people first
      // and adds the introductions between them over the next frames.
      cy.add(add.filter((e) => e.group === 'nodes'))
      const edges = add.filter((e) => e.group === 'edges')
      if (edges.length > EDGE_CHUNK) later.push(...edges)
      else cy.add(edges)
    })
    if (later.length) {
      box.current?.setAttribute('data-complete', 'false')
      // Let the people paint first, then add every edge in one batch (one more full render).
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (gen !== generation.current || !cyRef.current) return
          // The people's frame has been painted by now (a task queued from a frame callback runs after that frame).
          // The bench reads this to tell when people were on screen, before the edges arrive.
          box.current?.setAttribute('data-people-drawn-at', String(performance.now()))
          const f = fadedRef.current
          if (f)
            for (const e of later)
              if (f.has(e.data.source as string) || f.has(e.data.target as string)) e.classes = `${e.classes as string} faded`
          cy.add(later)
          box.current?.setAttribute('data-complete', 'true')
        }, 0),
      )
    } else box.current?.setAttribute('data-complete', 'true')
    if (!fitted.current && positions.size > 0) {
      fitted.current = true
      // Fit from the known positions: cy.fit() would first compute every label's box.
      cy.viewport(fitViewport(model, positions, cy.width(), cy.height(), 30))
    }
  }, [model, positions])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.elements('.faded').removeClass('faded')
      if (faded && faded.size) {
        cy.nodes().forEach((n) => {
          if (faded.has(n.id())) n.addClass('faded')
        })
        cy.edges().forEach((e) => {
          if (faded.has(e.data('source') as string) || faded.has(e.data('target') as string)) e.addClass('faded')
        })
      }
    })
  }, [faded, model])

  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.nodes('.selected').removeClass('selected')
      if (selectedId) cy.getElementById(selectedId).addClass('selected')
    })
  }, [selectedId, model])

  return <div ref={box} className="graph-canvas" data-testid="graph-canvas" />
}
