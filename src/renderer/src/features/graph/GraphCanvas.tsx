import { useEffect, useRef, type RefObject } from 'react'
import cytoscape, { type Core, type NodeSingular } from 'cytoscape'
import type { GraphModel } from '../../../../core/graph/model'
import { drawEdgeBatches, edgeBatches, type EdgeBatch, type Viewport } from './edgeLayer'
import { fitClear, fitViewport, graphStyle, nodeBoxes, toElements, type Box, type LabelFonts, type Pos } from './elements'

/** What the screen can ask of the canvas. */
export interface GraphHandle {
  fit(): void
  /** Re-frames the view on these people (a focus), keeping clear of the legend. */
  fitTo(ids: ReadonlySet<string>): void
  zoomBy(factor: number): void
  centreOn(id: string): void
  png(): Promise<Blob>
  positions(): Map<string, Pos>
  /** Where this person is drawn, in window (client) coordinates; null when they are not on the map. */
  screenPosition(id: string): Pos | null
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
  /** A right-click (or long press) on a person: their id and where, in window coordinates. */
  onMenu?: (id: string, at: Pos) => void
  handleRef: RefObject<GraphHandle | null>
  /** The bottom-left corner a fit keeps clear (the legend), in pixels; null when nothing covers the canvas. */
  reserve?: () => { w: number; h: number } | null
}

/**
 * Above this many elements (people + pairs) the map is "big": its edges are
 * drawn in the edge layer under Cytoscape (see edgeLayer.ts) instead of as
 * Cytoscape elements, and panning/zooming moves a picture of the view
 * (Cytoscape's textureOnViewport; the edge layer follows with a CSS transform)
 * and redraws it sharp when the gesture ends.
 */
export const BIG = 1500

/** The Cytoscape renderer internals this component uses (each use checks that it is there). */
interface RendererState {
  textureOnViewport?: boolean
  textureMult?: number
  canvasWidth?: number
  canvasHeight?: number
  TEXTURE_BUFFER?: number
  data?: { wheelZooming?: boolean; bufferCanvases?: HTMLCanvasElement[]; eleTxrCache?: TextureCache; lblTxrCache?: TextureCache }
  redraw?: () => void
  beforeRender?: (fn: (willDraw: boolean) => void, priority: number) => void
  getPixelRatio?: () => number
  matchCanvasSize?: (container: HTMLElement) => void
  pinching?: boolean
  swipePanning?: boolean
  hoverData?: { dragging?: boolean }
}
/** Cytoscape's per-element texture caches (one for shapes, one for labels). */
interface TextureCache {
  getBoundingBox(ele: NodeSingular): unknown
  getElement(ele: NodeSingular, bb: unknown, pxRatio: number, lvl?: number | null, reason?: unknown): unknown
}
const rendererOf = (cy: Core) => (cy as unknown as { renderer(): RendererState }).renderer()
/**
 * At a pixel ratio of 1 Cytoscape draws its pan/zoom picture at twice the
 * size, which means a second set of element textures: the first frame of a
 * wheel zoom on a 2,000-person map then took about a second here. Drawn at the
 * screen's own size it reuses the textures already made.
 */
function pictureAtScreenSize(r: RendererState): void {
  const match = r.matchCanvasSize
  if (!match) return
  r.matchCanvasSize = function (this: RendererState, container: HTMLElement) {
    match.call(this, container)
    const buf = this.data?.bufferCanvases?.[this.TEXTURE_BUFFER ?? -1]
    if (this.textureMult !== 1 && buf && this.canvasWidth && this.canvasHeight) {
      this.textureMult = 1
      buf.width = this.canvasWidth
      buf.height = this.canvasHeight
    }
  }
}

