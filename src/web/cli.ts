import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { startWebBridge } from './server'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const dataDir = arg('data-dir')
if (!dataDir) {
  console.error('Usage: npm run preview:web -- --data-dir DIR [--port N]')
  process.exit(2)
}
const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }
const now = arg('now')
startWebBridge({
  dataDir: resolve(dataDir),
  port: arg('port') ? Number(arg('port')) : 0,
  ...(process.env.REFERRAL_MAP_TOKEN ? { token: process.env.REFERRAL_MAP_TOKEN } : {}),
  staticDir: resolve(root, 'out/web'),
  ...(now ? { now: new Date(now) } : {}),
  testClock: process.argv.includes('--test-clock'),
  version: pkg.version,
})
  .then((b) => {
    console.log(`Referral Map preview: ${b.url}`)
    const stop = () => void b.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  .catch((e: unknown) => {
    console.error(`Referral Map preview failed: ${(e as Error).message}`)
    process.exit(1)
  })
