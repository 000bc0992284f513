/**
 * A small SVG serializer for the current view of the map: one <g class="node">
 * per visible node (with data-id), edges as <path>s with arrowheads, labels as
 * <text>. Pure, so the export is testable without a browser.
 */
import { escapeXml } from '../formats/xml'

export interface SvgNode {
  id: string
  label: string
  x: number
  y: number
  size: number
  colour: string
  faded?: boolean
  showLabel?: boolean
  isMe?: boolean
}

export interface SvgEdge {
  source: string
  target: string
  width: number
  colour: string
  faded?: boolean
  dashed?: boolean
}

export interface SvgOptions {
  padding?: number
  background?: string
  title?: string
}

const f = (v: number) => (Math.round(v * 10) / 10).toString()

export function toSvg(nodes: SvgNode[], edges: SvgEdge[], opts: SvgOptions = {}): string {
  const pad = opts.padding ?? 40
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const n of nodes) {
    const r = n.size / 2
    minX = Math.min(minX, n.x - r)
    minY = Math.min(minY, n.y - r)
    maxX = Math.max(maxX, n.x + r)
    maxY = Math.max(maxY, n.y + r + (n.showLabel ? 16 : 0))
  }
  if (!nodes.length) {
    minX = minY = 0
    maxX = maxY = 100
  }
  const w = maxX - minX + 2 * pad
  const h = maxY - minY + 2 * pad
  const ox = pad - minX
  const oy = pad - minY
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const out: string[] = []
  out.push('<?xml version="1.0" encoding="UTF-8"?>')
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(w)}" height="${f(h)}" viewBox="0 0 ${f(w)} ${f(h)}" font-family="system-ui, sans-serif">`,
  )
  if (opts.title) out.push(`<title>${escapeXml(opts.title)}</title>`)
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  )
  out.push(`<rect width="100%" height="100%" fill="${escapeXml(opts.background ?? '#ffffff')}"/>`)
  out.push('<g class="edges">')
  for (const e of edges) {
    const a = byId.get(e.source)
    const b = byId.get(e.target)
    if (!a || !b) continue
    // End the path at the target's rim so the arrowhead is visible.
    const dx = b.x - a.x
    const dy = b.y - a.y
    const d = Math.hypot(dx, dy) || 1
    const x1 = a.x + (dx / d) * (a.size / 2) + ox
    const y1 = a.y + (dy / d) * (a.size / 2) + oy
    const x2 = b.x - (dx / d) * (b.size / 2) + ox
    const y2 = b.y - (dy / d) * (b.size / 2) + oy
    out.push(
      `<path d="M${f(x1)},${f(y1)} L${f(x2)},${f(y2)}" stroke="${escapeXml(e.colour)}" stroke-width="${f(e.width)}" fill="none" marker-end="url(#arrow)"${e.dashed ? ' stroke-dasharray="4 3"' : ''}${e.faded ? ' opacity="0.12"' : ' opacity="0.8"'} data-source="${escapeXml(e.source)}" data-target="${escapeXml(e.target)}"/>`,
    )
  }
  out.push('</g>')
  out.push('<g class="nodes">')
  for (const n of nodes) {
    const cx = n.x + ox
    const cy = n.y + oy
    const label = n.showLabel
      ? `<text x="${f(cx)}" y="${f(cy + n.size / 2 + 12)}" text-anchor="middle" font-size="${n.isMe ? 14 : 11}"${n.isMe ? ' font-weight="bold"' : ''} fill="#1f2937">${escapeXml(n.label)}</text>`
      : ''
    out.push(
      `<g class="node" data-id="${escapeXml(n.id)}"${n.faded ? ' opacity="0.15"' : ''}><title>${escapeXml(n.label)}</title><circle cx="${f(cx)}" cy="${f(cy)}" r="${f(n.size / 2)}" fill="${escapeXml(n.colour)}" stroke="#374151" stroke-width="${n.isMe ? 2 : 0.8}"/>${label}</g>`,
    )
  }
  out.push('</g>')
  out.push('</svg>')
  return out.join('\n')
}
