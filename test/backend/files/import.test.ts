import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../helpers/ctx'
import { planPeople, prepareImport } from '../../../src/backend/services/files/import'

const FIX = join(__dirname, '../../fixtures')
const b64 = (f: string) => readFileSync(join(FIX, f)).toString('base64')
const b64text = (s: string) => Buffer.from(s, 'utf8').toString('base64')

let app: TestApp
beforeEach(() => {
  app = createTestApp()
})
afterEach(() => app.close())

const count = (sql: string) => (app.ctx.store.db.prepare(sql).get() as { n: number }).n

describe('files:previewImport', () => {
  it.each([
    ['people-bom-crlf.csv', 'people', 'utf-8-bom', ',', 3],
    ['people-semicolon.csv', 'people', 'utf-8', ';', 3],
    ['people-utf16.csv', 'people', 'utf-16le', '\t', 2],
    ['people-cp1252.csv', 'people', 'windows-1252', ',', 2],
    ['linkedin-connections.csv', 'linkedin', 'utf-8', ',', 3],
  ] as const)('%s: detects encoding and delimiter and reads every row', async (file, kind, encoding, delimiter, rows) => {
    const p = await app.call('files:previewImport', { kind, data: b64(file) })
    expect(p.encoding).toBe(encoding)
    expect(p.delimiter).toBe(delimiter)
    expect(p.totalRows).toBe(rows)
    expect(p.validRows).toBe(rows)
    expect(p.problems).toEqual([])
  })

  it('reads the text right: accents, quoted newlines, Windows-1252 punctuation, CJK in UTF-16', async () => {
    const bom = await app.call('files:previewImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    expect(bom.sample[0]?.cells[7]).toBe('Met at the chamber breakfast.\nPrefers WhatsApp.')
    expect(bom.sample[2]?.cells[0]).toBe('Chloé "Coco" Dupont')
    const cp = await app.call('files:previewImport', { kind: 'people', data: b64('people-cp1252.csv') })
    expect(cp.sample[0]?.cells).toEqual(['René Müller', 'Café Müller', 'Sells €500 cakes ’daily’'])
    const u16 = await app.call('files:previewImport', { kind: 'people', data: b64('people-utf16.csv') })
    expect(u16.sample[1]?.cells).toEqual(['李雷', '雷氏贸易', 'li@lei.example', '上海'])
  })

  it('lists bad rows with line, column and reason', async () => {
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-bad-rows.csv') })
    expect(p.totalRows).toBe(5)
    expect(p.validRows).toBe(2)
    expect(p.problems.map((x) => [x.line, x.column, x.reason])).toEqual([
      [3, 'Name', 'No name.'],
      [4, 'Email', 'Not an email address.'],
      [6, 'Website', 'Not a web address.'],
    ])
    expect(p.sample.find((s) => s.line === 4)?.problems[0]?.field).toBe('email')
  })

  it('refuses files it cannot read with a typed error', async () => {
    expect((await app.fail('files:previewImport', { kind: 'people', data: '' })).code).toBe('INVALID_FILE')
    expect((await app.fail('files:previewImport', { kind: 'vcard', data: b64text('just text') })).code).toBe('INVALID_FILE')
  })
})

describe('files:commitImport', () => {
  it('imports people, takes a backup first, and a second import of the same file changes nothing', async () => {
    const r1 = await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    expect(r1).toMatchObject({ created: 3, merged: 0 })
    expect(r1.backup).toMatch(/before-import\.referralmap$/)
    const people = await app.call('people:list', {})
    expect(people.items.map((p) => p.name)).toEqual(['Björn Ødegaard', 'Chloé "Coco" Dupont', 'Zoë Martín'])
    const zoe = await app.call('people:get', { id: people.items[2]!.id })
    expect(zoe).toMatchObject({ company: 'Martín & Hijos, S.L.', city: 'Sevilla', tags: ['accountant', 'BNI Centro'], notes: 'Met at the chamber breakfast.\nPrefers WhatsApp.' })
    const before = app.ctx.store.db.prepare('SELECT * FROM people ORDER BY id').all()
    app.setNow('2026-06-16T10:00:00.000Z')
    const r2 = await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    expect(r2).toMatchObject({ created: 0, merged: 0, duplicates: 3 })
    expect(app.ctx.store.db.prepare('SELECT * FROM people ORDER BY id').all()).toEqual(before)
  })

  it('a big import into a small network rebuilds the indexes once, and every index and trigger is there afterwards', async () => {
    const indexes = () =>
      app.ctx.store.db
        .prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name IN ('people', 'person_tags') ORDER BY name")
        .all()
    const before = indexes()
    const lines = ['Name,Email,Tags']
    for (let i = 0; i < 6000; i++) lines.push(`Person ${i},p${i}@example.com,t${i % 7};all`)
    const r = await app.call('files:commitImport', { kind: 'people', data: b64text(lines.join('\n')) })
    expect(r).toMatchObject({ created: 6000 })
    expect(indexes()).toEqual(before)
    expect(before.some((x) => (x as { name: string }).name === 'analytics_me_insert')).toBe(true)
    expect(count('SELECT count(*) AS n FROM person_tags')).toBe(12000)
    expect(app.ctx.store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // The lists still read through the name index, and find the new people.
    const page = await app.call('people:list', { search: 'Person 5999' })
    expect(page.items.map((p) => p.name)).toEqual(['Person 5999'])
    const plan = app.ctx.store.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM people WHERE deleted_at IS NULL ORDER BY name_key, id LIMIT 50").all() as { detail: string }[]
    expect(plan.map((x) => x.detail).join(' ')).toMatch(/people_by_name/)
  })

  it('matches duplicates by email or name + company (case and accents ignored) and applies merge / keep both / skip', async () => {
    await app.call('people:create', { name: 'ZOE MARTIN', company: 'martin & hijos, s.l.' })
    await app.call('people:create', { name: 'Someone Else', email: 'BJORN@fjord.example' })
    const p = await app.call('files:previewImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    expect(p.duplicates.map((d) => [d.line, d.matchedOn, d.existingName])).toEqual([
      [2, 'name+company', 'ZOE MARTIN'],
      [4, 'email', 'Someone Else'],
    ])
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv'), decisions: { '2': 'merge', '4': 'skip' } })
    expect(r).toMatchObject({ created: 1, merged: 1, skipped: 1 })
    const list = await app.call('people:list', {})
    expect(list.total).toBe(3)
    const zoe = await app.call('people:get', { id: list.items.find((x) => x.name === 'ZOE MARTIN')!.id })
    // Merge fills blanks only: the stored name and company stay as they were.
    expect(zoe).toMatchObject({ name: 'ZOE MARTIN', company: 'martin & hijos, s.l.', email: 'zoe@martin.example', city: 'Sevilla' })
    const keep = await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv'), defaultDecision: 'keep' })
    expect(keep.created).toBe(3)
    expect((await app.call('people:list', {})).total).toBe(6)
  })

  it('folds rows of the file that repeat an earlier one (email in any case, or name + company without accents) into it', async () => {
    const csv = ['Name,Company,Email,City,Tags', 'Zoë Martín,Hijos,ZOE@x.example,,a', 'zoe martin,HIJOS,,Sevilla,b;A', 'Other,,zoe@x.example,Madrid,c', 'Ann,,,,'].join('\n')
    const db = app.ctx.store.db
    // Planning leaves the records it was given as they were (the first fold copies the earlier record).
    const prepared = prepareImport(db, { kind: 'people', data: b64text(csv) })
    const records = structuredClone(prepared.people)
    const plan = planPeople(db, prepared.people, { defaultDecision: 'merge', decisions: {} })
    expect(prepared.people).toEqual(records)
    expect(plan.creates.map((c) => [c.name, c.city, c.tags])).toEqual([['Zoë Martín', 'Sevilla', ['a', 'b', 'c']], ['Ann', null, []]])
    expect(plan.folded).toBe(2)

    const r = await app.call('files:commitImport', { kind: 'people', data: b64text(csv) })
    expect(r).toMatchObject({ created: 2, merged: 0, duplicates: 2 })
    const list = await app.call('people:list', {})
    const zoe = await app.call('people:get', { id: list.items.find((p) => p.name === 'Zoë Martín')!.id })
    expect(zoe).toMatchObject({ company: 'Hijos', email: 'ZOE@x.example', city: 'Sevilla' })
    expect([...zoe.tags].sort()).toEqual(['a', 'b', 'c'])
  })

  it('is all-or-nothing: a file with bad rows imports nothing unless the valid rows are chosen', async () => {
    const err = await app.fail('files:commitImport', { kind: 'people', data: b64('people-bad-rows.csv') })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/3 rows have problems; nothing was imported/)
    expect((err.details as { problems: { line: number }[] }).problems.map((p) => p.line)).toEqual([3, 4, 6])
    expect(count('SELECT count(*) AS n FROM people')).toBe(0)
    const r = await app.call('files:commitImport', { kind: 'people', data: b64('people-bad-rows.csv'), mode: 'valid' })
    expect(r).toMatchObject({ created: 2, invalidRows: 3 })
  })

  it('remembers the mapping for the next import', async () => {
    const csv = b64text('Who,Firm\nAnn,Acme\n')
    await app.call('files:commitImport', { kind: 'people', data: csv, mapping: { name: 'Who', company: 'Firm' } })
    const p = await app.call('files:previewImport', { kind: 'people', data: b64text('Who,Firm,Extra\nBob,B\n') })
    expect(p.mapping).toMatchObject({ name: 'Who', company: 'Firm' })
  })

  it('imports introductions by name or email, creating missing people only when allowed, and twice changes nothing', async () => {
    await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    const strict = await app.fail('files:commitImport', { kind: 'introductions', data: b64('introductions.csv') })
    expect(strict.message).toMatch(/5 rows have problems; nothing was imported/)
    expect(count('SELECT count(*) AS n FROM introductions') + count('SELECT count(*) AS n FROM people')).toBe(3)
    const preview = await app.call('files:previewImport', { kind: 'introductions', data: b64('introductions.csv') })
    expect(preview.unknownPeople).toEqual(['Harbor Hotel', 'Grace Kim', 'New Partner', 'Lina Park'])
    const r = await app.call('files:commitImport', { kind: 'introductions', data: b64('introductions.csv'), mode: 'valid', allowCreatePeople: true })
    expect(r).toMatchObject({ introductionsCreated: 3, peopleCreatedForIntroductions: 4, invalidRows: 2 })
    const list = await app.call('introductions:list', { sort: 'date', dir: 'asc' })
    expect(list.items.map((i) => [i.date, i.referrerName, i.receiverName, i.prospectName, i.status, i.value])).toEqual([
      ['2026-01-10', 'Zoë Martín', 'Björn Ødegaard', 'Harbor Hotel', 'won', 1250],
      ['2026-02-03', 'Björn Ødegaard', 'Zoë Martín', 'Grace Kim', 'contacted', null],
      ['2026-02-14', 'Zoë Martín', 'New Partner', 'Lina Park', 'new', null],
    ])
    const won = await app.call('introductions:get', { id: list.items[0]!.id })
    expect(won.history.map((h) => h.status)).toEqual(['new', 'won'])
    const again = await app.call('files:commitImport', { kind: 'introductions', data: b64('introductions.csv'), mode: 'valid', allowCreatePeople: true })
    expect(again).toMatchObject({ introductionsCreated: 0, peopleCreatedForIntroductions: 0, duplicates: 3 })
    expect(count('SELECT count(*) AS n FROM introductions')).toBe(3)
  })

  it('imports vCard and LinkedIn contacts', async () => {
    const v = await app.call('files:commitImport', { kind: 'vcard', data: b64('contacts.vcf'), mode: 'valid' })
    expect(v).toMatchObject({ created: 4, invalidRows: 0 }) // the company-only card is a company's card now (issue 13)
    const li = await app.call('files:commitImport', { kind: 'linkedin', data: b64('linkedin-connections.csv') })
    expect(li.created).toBe(3)
    const list = await app.call('people:list', { search: 'Priya' })
    const priya = await app.call('people:get', { id: list.items[0]!.id })
    expect(priya).toMatchObject({ name: 'Priya Raman', company: 'Raman Consulting', profession: 'Founder', howMet: 'LinkedIn, connected 12 Mar 2024', website: 'https://www.linkedin.com/in/priyaraman' })
  })

  it('exported people CSV imports back into a fresh network unchanged', async () => {
    await app.call('files:commitImport', { kind: 'people', data: b64('people-bom-crlf.csv') })
    await app.call('files:commitImport', { kind: 'vcard', data: b64('contacts.vcf'), mode: 'valid' })
    const ex = await app.call('files:export', { format: 'people-csv' })
    expect(ex.text.startsWith('\uFEFFName,Company')).toBe(true)
    expect(ex.text).toContain(`"'=HYPERLINK(""http://evil"")"`)
    const other = createTestApp()
    try {
      await other.call('files:commitImport', { kind: 'people', data: Buffer.from(ex.text, 'utf8').toString('base64') })
      const fields = (a: TestApp) =>
        a.ctx.store.db.prepare('SELECT name, company, profession, email, phone, city, notes FROM people ORDER BY name_key').all()
      expect(fields(other)).toEqual(fields(app))
      const again = await other.call('files:export', { format: 'people-csv' })
      const strip = (t: string) => t.split('\r\n').map((l) => l.replace(/,[0-9a-f-]{36}$/, ''))
      expect(strip(again.text)).toEqual(strip(ex.text))
    } finally {
      other.close()
    }
  })
})

