import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { SliceHandlers } from './types'
import type { filesChannels, ExportFormat, ImportStatus, MergeResult } from '../../shared/channels/files'
import { AppError } from '../../shared/errors'
import { toCsv } from '../../core/formats/csv'
import { base64ToBytes, decodeBytes } from '../../core/formats/encoding'
import { parseNetworkJson, stringifyNetwork, type NetworkJson } from '../../core/formats/network'
import { toGexf, toGraphml } from '../../core/formats/xml'
import { reportHtml } from '../../core/formats/report'
import { tx } from '../db/connection'
import {
  DryRun, exportNetwork, graphExport, INTRO_CSV_HEADER, introductionsCsvRows, mergeNetwork, networkCounts, partnerScores, PEOPLE_CSV_HEADER,
  peopleCsvRows, SCORECARD_CSV_HEADER, toThank,
} from '../db/files'
import { writeSetting } from '../db/settings'
import { nowIso, todayIso, type ServiceContext } from './context'
import { commitImport, mappingKey, prepareImportAsync, previewImport, strictCheck } from './files/import'
import {
  backupNow, backupsDir, cleanStaleFiles, hasDialogs, incomingFile, KEEP_BACKUPS_KEY, keepBackups, listBackups, networkFileFromName, networkInfo,
  newNetwork, openNetwork, restoreBackup, restorePreview, saveCopy, withBackup, withNetworkCopy,
} from './files/store'

const MIME: Record<ExportFormat, string> = {
  'people-csv': 'text/csv',
  'people-csv-plain': 'text/csv',
  'introductions-csv': 'text/csv',
  'introductions-csv-plain': 'text/csv',
  'scorecards-csv': 'text/csv',
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  'report-html': 'text/html',
}
const EXT: Record<ExportFormat, string> = {
  'people-csv': 'people.csv',
  'people-csv-plain': 'people-plain.csv',
  'introductions-csv': 'introductions.csv',
  'introductions-csv-plain': 'introductions-plain.csv',
  'scorecards-csv': 'scorecards.csv',
  json: 'network.json',
  graphml: 'graph.graphml',
  gexf: 'graph.gexf',
  'report-html': 'report.html',
}

function networkName(ctx: ServiceContext): string {
  return (ctx.store.file.split(/[\\/]/).pop() ?? 'network').replace(/\.[^.]+$/, '')
}

function mainCurrency(ctx: ServiceContext): string | null {
  const r = ctx.store.db
    .prepare("SELECT currency FROM introductions WHERE currency IS NOT NULL AND deleted_at IS NULL GROUP BY currency ORDER BY count(*) DESC LIMIT 1")
    .get() as { currency: string } | undefined
  return r?.currency ?? null
}

/** Builds an export as text (the renderer saves it; the desktop app may print the report to PDF). */
export function exportText(ctx: ServiceContext, format: ExportFormat, graphPng?: string): { fileName: string; mimeType: string; text: string } {
  const db = ctx.store.db
  const fileName = `${networkName(ctx)}-${todayIso(ctx)}-${EXT[format]}`
  const out = (text: string) => ({ fileName, mimeType: MIME[format], text })
  switch (format) {
    case 'people-csv':
      return out(toCsv(PEOPLE_CSV_HEADER, peopleCsvRows(db)))
    case 'introductions-csv':
      return out(toCsv(INTRO_CSV_HEADER, introductionsCsvRows(db)))
    // Plain RFC 4180 for databases and scripts: no BOM, no apostrophe before + - = @ (phones, negative numbers stay as stored).
    case 'people-csv-plain':
      return out(toCsv(PEOPLE_CSV_HEADER, peopleCsvRows(db), { bom: false, neutralize: false }))
    case 'introductions-csv-plain':
      return out(toCsv(INTRO_CSV_HEADER, introductionsCsvRows(db), { bom: false, neutralize: false }))
    case 'scorecards-csv':
      return out(
        toCsv(
          SCORECARD_CSV_HEADER,
          partnerScores(db).map((s) => {
            const decided = s.won + s.lost
            return [s.name, s.company, s.given, s.won, s.lost, s.open, decided ? Math.round((s.won / decided) * 100) : null, s.won_value / 100, s.received, s.last_date]
          }),
        ),
      )
    case 'json':
      return out(stringifyNetwork(exportNetwork(db, nowIso(ctx))))
    case 'graphml':
      return out(toGraphml(graphExport(db)))
    case 'gexf':
      return out(toGexf(graphExport(db), todayIso(ctx)))
    case 'report-html':
      return out(buildReport(ctx, graphPng))
  }
}

