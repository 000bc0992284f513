import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { SliceHandlers } from '../types'
import type { filesChannels, ExportFormat, ImportStatus, MergeResult } from '../../../shared/channels/files'
import { AppError } from '../../../shared/errors'
import { toCsv } from '../../../core/formats/csv'
import { base64ToBytes, decodeBytes } from '../../../core/formats/encoding'
import { parseNetworkJson, stringifyNetwork, type NetworkJson } from '../../../core/formats/network'
import { toGexf, toGraphml } from '../../../core/formats/xml'
import { reportHtml } from '../../../core/formats/report'
import { tx } from '../../db/connection'
import {
  DryRun, exportNetwork, graphExport, INTRO_CSV_HEADER, introductionsCsvRows, mergeNetwork, PEOPLE_CSV_HEADER, peopleCsvRows,
} from '../../db/files'
import { reportData, reportLocale, scorecardsCsv } from '../analytics'
import { writeSetting } from '../../db/settings'
import { nowIso, todayIso, type ServiceContext } from '../context'
import { commitImport, mappingKey, prepareImportAsync, previewImport, strictCheck } from './import'
import {
  backupNow, backupsDir, cleanStaleFiles, hasDialogs, incomingFile, KEEP_BACKUPS_KEY, keepBackups, listBackups, networkFileFromName, networkInfo,
  newNetwork, openNetwork, restoreBackup, restorePreview, saveCopy, withBackup, withNetworkCopy,
} from './store'

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
      // One source: the analytics service's rows, order and columns (all time).
      return out(scorecardsCsv(ctx, db, { period: { preset: 'all' } }).csv)
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

/** The printable report: its data comes from the analytics service (one source with Reports and the CSV). */
export function buildReport(ctx: ServiceContext, graphPng?: string): string {
  const locale = reportLocale(ctx.store.db)
  return reportHtml(reportData(ctx, ctx.store.db, networkName(ctx), graphPng, locale), locale)
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
  try {
    return parseNetworkJson(decodeBytes(bytes).text)
  } catch (e) {
    // Name the user's file in what they read.
    if (e instanceof AppError && e.code === 'INVALID_FILE') throw new AppError('INVALID_FILE', `${fileName}: ${e.message}`, 'data')
    throw e
  }
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