/**
 * Cytoscape makes each node's texture (its picture at the current zoom level)
 * the first time it draws the node, and copies it to the screen straight
 * away. Making one texture, then copying, then making the next is slow in a
 * software canvas (each copy snapshots the texture sheet that was just drawn
 * on): the first frame of a 2,000-person map took about 390 ms that way, and
 * about 150 ms when every texture is made first. So before a frame at a zoom
 * level not seen yet (or with new people), every person's textures are made
 * in one go. Only touches Cytoscape's caches when they are there.
 */
function warmTexturesBeforeFrames(cy: Core, l: EdgeLayerState): void {
  const r = rendererOf(cy)
  if (!r.beforeRender || !r.getPixelRatio) return
  let warmed: string | null = null
  r.beforeRender((willDraw) => {
    const caches = [r.data?.eleTxrCache, r.data?.lblTxrCache].filter((c): c is TextureCache => !!c)
    if (!willDraw || !l.nodes.size || !caches.length || movingAsPicture(r)) return
    const pxRatio = r.getPixelRatio!()
    const key = `${l.generation}:${Math.ceil(Math.log2(cy.zoom() * pxRatio))}`
    if (key === warmed) return
    warmed = key
    // The level is left to Cytoscape (null), so it is the one its draw will ask for.
    for (const n of l.nodes.values()) for (const c of caches) c.getElement(n, c.getBoundingBox(n), pxRatio, null, null)
  }, 250) // after Cytoscape's style and bounds (300), before its texture refinement (200)
}

/** The same test Cytoscape's render makes before drawing its viewport texture instead of the elements. */
const movingAsPicture = (r: RendererState) =>
  !!r.textureOnViewport && !!(r.pinching || r.hoverData?.dragging || r.swipePanning || r.data?.wheelZooming)

const prefersDark = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches

/** The edge layer: its canvas, what it draws, and the viewport it was last drawn at. */
interface EdgeLayerState {
  canvas: HTMLCanvasElement | null
  batches: EdgeBatch[]
  /** The people by id; filled on big maps only (the layer draws nothing and textures are not warmed on small ones). */
  nodes: Map<string, NodeSingular>
  drawnAt: Viewport | null
  /** Something the layer shows changed since it was drawn (pairs, fading, a person moved). */
  stale: boolean
  /** The next frame drawn is the first with the current elements (see the render handler). */
  stampPending: boolean
  /** Bumped when people were added, so their textures are made before the next frame. */
  generation: number
}

/** Redraws the edge layer for Cytoscape's current view, or moves its last picture while Cytoscape moves its own. */
function drawLayer(cy: Core, l: EdgeLayerState) {
  const c = l.canvas
  if (!c) return
  const vp = { zoom: cy.zoom(), pan: { ...cy.pan() } }
  if (l.drawnAt && movingAsPicture(rendererOf(cy))) {
    const s = vp.zoom / l.drawnAt.zoom
    c.style.transform = `translate(${vp.pan.x - s * l.drawnAt.pan.x}px, ${vp.pan.y - s * l.drawnAt.pan.y}px) scale(${s})`
    return
  }
  const w = cy.width()
  const h = cy.height()
  const same = l.drawnAt && l.drawnAt.zoom === vp.zoom && l.drawnAt.pan.x === vp.pan.x && l.drawnAt.pan.y === vp.pan.y
  // Most of Cytoscape's frames (hover, selection, a texture refined) change nothing the layer shows.
  if (same && !l.stale && c.width === w && c.height === h && !c.style.transform) return
  l.stale = false
  if (c.width !== w || c.height !== h) {
    c.width = w
    c.height = h
  }
  const ctx = c.getContext('2d')
  if (!ctx) return
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, w, h)
  c.style.transform = ''
  l.drawnAt = vp
  if (!l.batches.length) return
  const nodes = l.nodes
  drawEdgeBatches(ctx, l.batches, (id) => nodes.get(id)?.position(), vp, { w, h })
}

