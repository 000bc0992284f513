import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The one write seam: SQL lives in the db modules; services combine db and core. */
const SERVICES = join(__dirname, '../../src/backend/services')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('services hold no SQL', () => {
  it('no service prepares, executes or sets a pragma', () => {
    const found: string[] = []
    for (const f of files(SERVICES)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.(prepare|pragma)\(|\.exec\(\s*[`'"]|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/.test(line)) found.push(`${f.slice(SERVICES.length + 1)}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })
})
