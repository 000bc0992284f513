import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl, openExternalSafe } from '../../src/backend/external'

describe('openExternalSafe', () => {
  it('opens mailto: and https: links', async () => {
    const opened: string[] = []
    const open = (u: string) => {
      opened.push(u)
      return Promise.resolve()
    }
    expect(await openExternalSafe('mailto:ana@example.com?subject=Thank%20you', open)).toBe(true)
    expect(await openExternalSafe('https://example.com/profile', open)).toBe(true)
    expect(opened).toEqual(['mailto:ana@example.com?subject=Thank%20you', 'https://example.com/profile'])
  })

  it('refuses every other scheme and malformed URLs without calling the opener', async () => {
    const opened: string[] = []
    const open = (u: string) => {
      opened.push(u)
      return Promise.resolve()
    }
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://host/share',
      'ms-msdt:/id',
      'vbscript:x',
      'https://user:pw@example.com/',
      'mailto:',
      'not a url',
      '',
      '  https://example.com',
    ]) {
      expect(await openExternalSafe(url, open), url).toBe(false)
    }
    expect(opened).toEqual([])
  })

  it('is case-insensitive about the scheme, as browsers are', () => {
    expect(isSafeExternalUrl('HTTPS://example.com')).toBe(true)
    expect(isSafeExternalUrl('MailTo:a@b.example')).toBe(true)
  })
})