/** Each person's box with their label, in map units (those in `only`, when given). */
function peopleBoxes(cy: Core, only?: ReadonlySet<string>): Box[] {
  const out: Box[] = []
  cy.nodes().forEach((n) => {
    if (only && !only.has(n.id())) return
    const b = n.boundingBox({ includeLabels: true })
    out.push({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 })
  })
  return out
}

/** Classes other effects set (fading, selection), kept when an element is brought up to date. */
const STATE_CLASSES = ['faded', 'selected']

/**
 * Brings an existing element up to date, touching only what changed: any data
 * or class change makes Cytoscape restyle the element and redraw its texture,
 * which on a big map's second pass (positions arriving) was a whole extra frame.
 */
export function syncElement(cur: cytoscape.SingularElementReturnValue, e: cytoscape.ElementDefinition): void {
  const d = cur.data() as Record<string, unknown>
  if (Object.entries(e.data).some(([k, v]) => d[k] !== v)) cur.data(e.data)
  const want = ((e.classes as string | undefined) ?? '').split(' ').filter(Boolean)
  const has = (cur.classes() as unknown as string[]).filter((c) => !STATE_CLASSES.includes(c))
  if (want.length !== has.length || want.some((c) => !has.includes(c)))
    cur.classes([...want, ...STATE_CLASSES.filter((c) => cur.hasClass(c))].join(' '))
}

/**
 * The edge layer is redrawn after Cytoscape's next frame (it draws one after
 * any change to its people; this asks for one when only the pairs changed), so
 * a change costs one edge drawing, in step with the people.
 */
function layerInNextFrame(cy: Core, l: EdgeLayerState) {
  const r = rendererOf(cy)
  if (r.redraw) r.redraw()
  else drawLayer(cy, l)
}

/**
 * The one component that owns the Cytoscape instance. It is created once;
 * React passes data in and every change is applied in one cy.batch().
 */