describe('progress and cancel', () => {
  const big = (n: number) => {
    const lines = ['Name,Email']
    for (let i = 0; i < n; i++) lines.push(`Person ${i},p${i}@example.com`)
    return b64text(lines.join('\n'))
  }

  it('reports progress while checking rows and can be cancelled before writing, leaving nothing behind', async () => {
    const pending = app.fail('files:commitImport', { kind: 'people', data: big(20_000), jobId: 'job-1' })
    await new Promise((r) => setImmediate(r))
    const st = await app.call('files:importStatus', { jobId: 'job-1' })
    expect(st).toMatchObject({ phase: 'checking', total: 20_000 })
    expect(st!.done).toBeGreaterThan(0)
    expect(st!.done).toBeLessThan(20_000)
    expect(await app.call('files:cancelImport', { jobId: 'job-1' })).toEqual({ cancelled: true })
    const err = await pending
    expect(err.code).toBe('CANCELLED')
    expect(count('SELECT count(*) AS n FROM people')).toBe(0)
    expect((await app.call('files:importStatus', { jobId: 'job-1' }))?.phase).toBe('cancelled')
  })

  it('a finished import reports done', async () => {
    const r = await app.call('files:commitImport', { kind: 'people', data: big(5000), jobId: 'job-2' })
    expect(r.created).toBe(5000)
    expect(await app.call('files:importStatus', { jobId: 'job-2' })).toEqual({ phase: 'done', done: 5000, total: 5000 })
    expect(await app.call('files:cancelImport', { jobId: 'job-2' })).toEqual({ cancelled: false })
    expect(await app.call('files:importStatus', { jobId: 'nope' })).toBeNull()
  })
})
