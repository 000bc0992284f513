import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startE2E, type E2EApp } from './harness'

/** Files dropped on the window (ui/DropTarget.tsx), dispatched in the page with a real DataTransfer. */
const FIX = join(__dirname, '../fixtures')
let app: E2EApp

beforeAll(async () => {
  app = await startE2E({ now: '2026-06-15T10:00:00.000Z' })
  await app.api('app:startEmpty', { meName: 'Me Myself' })
  await app.reload()
  await app.page.getByRole('heading', { name: 'People', exact: true }).waitFor()
})
afterAll(async () => {
  await app?.close()
})

/** Dispatches `type` on the body with one file in its DataTransfer; returns whether the page prevented the default. */
function drag(type: 'dragenter' | 'dragover' | 'drop', name: string, bytes: Buffer = Buffer.from('x')): Promise<boolean> {
  return app.page.evaluate(
    ({ type, name, b64 }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name))
      const ev = new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true })
      document.body.dispatchEvent(ev)
      return ev.defaultPrevented
    },
    { type, name, b64: bytes.toString('base64') },
  )
}

it('a CSV dropped on the People screen opens Import/Export with its preview, and imports', async () => {
  const page = app.page
  const bytes = readFileSync(join(FIX, 'people-bom-crlf.csv'))
  expect(await drag('dragenter', 'people-bom-crlf.csv', bytes)).toBe(true)
  await page.getByText('Drop a CSV or vCard file to import it').waitFor()
  await app.screenshot('drop-overlay')
  expect(await drag('dragover', 'people-bom-crlf.csv', bytes)).toBe(true)
  expect(await drag('drop', 'people-bom-crlf.csv', bytes)).toBe(true)
  await page.getByRole('heading', { name: 'Import/Export' }).waitFor()
  await page.getByText('Preview: people-bom-crlf.csv').waitFor()
  expect(await page.getByText('Drop a CSV or vCard file to import it').count()).toBe(0)
  await app.screenshot('drop-import-preview')
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import finished.' }).innerText()).toMatch(/3 people added/)
  expect((await app.api<{ total: number }>('people:list', {})).total).toBe(4)
})

it('a .referralmap dropped in the browser asks, and sends to Network files to merge it', async () => {
  const page = app.page
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People', exact: true }).click()
  expect(await drag('drop', 'Chapter.referralmap')).toBe(true)
  const dialog = page.getByRole('dialog', { name: 'Open this network?' })
  await expect.poll(() => dialog.innerText()).toContain('use Merge a network under Import/Export › Network files and pick Chapter.referralmap there')
  await app.screenshot('drop-network-dialog')
  await dialog.getByRole('button', { name: 'Go to Network files' }).click()
  await page.getByRole('tab', { name: 'Network files', selected: true }).waitFor()
  await page.getByLabel('Network file').waitFor()
})

it('another kind of file is refused by name, and the page stays where it is', async () => {
  const page = app.page
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { name: 'Settings' }).first().waitFor()
  expect(await drag('drop', 'scan.pdf')).toBe(true)
  await page.getByText('scan.pdf cannot be imported: drop a CSV file, a vCard (.vcf) or a network file (.referralmap).').waitFor()
  expect(await page.getByRole('heading', { name: 'Settings' }).count()).toBeGreaterThan(0)
  expect(page.url()).not.toContain('scan.pdf')
})