export function GraphCanvas({ model, positions, faded, selectedId, onSelect, onFocus, onMoved, onMenu, handleRef, reserve }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const cb = useRef({ onSelect, onFocus, onMoved, onMenu, reserve })
  cb.current = { onSelect, onFocus, onMoved, onMenu, reserve }
  /** The style's current inputs (big map, label sizes), so it is rebuilt only when one changes. */
  const styleKey = useRef('')
  const fontsRef = useRef<LabelFonts>(model.scale)
  const fitted = useRef(false)
  const bigRef = useRef<boolean | null>(null)
  const modelRef = useRef<GraphModel | null>(null)
  modelRef.current = model
  /** The edge layer: its canvas, what it draws, and the viewport it was last drawn at. */
  const layer = useRef<EdgeLayerState>({ canvas: null, batches: [], nodes: new Map(), drawnAt: null, stale: true, stampPending: false, generation: 0 })

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
    pictureAtScreenSize(rendererOf(cy))
    if (box.current) rendererOf(cy).matchCanvasSize?.(box.current)
    const canvas = document.createElement('canvas')
    canvas.className = 'graph-edge-layer'
    canvas.setAttribute('aria-hidden', 'true')
    box.current?.prepend(canvas)
    const edgeLayer = layer.current
    edgeLayer.canvas = canvas
    cy.on('render', () => {
      drawLayer(cy, edgeLayer)
      // The first frame drawn with the current people (and, on a big map, their edges): the bench reads this to
      // time the first picture (it is on screen once the next animation frame starts).
      if (edgeLayer.stampPending && cy.nodes().length) {
        edgeLayer.stampPending = false
        box.current?.setAttribute('data-drawn-at', String(performance.now()))
      }
    })
    cy.on('position', 'node', () => void (edgeLayer.stale = true))
    warmTexturesBeforeFrames(cy, edgeLayer)
    // Reachable from the page (benches and end-to-end tests read rendered positions).
    if (box.current) Object.defineProperty(box.current, 'cy', { value: cy, configurable: true })
    cy.on('tap', 'node', (e) => cb.current.onSelect(e.target.id()))
    cy.on('tap', (e) => {
      if (e.target === cy) cb.current.onSelect(null)
    })
    cy.on('dbltap', 'node', (e) => cb.current.onFocus(e.target.id()))
    // Right-click: the person's menu, where the pointer is (or at the person, when emitted without a pointer).
    cy.on('cxttap', 'node', (e) => {
      const id = (e.target as NodeSingular).id()
      const rect = box.current?.getBoundingClientRect()
      const rp = e.renderedPosition ?? (e.target as NodeSingular).renderedPosition()
      cb.current.onSelect(id)
      cb.current.onMenu?.(id, { x: (rect?.left ?? 0) + rp.x, y: (rect?.top ?? 0) + rp.y })
    })
    cy.on('dragfree', 'node', (e) => {
      const n = e.target
      const p = n.position()
      cb.current.onMoved([{ id: n.id(), x: p.x, y: p.y }])
    })
    handleRef.current = {
      fit: () => {
        cy.stop(true, false) // the user's fit wins over a re-frame still under way
        cy.resize() // the stage may have changed size (the side panel opened or closed) since Cytoscape measured it
        const m = modelRef.current
        const keep = cb.current.reserve?.() ?? null
        // A big map fits from positions (Cytoscape's own box would first measure every label).
        if (m && m.nodes.length > BIG / 2) cy.viewport(fitViewport(m, handleRef.current!.positions(), cy.width(), cy.height(), 30, keep))
        else {
          const vp = fitClear(peopleBoxes(cy), cy.width(), cy.height(), 30, keep)
          if (vp) cy.viewport(vp)
        }
      },
      fitTo: (ids) => {
        const m = modelRef.current
        if (!m || !ids.size) return
        cy.resize()
        const keep = cb.current.reserve?.() ?? null
        const boxes = m.nodes.length > BIG / 2 ? nodeBoxes(m, handleRef.current!.positions(), ids) : peopleBoxes(cy, ids)
        const vp = fitClear(boxes, cy.width(), cy.height(), 40, keep)
        if (vp) cy.animate({ zoom: vp.zoom, pan: vp.pan }, { duration: 250 })
      },
      zoomBy: (f) => {
        cy.stop(true, false)
        const w = cy.width()
        const h = cy.height()
        cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: w / 2, y: h / 2 } })
      },
      centreOn: (id) => {
        cy.resize()
        const n = cy.getElementById(id)
        if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 })
      },
      png: () => pngWithEdges(cy, layer.current.batches, layer.current.nodes),
      screenPosition: (id) => {
        const n = cy.getElementById(id)
        if (n.empty()) return null
        const rect = box.current?.getBoundingClientRect()
        const rp = n.renderedPosition()
        return { x: (rect?.left ?? 0) + rp.x, y: (rect?.top ?? 0) + rp.y }
      },
      positions: () => {
        const m = new Map<string, Pos>()
        cy.nodes().forEach((n) => {
          const p = n.position()
          m.set(n.id(), { x: p.x, y: p.y })
        })
        return m
      },
    }
    // Cytoscape measures its container on window resizes only; the stage also changes size when the side panel
    // opens or closes, and a stale size puts fits and centring off to one side.
    const resizes = typeof ResizeObserver === 'function' && box.current ? new ResizeObserver(() => cy.resize()) : null
    if (resizes && box.current) resizes.observe(box.current)
    // Follow the system's light/dark switch without re-creating the instance.
    const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
    const onScheme = () => cy.style(graphStyle(prefersDark(), bigRef.current ?? false, fontsRef.current))
    mq?.addEventListener?.('change', onScheme)
    return () => {
      resizes?.disconnect()
      mq?.removeEventListener?.('change', onScheme)
      handleRef.current = null
      cy.destroy()
      canvas.remove()
      edgeLayer.canvas = null
      cyRef.current = null
    }
  }, [handleRef])

  // Elements and positions: one batch, diffed by id.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    const els = toElements(model, positions)
    const big = els.length > BIG
    const fonts: LabelFonts = { font: model.scale.font, meFont: model.scale.meFont }
    const key = `${big}:${fonts.font}:${fonts.meFont}`
    if (styleKey.current !== key) {
      styleKey.current = key
      fontsRef.current = fonts
      cy.style(graphStyle(prefersDark(), big, fonts))
    }
    if (bigRef.current !== big) {
      bigRef.current = big
      // A big map moves as a picture while panned or zoomed, and is redrawn sharp when the gesture ends.
      rendererOf(cy).textureOnViewport = big
    }
    if (!fitted.current && positions.size > 0) {
      fitted.current = true
      // Fit from the known positions (before the people are added): cy.fit() would first compute every label's box.
      cy.viewport(fitViewport(model, positions, cy.width(), cy.height(), 30, cb.current.reserve?.() ?? null))
    }
    // A big map's edges go to the edge layer; Cytoscape gets the people only.
    const mine = big ? els.filter((e) => e.group === 'nodes') : els
    const add: typeof els = []
    cy.batch(() => {
      const keep = new Set(mine.map((e) => e.data.id!))
      cy.elements().forEach((el) => {
        if (!keep.has(el.id())) el.remove()
      })
      for (const e of mine) {
        const cur = cy.getElementById(e.data.id!)
        if (cur.empty()) add.push(e)
        else {
          syncElement(cur, e)
          if (e.group === 'nodes' && e.position) {
            const p = cur.position()
            if (p.x !== e.position.x || p.y !== e.position.y) cur.position(e.position)
          }
        }
      }
      // Nodes first so edges find their ends.
      cy.add(add.filter((e) => e.group === 'nodes'))
      cy.add(add.filter((e) => e.group === 'edges'))
    })
    // The pairs themselves (with their fading) are set by the fading effect below, which runs after this one.
    const l = layer.current
    l.nodes = new Map()
    if (big) cy.nodes().forEach((n) => void l.nodes.set(n.id(), n))
    l.stale = true
    box.current?.setAttribute('data-edges', big ? 'layer' : 'cytoscape')
    if (add.length) {
      l.generation++
      l.stampPending = true
      box.current?.removeAttribute('data-drawn-at')
    }
    layerInNextFrame(cy, l)
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
    // The edge layer's pairs: every model change and every fading change comes through here.
    const l = layer.current
    l.batches = bigRef.current ? edgeBatches(model.edges, faded) : []
    l.stale = true
    layerInNextFrame(cy, l)
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

