/**
 * `npm run bench [-- --quick]`: runs every module in bench/*.ts in name order and
 * prints one table (case | size | value | note) under a header naming the machine.
 * A bench module default-exports
 *   run(env: { tmpDir, quick, log }) => Promise<{ case, size, value, note? }[]>
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BenchRow {
  case: string
  size: string
  value: string
  note?: string
}
export interface BenchEnv {
  tmpDir: string
  quick: boolean
  log: (s: string) => void
}
type BenchModule = { default: (env: BenchEnv) => Promise<BenchRow[]> }

const root = resolve(import.meta.dirname, '..')
const quick = process.argv.includes('--quick')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)

function machine(): string {
  const cpu = cpus()
  const model = (cpu[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim()
  const ram = Math.round(totalmem() / 2 ** 30)
  return `${model}, ${cpu.length} cores, ${ram} GiB RAM, ${osType()} ${release()}, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ', --quick' : ''}`
}

export function formatTable(rows: BenchRow[]): string {
  const head: BenchRow = { case: 'case', size: 'size', value: 'value', note: 'note' }
  const all = [head, ...rows]
  const w = (k: keyof BenchRow) => Math.max(...all.map((r) => (r[k] ?? '').length))
  const widths = { case: w('case'), size: w('size'), value: w('value'), note: w('note') }
  const line = (r: BenchRow) =>
    `| ${r.case.padEnd(widths.case)} | ${r.size.padEnd(widths.size)} | ${r.value.padStart(r === head ? 0 : widths.value).padEnd(widths.value)} | ${(r.note ?? '').padEnd(widths.note)} |`
  const sep = `|${'-'.repeat(widths.case + 2)}|${'-'.repeat(widths.size + 2)}|${'-'.repeat(widths.value + 1)}:|${'-'.repeat(widths.note + 2)}|`
  return [line(head), sep, ...rows.map(line)].join('\n')
}

async function main(): Promise<void> {
  const dir = join(root, 'bench')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .filter((f) => !only || f.replace(/\.ts$/, '') === only)
    .sort()
  const rows: BenchRow[] = []
  const started = Date.now()
  console.log(`Referral Map bench: ${machine()}`)
  for (const f of files) {
    const tmpDir = mkdtempSync(join(tmpdir(), `referral-map-bench-${f.replace(/\.ts$/, '')}-`))
    const log = (s: string) => console.error(`[${f}] ${s}`)
    try {
      const mod = (await import(pathToFileURL(join(dir, f)).href)) as Partial<BenchModule>
      // A module without a default run() is a helper the benches share (synthetic.ts), not a bench.
      if (typeof mod.default !== 'function') continue
      rows.push(...(await mod.default({ tmpDir, quick, log })))
    } catch (e) {
      rows.push({ case: f, size: '-', value: 'failed', note: (e as Error).message.slice(0, 120) })
      process.exitCode = 1
    } finally {
      rmSync(tmpDir, { recursive: true, force: true })
    }
  }
  console.log('')
  console.log(formatTable(rows))
  console.log('')
  console.log(`(${files.length} bench module${files.length === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main()
