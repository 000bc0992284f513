import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { escapeXml, xmlSafe } from '../../../src/core/formats/xml'
import { toSvg } from '../../../src/core/graph/svg'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: true })

/** Text with everything XML is picky about: markup characters, whitespace an attribute would normalise, controls, surrogates. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', ' ', '\u0000', '\u0001', '\u001f', '\uFFFE', '\uD800', '\uDC00', '😀', 'é', ']]>', '&amp;'),
    fc.string({ maxLength: 1, unit: 'grapheme' }),
  ),
})

describe('escapeXml: the one XML escaper (exports, report, SVG)', () => {
  it('property: any text in an attribute and in element content is valid XML and reads back as the text minus what XML cannot carry', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = `<a v="${escapeXml(s)}">${escapeXml(s)}</a>`
        expect(XMLValidator.validate(doc)).toBe(true)
        const a = (parser.parse(doc) as { a: { '@_v': string; '#text'?: string } | string }).a
        const attr = typeof a === 'string' ? '' : a['@_v']
        const content = typeof a === 'string' ? a : (a['#text'] ?? '')
        expect(attr).toBe(xmlSafe(s))
        expect(content).toBe(xmlSafe(s))
      }),
      { numRuns: 500 },
    )
  })

  it('the SVG export uses it: a line break or tab in an id survives the attribute, a lone surrogate is dropped', () => {
    const svg = toSvg([{ id: 'a\nb\tc', label: 'x\uD800y', x: 0, y: 0, size: 20, colour: '#aaaaaa', showLabel: true }], [])
    expect(svg).toContain('data-id="a&#10;b&#9;c"')
    expect(svg).toContain('<title>xy</title>')
  })
})