export function buildReport(ctx: ServiceContext, graphPng?: string): string {
  const db = ctx.store.db
  const counts = networkCounts(db)
  const scores = partnerScores(db)
  const given = scores.reduce((a, s) => a + s.given, 0)
  const won = scores.reduce((a, s) => a + s.won, 0)
  const decided = scores.reduce((a, s) => a + s.won + s.lost, 0)
  const wonValue = scores.reduce((a, s) => a + s.won_value, 0)
  const cur = mainCurrency(ctx)
  const fmt = (minor: number) => (cur ? `${cur} ` : '') + (minor / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })
  return reportHtml({
    networkName: networkName(ctx),
    generatedOn: todayIso(ctx),
    currency: cur,
    figures: [
      { label: 'People', value: String(counts.people) },
      { label: 'Introductions', value: String(counts.introductions) },
      { label: 'Partners who introduced you', value: String(scores.filter((s) => s.given > 0).length) },
      { label: 'Introductions to you', value: String(given) },
      { label: 'Won', value: String(won) },
      { label: 'Conversion (won of decided)', value: decided ? `${Math.round((won / decided) * 100)}%` : '–' },
      { label: 'Won value', value: fmt(wonValue) },
    ],
    leaderboard: scores
      .filter((s) => s.given > 0)
      .slice(0, 25)
      .map((s) => ({
        name: s.name, company: s.company, introductions: s.given, won: s.won, wonValueMinor: s.won_value,
        conversion: s.won + s.lost ? s.won / (s.won + s.lost) : null,
      })),
    toThank: toThank(db).map((t) => ({ partner: t.partner, prospect: t.prospect, date: t.date, valueMinor: t.value_minor })),
    graphPng: graphPng ?? null,
  })
}

/** Reads another network from bytes: the JSON export, or a .referralmap (SQLite) file. */
export function readNetworkBytes(ctx: ServiceContext, data: string, fileName: string): NetworkJson {
  const bytes = base64ToBytes(data)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16))
  if (head.startsWith('SQLite format 3')) {
    const tmp = incomingFile(ctx)
    try {
      writeFileSync(tmp.path, bytes)
      // Messages name the user's file, not the temporary copy.
      return withNetworkCopy(ctx, tmp.path, (db) => exportNetwork(db, nowIso(ctx)), fileName)
    } finally {
      tmp.done()
    }
  }
  if (bytes.length === 0) throw new AppError('INVALID_FILE', `${fileName} is empty.`, 'data')
  return parseNetworkJson(decodeBytes(bytes).text)
}

/**
 * The network file a files:openNetwork/newNetwork/saveCopy call means: a name
 * typed in the app (checked, in the data folder), or on the desktop, when no
 * name is given, the path the user picked in the dialog the main process showed.
 */
async function chosenFile(ctx: ServiceContext, name: string | undefined, purpose: 'open' | 'new' | 'saveCopy'): Promise<{ file: string; picked: boolean }> {
  if (name !== undefined) return { file: networkFileFromName(ctx, name, purpose !== 'open'), picked: false }
  if (!hasDialogs(ctx)) throw new AppError('VALIDATION', 'Give a file name (a network in the data folder).', 'name')
  const suggested = purpose === 'saveCopy' ? `${networkName(ctx)}-copy.referralmap` : purpose === 'new' ? 'network.referralmap' : ''
  const picked = await ctx.chooseNetworkFile!(purpose, suggested)
  if (!picked) throw new AppError('CANCELLED', 'Cancelled; no file was opened or written.')
  return { file: picked, picked: true }
}