/**
 * The whole map as PNG at twice its size. A big map's edges live in the edge
 * layer, so they are drawn first on the same canvas and Cytoscape's picture of
 * the people goes over them.
 */
async function pngWithEdges(cy: Core, batches: readonly EdgeBatch[], nodes: ReadonlyMap<string, NodeSingular>): Promise<Blob> {
  const bg = prefersDark() ? '#111827' : '#ffffff'
  if (!batches.length) return cy.png({ output: 'blob-promise', full: true, scale: 2, bg })
  const scale = 2
  // Cytoscape's full-size picture covers the elements' bounding box at this scale.
  const bb = cy.elements().boundingBox()
  const people = await cy.png({ output: 'blob-promise', full: true, scale })
  const img = await createImageBitmap(people)
  const c = document.createElement('canvas')
  c.width = img.width
  c.height = img.height
  const ctx = c.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).')
  ctx.fillStyle = bg
  ctx.fillRect(0, 0, c.width, c.height)
  drawEdgeBatches(ctx, batches, (id) => nodes.get(id)?.position(), { zoom: scale, pan: { x: -bb.x1 * scale, y: -bb.y1 * scale } }, { w: c.width, h: c.height })
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.drawImage(img, 0, 0)
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded as PNG.'))), 'image/png'))
}
