import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildMailto, isBuiltMailto, parseMailto } from '../../src/core/mailto'

describe('buildMailto', () => {
  it('encodes commas, quotes, non-ASCII and line breaks per RFC 6068', () => {
    const url = buildMailto({
      to: ['zoë@example.com', 'o.brien@example.org'],
      subject: 'Introduction: "Zoë Ünal", meet Seán & co',
      body: 'Hi Zoë,\nthis is an introduction, with "quotes".\r\nSee you?\n— Ana',
    })
    expect(url).toBe(
      'mailto:zo%C3%AB@example.com,o.brien@example.org' +
        '?subject=Introduction%3A%20%22Zo%C3%AB%20%C3%9Cnal%22%2C%20meet%20Se%C3%A1n%20%26%20co' +
        '&body=Hi%20Zo%C3%AB%2C%0D%0Athis%20is%20an%20introduction%2C%20with%20%22quotes%22.%0D%0ASee%20you%3F%0D%0A%E2%80%94%20Ana',
    )
    expect(url).not.toMatch(/[\s"<>]/)
    expect(new URL(url).protocol).toBe('mailto:')
  })

  it('round-trips through parseMailto, with bodies normalised to CRLF', () => {
    const url = buildMailto({ to: ['a@b.co'], subject: 'x, y & z?', body: 'one\ntwo' })
    expect(parseMailto(url)).toEqual({ to: ['a@b.co'], subject: 'x, y & z?', body: 'one\r\ntwo' })
    expect(isBuiltMailto(url)).toBe(true)
  })

  it('refuses display names and junk as recipients', () => {
    expect(() => buildMailto({ to: ['Ann <a@b.co>'] })).toThrow()
    expect(() => buildMailto({ to: ['a,b@c.d'] })).toThrow()
  })

  it('only accepts mailto: URLs it built itself', () => {
    expect(isBuiltMailto('https://example.com')).toBe(false)
    expect(isBuiltMailto('mailto:a@b.co?subject=a b')).toBe(false)
    expect(isBuiltMailto('mailto:a@b.co?bcc=x@y.z')).toBe(false)
    expect(isBuiltMailto('mailto:a@b.co?body=%E0%A4%A')).toBe(false)
    expect(isBuiltMailto('javascript:alert(1)')).toBe(false)
  })

  it('any subject and body survive the round trip', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (subject, body) => {
        const url = buildMailto({ to: ['x@y.z'], subject, body })
        expect(isBuiltMailto(url)).toBe(true)
        const p = parseMailto(url)
        expect(p?.body ?? '').toBe(body.replace(/\r\n|\r|\n/g, '\r\n'))
        expect(url).not.toMatch(/[\s]/)
      }),
    )
  })
})
