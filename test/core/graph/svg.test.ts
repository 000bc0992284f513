import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { toSvg, type SvgNode } from '../../../src/core/graph/svg'
import { escapeXml } from '../../../src/core/formats/xml'

describe('toSvg', () => {
  it('writes valid XML with one <g class="node"> per node, labels escaped', () => {
    const nodes: SvgNode[] = [
      { id: 'a', label: 'Ann & <Bob> "O\'Brien"', x: 0, y: 0, size: 40, colour: '#4575b4', showLabel: true, isMe: true },
      { id: 'b', label: 'Björn', x: 100, y: 50, size: 20, colour: '#d73027', faded: true },
    ]
    const svg = toSvg(nodes, [{ source: 'a', target: 'b', width: 3, colour: '#01665e' }, { source: 'a', target: 'zz', width: 1, colour: '#000' }])
    expect(XMLValidator.validate(svg)).toBe(true)
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg)
    const groups = doc.svg.g.find((g: { class: string }) => g.class === 'nodes').g
    expect(groups.map((g: { 'data-id': string }) => g['data-id'])).toEqual(['a', 'b'])
    expect(svg).toContain('Ann &amp; &lt;Bob&gt;')
    // The edge to an absent node is left out.
    expect(svg.match(/data-source=/g)!.length).toBe(1)
  })

  it('stays valid XML and keeps one node element per node for any labels', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string(), x: fc.double({ min: -1e4, max: 1e4, noNaN: true }), y: fc.double({ min: -1e4, max: 1e4, noNaN: true }) }), { maxLength: 30 }), (rows) => {
        const nodes = rows.map((r, i) => ({ id: `n${i}`, label: r.label, x: r.x, y: r.y, size: 20, colour: '#aaaaaa', showLabel: true }))
        const svg = toSvg(nodes, [])
        return XMLValidator.validate(svg) === true && (svg.match(/<g class="node" /g) ?? []).length === nodes.length
      }),
    )
    expect(escapeXml('a\u0001b')).toBe('ab')
  })
})
