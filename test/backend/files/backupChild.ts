/**
 * Child process for the interrupted-backup test: loads the sample into the
 * network file given as argv[2], then starts a backup through the real files
 * service, one page per step, printing STEP once the backup file is being
 * written. The parent SIGKILLs it then.
 */
import { dirname } from 'node:path'
import { createHandlers, NetworkStore, type ServiceContext } from '../../../src/backend/services'
import { dispatch } from '../../../src/backend/dispatch'

const file = process.argv[2]!
const ctx: ServiceContext = {
  store: new NetworkStore(file),
  dataDir: dirname(file),
  now: () => new Date('2026-06-15T10:00:00.000Z'),
  transport: 'ipc',
  version: '0.0.0-test',
}
const handlers = createHandlers(ctx)
void (async () => {
  const loaded = await dispatch(handlers, 'app:loadSample', { seed: 2 })
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
  const db = ctx.store.db
  const backup = db.backup.bind(db)
  let said = false
  db.backup = (dest, opts) =>
    backup(dest, {
      ...opts,
      progress: () => {
        if (!said) process.stdout.write(`STEP ${String(dest)}\n`)
        said = true
        return 1
      },
    })
  const r = await dispatch(handlers, 'files:backupNow', {})
  process.stdout.write(r.ok ? 'DONE\n' : `FAILED ${JSON.stringify(r.error)}\n`)
})()
