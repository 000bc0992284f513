import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/backend/db/migrations'

/**
 * Released migrations are frozen: a database created by an older build must be
 * exactly what this build's list produces. The sha256 of every released
 * migration's SQL text is kept here; a change to the schema is a new migration.
 * Add a line when a migration is released; never edit one.
 */
const RELEASED: Record<number, string> = {
  10: '6306374b68f5d71552bf715dbb12078c14e24aeab3736e2aecfb26ad12182c1f', // init
  20: '164aaabefc44cb1716fa4cc96ac53c14879cd941953bb452a37388f958869983', // scorecard-summaries
  30: '8eb7d4bd35124bb2b2b53ca3410886fe676e726a07215c4dfe4aff9fc4cd1293', // graph-positions
  40: '8fa7cc90ab8b57cf8fcb64c51730c76787697dbcd1d717c3fd81f0e1eabdc10e', // followup
  60: 'b64dbf6e90ed714c7aa6eedba233c750c11e668c8f7239128313254ef282c1eb', // person-merge
  70: '1e75434dcc1faf5f0a6143d632c7647e27dbb32405b5e3b7b5d33f02d0044ae1', // summaries-by-currency
  90: '09641242dfa22cb884b9d065af7e4f3c5f68e66cf8eb9ad5fbf5cf3d8187e23a', // history
  100: 'bdd52d0ee6d2cb3cebfbbad256fa9b6970195eaba8599be50ad7bb1db1b88b36', // sync
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const DIR = join(__dirname, '../../../src/backend/db/migrations')

describe('frozen migrations', () => {
  it('every released migration is still in the list with the same SQL text', () => {
    for (const [version, hash] of Object.entries(RELEASED)) {
      const m = migrations.find((x) => x.version === Number(version))
      expect(m, `migration ${version} was removed`).toBeDefined()
      expect(sha256(m!.sql), `migration ${version} (${m!.name}) changed after release`).toBe(hash)
    }
  })

  it('new migrations only come after the released ones', () => {
    const lastReleased = Math.max(...Object.keys(RELEASED).map(Number))
    for (const m of migrations) if (!(m.version in RELEASED)) expect(m.version, m.name).toBeGreaterThan(lastReleased)
  })

  it('the list is flat and ordered, one numbered module per migration', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'index.ts').sort()
    for (const f of files) expect(f, 'only numbered migration modules live here').toMatch(/^\d{4}-[a-z0-9-]+\.ts$/)
    const fromFiles = files.map((f) => Number(f.slice(0, 4)))
    expect(migrations.map((m) => m.version)).toEqual(fromFiles)
    for (const m of migrations) expect(files, String(m.version)).toContain(`${String(m.version).padStart(4, '0')}-${m.name}.ts`)
  })

  it('no migration builds its SQL from live code', () => {
    for (const f of readdirSync(DIR).filter((x) => x !== 'index.ts')) {
      const src = readFileSync(join(DIR, f), 'utf8')
      expect(src, f).not.toMatch(/^\s*import\s/m)
      expect(src, f).not.toContain('${')
    }
  })
})
