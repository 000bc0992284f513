/**
 * Child process for the kill-mid-import test: imports many people through the
 * real files service into the network file given as argv[2], printing
 * progress lines. The parent SIGKILLs it while the transaction is running.
 */
import { createHandlers, NetworkStore, type ServiceContext } from '../../../src/backend/services'
import { dispatch } from '../../../src/backend/dispatch'
import { dirname } from 'node:path'

const file = process.argv[2]!
const rows = Number(process.argv[3] ?? 200_000)
const ctx: ServiceContext = {
  store: new NetworkStore(file),
  dataDir: dirname(file),
  now: () => new Date('2026-06-15T10:00:00.000Z'),
  transport: 'ipc',
  version: '0.0.0-test',
}
const lines = ['Name,Company,Email,City,Notes']
for (let i = 0; i < rows; i++) lines.push(`Person ${i},Company ${i % 997},person${i}@example.com,City ${i % 50},"Some notes about person ${i}, long enough to fill pages"`)
const data = Buffer.from(lines.join('\n'), 'utf8').toString('base64')
process.stdout.write('READY\n')
void dispatch(createHandlers(ctx), 'files:commitImport', { kind: 'people', data }).then((r) => {
  process.stdout.write(r.ok ? 'DONE\n' : `FAILED ${JSON.stringify(r.error)}\n`)
  ctx.store.close()
})
