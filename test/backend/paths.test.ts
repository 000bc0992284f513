import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { defaultNetworkFile, networkFileFromArgv } from '../../src/backend/paths'

describe('networkFileFromArgv', () => {
  it('takes the last .referralmap argument, in any case, and ignores flags and other files', () => {
    expect(networkFileFromArgv(['/opt/Referral Map/referral-map', '/home/a/Chapter.REFERRALMAP'])).toBe('/home/a/Chapter.REFERRALMAP')
    expect(networkFileFromArgv(['app', 'one.referralmap', '--no-sandbox', 'two.referralmap'])).toBe('two.referralmap')
    expect(networkFileFromArgv(['app', '--open=x.referralmap', 'notes.txt'])).toBeUndefined()
  })
  it('never takes the executable itself', () => {
    expect(networkFileFromArgv(['weird.referralmap'])).toBeUndefined()
    expect(networkFileFromArgv([])).toBeUndefined()
  })
  it('the default network lives in the data folder', () => {
    expect(defaultNetworkFile('/data')).toBe(join('/data', 'network.referralmap'))
  })
})
