import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createTestApp, type TestApp } from '../../helpers/ctx'

/** Merging another network (issue 13): both values side by side, a choice per field, messages about the user's file. */

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64')

let app: TestApp
let other: TestApp
beforeEach(() => {
  app = createTestApp()
  other = createTestApp()
})
afterEach(() => {
  app.close()
  other.close()
})

async function twoVersionsOfAnn() {
  const ann = await app.call('people:create', { name: 'Ann Lee', company: 'Lee Law', email: 'ann@lee.example', city: 'Leeds', notes: 'Met at BNI.' })
  await other.call('people:create', { name: 'Ann Lee-Smith', company: 'Lee Law', email: 'ann@lee.example', city: 'York', profession: 'Lawyer', notes: 'Likes golf.' })
  const theirs = (await other.call('files:export', { format: 'json' })).text
  return { ann, theirs }
}

describe('files:mergeNetwork conflicts', () => {
  it('shows both values of every differing field, and "keep mine" stays the default', async () => {
    const { ann, theirs } = await twoVersionsOfAnn()
    const dry = await app.call('files:mergeNetwork', { data: b64(theirs), fileName: 'friend.json', dryRun: true })
    expect(dry.conflicts).toEqual([
      {
        kind: 'person', id: ann.id, label: 'Ann Lee', fields: ['name', 'city', 'notes'],
        values: [
          { field: 'name', mine: 'Ann Lee', theirs: 'Ann Lee-Smith' },
          { field: 'city', mine: 'Leeds', theirs: 'York' },
          { field: 'notes', mine: 'Met at BNI.', theirs: 'Likes golf.' },
        ],
      },
    ])
    await app.call('files:mergeNetwork', { data: b64(theirs), fileName: 'friend.json' })
    // Blanks are filled (profession); everything that differs is mine.
    expect(await app.call('people:get', { id: ann.id })).toMatchObject({ name: 'Ann Lee', city: 'Leeds', notes: 'Met at BNI.', profession: 'Lawyer' })
  })

  it('applies a choice per field: theirs for the city, both for the notes, mine for the name', async () => {
    const { ann, theirs } = await twoVersionsOfAnn()
    await app.call('files:mergeNetwork', {
      data: b64(theirs), fileName: 'friend.json', choices: { [ann.id]: { city: 'theirs', notes: 'both', name: 'mine' } },
    })
    expect(await app.call('people:get', { id: ann.id })).toMatchObject({ name: 'Ann Lee', city: 'York', notes: 'Met at BNI.\n\nLikes golf.' })
  })

  it('"take theirs" for all keeps the name and adds their notes below mine; a name is taken only when chosen', async () => {
    const { ann, theirs } = await twoVersionsOfAnn()
    await app.call('files:mergeNetwork', { data: b64(theirs), fileName: 'friend.json', onConflict: 'takeTheirs' })
    expect(await app.call('people:get', { id: ann.id })).toMatchObject({ name: 'Ann Lee', city: 'York', notes: 'Met at BNI.\n\nLikes golf.' })
    await app.call('files:mergeNetwork', { data: b64(theirs), fileName: 'friend.json', choices: { [ann.id]: { name: 'theirs' } } })
    expect((await app.call('people:get', { id: ann.id })).name).toBe('Ann Lee-Smith')
  })

  it('"both" is for notes only: a clear error naming the field, and nothing written', async () => {
    const { ann, theirs } = await twoVersionsOfAnn()
    const e = await app.fail('files:mergeNetwork', { data: b64(theirs), fileName: 'friend.json', choices: { [ann.id]: { city: 'both' } } })
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'choices' })
    expect(e.message).toMatch(/Only notes can keep both values \(city/)
    expect(await app.call('people:get', { id: ann.id })).toMatchObject({ city: 'Leeds', profession: null })
  })
})

describe('files:mergeNetwork messages name the user\'s file', () => {
  it('a damaged network file: its own name, no temp file, no raw checker output', async () => {
    await other.call('people:create', { name: 'Someone' })
    other.ctx.store.db.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = Buffer.from(readFileSync(other.ctx.store.file))
    // Damage a page past the header: SQLite opens it, the integrity check fails.
    const pageSize = bytes.readUInt16BE(16) || 65536
    for (let i = pageSize * 2; i < Math.min(bytes.length, pageSize * 3); i++) bytes[i] = 0x5a
    const e = await app.fail('files:mergeNetwork', { data: b64(bytes), fileName: 'chapter-2025.referralmap' })
    expect(e.code).toBe('INVALID_FILE')
    expect(e.message).toMatch(/^chapter-2025\.referralmap (is damaged|cannot be read as a network)/)
    expect(e.message).not.toMatch(/incoming|tmp|\*\*\*|Page \d|row \d|btree|database disk image/i)
  })

  it('a file that is not a network export: its own name in the message', async () => {
    const e = await app.fail('files:mergeNetwork', { data: b64('{"a":1}'), fileName: 'contacts-from-bob.json' })
    expect(e).toMatchObject({ code: 'INVALID_FILE', message: 'contacts-from-bob.json: This JSON file is not a Referral Map network export.' })
  })
})