export function filesHandlers(ctx: ServiceContext): SliceHandlers<typeof filesChannels> {
  const db = () => ctx.store.db
  // What interrupted backups, restores and merges of an earlier run left behind.
  cleanStaleFiles(ctx)
  const jobs = new Map<string, ImportStatus & { cancelled: boolean }>()
  return {
    'files:export': ({ format, graphPng }) => exportText(ctx, format, graphPng),
    'files:previewImport': (input) => previewImport(db(), input),
    'files:commitImport': async (input) => {
      const job = { phase: 'reading' as ImportStatus['phase'], done: 0, total: 0, cancelled: false }
      if (input.jobId) jobs.set(input.jobId, job)
      try {
        // Read and check the file in chunks (progress can be polled, cancel works until writing starts).
        const prepared = await prepareImportAsync(db(), input, job)
        // What is already known to fail is refused before a backup is written (the check commitImport makes first;
        // introductions find more problems while resolving people, so only their mapping is checked here).
        strictCheck(input.kind === 'introductions' ? prepared.problems.filter((x) => x.column === '(mapping)') : prepared.problems, input.mode)
        // The backup is removed again if the import fails (nothing was written), and old ones are pruned only after success.
        const result = await withBackup(ctx, 'before-import', (backup) => {
          if (job.cancelled) throw new AppError('CANCELLED', 'The import was cancelled; nothing was written.')
          job.phase = 'writing'
          // One transaction: a strict import with problems throws inside it and nothing is written.
          const r = tx(db(), () => {
            const r = commitImport(db(), input, input, ctx.now(), prepared)
            if (input.kind !== 'vcard') writeSetting(db(), mappingKey(input.kind), prepared.mapping, nowIso(ctx))
            return r
          })
          return { ...r, backup: backup.name }
        })
        job.phase = 'done'
        job.done = job.total
        return result
      } catch (e) {
        job.phase = job.cancelled ? 'cancelled' : 'failed'
        throw e
      } finally {
        if (input.jobId) setTimeout(() => jobs.delete(input.jobId!), 60_000).unref?.()
      }
    },
    'files:importStatus': ({ jobId }) => {
      const j = jobs.get(jobId)
      return j ? { phase: j.phase, done: j.done, total: j.total } : null
    },
    'files:cancelImport': ({ jobId }) => {
      const j = jobs.get(jobId)
      if (!j || j.phase === 'writing' || j.phase === 'done') return { cancelled: false }
      j.cancelled = true
      return { cancelled: true }
    },
    'files:mergeNetwork': async ({ data, fileName, dryRun, onConflict, choices }) => {
      const incoming = readNetworkBytes(ctx, data, fileName)
      const run = (): MergeResult => mergeNetwork(db(), incoming, { onConflict, choices, now: nowIso(ctx) })
      if (dryRun) {
        try {
          tx(db(), () => {
            throw new DryRun(run())
          })
        } catch (e) {
          if (e instanceof DryRun) return { ...e.result, applied: false }
          throw e
        }
      }
      return withBackup(ctx, 'before-merge', (backup) => ({ ...tx(db(), run), backup: backup.name }))
    },
    'files:backupNow': () => backupNow(ctx, 'manual'),
    'files:listBackups': () => ({ dir: backupsDir(ctx), keep: keepBackups(ctx), backups: listBackups(ctx) }),
    'files:setKeepBackups': ({ keep }) => {
      tx(db(), () => writeSetting(db(), KEEP_BACKUPS_KEY, keep, nowIso(ctx), 'keep'))
      return { keep }
    },
    'files:restorePreview': ({ name }) => restorePreview(ctx, name),
    'files:restoreBackup': ({ name }) => restoreBackup(ctx, name),
    'files:network': () => networkInfo(ctx),
    'files:openNetwork': async ({ name }) => openNetwork(ctx, (await chosenFile(ctx, name, 'open')).file),
    'files:newNetwork': async ({ name }) => newNetwork(ctx, (await chosenFile(ctx, name, 'new')).file),
    'files:saveCopy': async ({ name, overwrite }) => {
      const { file, picked } = await chosenFile(ctx, name, 'saveCopy')
      // The system's save dialog asks before replacing a file; a typed name needs the UI's own confirmation (overwrite).
      const r = await saveCopy(ctx, file, { overwrite: picked || overwrite })
      return { ...r, name: basename(r.path) }
    },
  }
}

