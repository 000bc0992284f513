/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlSafe(s: string): string {
  return s.replace(INVALID_XML, '')
}

/**
 * Escapes text for element content or a double-quoted attribute. Tab, CR and
 * LF become character references so attribute-value normalisation keeps them.
 */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"'\t\n\r]/g, (c) => {
    switch (c) {
      case '&': return '&amp;'
      case '<': return '&lt;'
      case '>': return '&gt;'
      case '"': return '&quot;'
      case "'": return '&apos;'
      case '\t': return '&#9;'
      case '\n': return '&#10;'
      default: return '&#13;'
    }
  })
}

export type AttrType = 'string' | 'int' | 'double' | 'boolean'
export type AttrValue = string | number | boolean | null

export interface GraphExport {
  nodeAttrs: { name: string; type: AttrType }[]
  edgeAttrs: { name: string; type: AttrType }[]
  nodes: { id: string; label: string; attrs: Record<string, AttrValue> }[]
  edges: { id: string; source: string; target: string; attrs: Record<string, AttrValue> }[]
}

const graphmlType = (t: AttrType): string => t

/** GraphML (yEd, Gephi, Cytoscape, NetworkX): one directed graph, typed <key>s for every attribute. */
export function toGraphml(g: GraphExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
  ]
  g.nodeAttrs.forEach((a, i) => out.push(`  <key id="n${i}" for="node" attr.name="${escapeXml(a.name)}" attr.type="${graphmlType(a.type)}"/>`))
  g.edgeAttrs.forEach((a, i) => out.push(`  <key id="e${i}" for="edge" attr.name="${escapeXml(a.name)}" attr.type="${graphmlType(a.type)}"/>`))
  out.push('  <graph id="referral-map" edgedefault="directed">')
  for (const n of g.nodes) {
    out.push(`    <node id="${escapeXml(n.id)}">`, `      <data key="n_label">${escapeXml(n.label)}</data>`)
    g.nodeAttrs.forEach((a, i) => {
      const v = n.attrs[a.name]
      if (v !== null && v !== undefined) out.push(`      <data key="n${i}">${escapeXml(String(v))}</data>`)
    })
    out.push('    </node>')
  }
  for (const e of g.edges) {
    out.push(`    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`)
    g.edgeAttrs.forEach((a, i) => {
      const v = e.attrs[a.name]
      if (v !== null && v !== undefined) out.push(`      <data key="e${i}">${escapeXml(String(v))}</data>`)
    })
    out.push('    </edge>')
  }
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}

const gexfType = (t: AttrType): string => (t === 'int' ? 'integer' : t)

/** GEXF 1.3 (Gephi's own format): static directed graph with declared node and edge attributes. */
export function toGexf(g: GraphExport, lastModified: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${escapeXml(lastModified)}"><creator>Referral Map</creator><description>People and the introductions between them</description></meta>`,
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
  ]
  g.nodeAttrs.forEach((a, i) => out.push(`      <attribute id="${i}" title="${escapeXml(a.name)}" type="${gexfType(a.type)}"/>`))
  out.push('    </attributes>', '    <attributes class="edge">')
  g.edgeAttrs.forEach((a, i) => out.push(`      <attribute id="${i}" title="${escapeXml(a.name)}" type="${gexfType(a.type)}"/>`))
  out.push('    </attributes>', '    <nodes>')
  const vals = (attrs: Record<string, AttrValue>, defs: { name: string }[]): string => {
    const parts: string[] = []
    defs.forEach((a, i) => {
      const v = attrs[a.name]
      if (v !== null && v !== undefined) parts.push(`<attvalue for="${i}" value="${escapeXml(String(v))}"/>`)
    })
    return parts.length ? `<attvalues>${parts.join('')}</attvalues>` : ''
  }
  for (const n of g.nodes) out.push(`      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">${vals(n.attrs, g.nodeAttrs)}</node>`)
  out.push('    </nodes>', '    <edges>')
  for (const e of g.edges)
    out.push(`      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${vals(e.attrs, g.edgeAttrs)}</edge>`)
  out.push('    </edges>', '  </graph>', '</gexf>', '')
  return out.join('\n')
}
