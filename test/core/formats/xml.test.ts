import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { escapeXml, toGexf, toGraphml, xmlSafe, type GraphExport } from '../../../src/core/formats/xml'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false, parseTagValue: false, parseAttributeValue: false, htmlEntities: true, isArray: (n) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute'].includes(n) })

const graph = (label: string): GraphExport => ({
  nodeAttrs: [{ name: 'company', type: 'string' }, { name: 'isMe', type: 'boolean' }],
  edgeAttrs: [{ name: 'status', type: 'string' }, { name: 'value', type: 'double' }],
  nodes: [
    { id: 'a', label, attrs: { company: label, isMe: true } },
    { id: 'b', label: 'B', attrs: { company: null, isMe: false } },
    { id: 'c', label: 'C', attrs: { company: 'C & Co', isMe: false } },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'b', attrs: { status: 'won', value: 12.5 } },
    { id: 'e2', source: 'b', target: 'c', attrs: { status: label, value: null } },
  ],
})

describe('GraphML and GEXF', () => {
  it('GraphML is valid XML with every node, edge and typed key', () => {
    const xml = toGraphml(graph('Zoë <"Ø"> & \'x\''))
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    const g = doc.graphml.graph
    expect(g['@_edgedefault']).toBe('directed')
    expect(g.node).toHaveLength(3)
    expect(g.edge).toHaveLength(2)
    expect(g.edge[0]['@_source']).toBe('a')
    expect(doc.graphml.key.map((k: Record<string, string>) => k['@_attr.name'])).toEqual(['label', 'company', 'isMe', 'status', 'value'])
    expect(g.node[0].data[0]['#text']).toBe('Zoë <"Ø"> & \'x\'')
  })

  it('GEXF is valid XML with nodes, edges and attribute values', () => {
    const xml = toGexf(graph('A'), '2026-06-15')
    expect(XMLValidator.validate(xml)).toBe(true)
    const g = parser.parse(xml).gexf.graph
    expect(g.nodes.node).toHaveLength(3)
    expect(g.edges.edge).toHaveLength(2)
    expect(g.nodes.node[2].attvalues.attvalue[0]['@_value']).toBe('C & Co')
  })

  it('property: any string survives XML escaping, as element text and as an attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const xml = toGexf(graph(s), '2026-06-15')
        expect(XMLValidator.validate(xml)).toBe(true)
        const g = parser.parse(xml).gexf.graph
        expect(g.nodes.node[0]['@_label']).toBe(xmlSafe(s))
        const gm = parser.parse(toGraphml(graph(s))).graphml.graph
        expect(gm.node[0].data[0]['#text'] ?? '').toBe(xmlSafe(s))
      }),
      { numRuns: 300 },
    )
  })

  it('drops only characters XML 1.0 cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0007c\td\ne\uD800')).toBe('abc\td\ne')
    expect(escapeXml('\t\r\n')).toBe('&#9;&#13;&#10;')
  })
})
