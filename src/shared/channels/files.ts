import { z } from 'zod'
import { channel } from '../channel'
import { SETTINGS } from '../settings'

/** Contract slice for the files feature: import, export, backups, network files, merge. */

export const ImportKind = z.enum(['people', 'introductions', 'vcard', 'linkedin'])
export type ImportKind = z.infer<typeof ImportKind>
export const DuplicateDecision = z.enum(['merge', 'keep', 'skip'])
export type DuplicateDecision = z.infer<typeof DuplicateDecision>
export const ExportFormat = z.enum(['people-csv', 'people-csv-plain', 'introductions-csv', 'introductions-csv-plain', 'scorecards-csv', 'json', 'graphml', 'gexf', 'report-html'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** File bytes, base64 (the renderer reads the picked File; 50 MB at most). */
const FileData = z.string().max(70_000_000, 'The file is too large (50 MB at most).')
const Mapping = z.record(z.string().max(60), z.string().max(500).nullable())

const ImportInput = z
  .object({
    kind: ImportKind,
    data: FileData,
    fileName: z.string().max(500).optional(),
    mapping: Mapping.optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Read the file in this encoding instead of the detected one. */
    encoding: z.enum(['utf-8', 'windows-1252', 'macintosh', 'utf-16le', 'utf-16be']).optional(),
    /** Malformed quotes: 'report' makes their rows problems; 'text' reads the stray quotes as part of the cell. */
    quotes: z.enum(['report', 'text']).optional(),
  })
  .strict()

export interface ImportProblem {
  line: number
  column: string
  field: string
  reason: string
}

export interface DuplicateMatch {
  /** Line of the imported record. */
  line: number
  name: string
  existingId: string
  existingName: string
  existingCompany: string | null
  matchedOn: 'email' | 'name+company' | 'earlier row'
}

export interface ImportPreview {
  kind: ImportKind
  encoding: string
  /** Legacy (one byte) encodings: the first line with an accented character, as read, for the user to check. */
  encodingExample: { line: number; text: string } | null
  /** Cells to check that do not make a row invalid (e.g. a byte that is not UTF-8 in a UTF-8 file). */
  warnings: ImportProblem[]
  /** Cells with malformed quotes (their rows are problems unless read with quotes: 'text'). */
  quoteProblems: number
  /** The export layout recognised from the header (e.g. "Google Contacts"), if any. */
  layout: string | null
  /** Numeric dates in the file: the order found in unambiguous rows, 'ambiguous' when none tell, null when there are none. */
  dateOrderDetected: 'dmy' | 'mdy' | 'ambiguous' | null
  /** Amounts in the file: the decimal separator found, null when none tells. */
  decimalDetected: ',' | '.' | null
  delimiter: string | null
  header: string[]
  /** Lines before the header that were skipped (e.g. LinkedIn notes). */
  skippedLines: number
  fields: string[]
  mapping: Record<string, string | null>
  totalRows: number
  validRows: number
  /** First rows as read, with the problems of each (by column). */
  sample: { line: number; cells: string[]; problems: ImportProblem[]; warnings: ImportProblem[] }[]
  problems: ImportProblem[]
  duplicates: DuplicateMatch[]
  /** Introductions only: names/emails that match nobody (created when allowed). */
  unknownPeople: string[]
}

export interface ImportResult {
  created: number
  merged: number
  skipped: number
  duplicates: number
  introductionsCreated: number
  peopleCreatedForIntroductions: number
  invalidRows: number
  backup: string | null
}

export interface ImportStatus {
  phase: 'reading' | 'checking' | 'writing' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
}

export interface BackupInfo {
  name: string
  path: string
  size: number
  createdAt: string
  reason: string
}

export interface NetworkCounts {
  people: number
  introductions: number
  interactions: number
  groups: number
}

export interface MergeConflict {
  kind: 'person' | 'introduction' | 'group' | 'interaction' | 'task'
  id: string
  label: string
  fields: string[]
  /** Both values of each differing field, side by side (text as stored; null = empty). */
  values: { field: string; mine: string | null; theirs: string | null }[]
}

/** Per conflicting record (by its id), per field: keep mine (the default), take theirs, or both (notes only). */
export const MergeChoice = z.enum(['mine', 'theirs', 'both'])
export type MergeChoice = z.infer<typeof MergeChoice>

export interface MergeResult {
  applied: boolean
  peopleAdded: number
  peopleMatched: number
  introductionsAdded: number
  introductionsAlreadyThere: number
  groupsAdded: number
  interactionsAdded: number
  tasksAdded: number
  conflicts: MergeConflict[]
  backup: string | null
}

export interface NetworkFileInfo {
  file: string
  name: string
  recent: string[]
  /** Network files in the data folder (what can be opened by name). */
  available: string[]
  /** The desktop app: leaving out `name` shows the system's file dialog (full paths come only from it). */
  dialogs: boolean
}

/**
 * A network file: a plain file name in the app's data folder (both transports),
 * or, on the desktop, no name at all: the main process then shows the system's
 * dialog. A full path is never taken from the renderer.
 */
const FileName = z.string().max(1000)
const NetworkFileInput = z.object({ name: FileName.optional() }).strict().optional().default({})

export const filesChannels = {
  'files:export': channel<{ fileName: string; mimeType: string; text: string }>()(
    z
      .object({
        format: ExportFormat,
        graphPng: z.string().max(20_000_000).optional(),
      })
      .strict(),
  ),
  'files:previewImport': channel<ImportPreview>()(ImportInput),
  'files:commitImport': channel<ImportResult>()(
    ImportInput.extend({
      defaultDecision: DuplicateDecision.default('merge'),
      /** Per-duplicate choice, keyed by line number. */
      decisions: z.record(z.string().regex(/^\d+$/), DuplicateDecision).default({}),
      /** 'valid': import the valid rows and leave the rest; 'strict': any invalid row cancels the import. */
      mode: z.enum(['valid', 'strict']).default('strict'),
      allowCreatePeople: z.boolean().default(false),
      /** Client-chosen id to poll progress (files:importStatus) and cancel (files:cancelImport) with. */
      jobId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
    }).strict(),
  ),
  'files:importStatus': channel<ImportStatus | null>()(z.object({ jobId: z.string().max(64) }).strict()),
  'files:cancelImport': channel<{ cancelled: boolean }>()(z.object({ jobId: z.string().max(64) }).strict()),
  /** Merge another network (JSON export or .referralmap file) into this one. dryRun reports what would happen. */
  'files:mergeNetwork': channel<MergeResult>()(
    z
      .object({
        data: FileData,
        fileName: z.string().max(500),
        dryRun: z.boolean().default(false),
        onConflict: z.enum(['keepMine', 'takeTheirs']).default('keepMine'),
        /** Per-field choices by record id; a field not named keeps the onConflict default. */
        choices: z.record(z.string().max(100), z.record(z.string().max(60), MergeChoice)).default({}),
      })
      .strict(),
  ),
  'files:backupNow': channel<BackupInfo>()(z.object({}).strict().optional().default({})),
  'files:listBackups': channel<{ dir: string; keep: number; backups: BackupInfo[] }>()(z.object({}).strict().optional().default({})),
  /** The `files.keepBackups` setting (the registry in shared/settings.ts checks it; `settings:save {group: 'files'}` does the same). */
  'files:setKeepBackups': channel<{ keep: number }>()(z.object({ keep: SETTINGS['files.keepBackups'].schema }).strict()),
  'files:restorePreview': channel<{ backup: BackupInfo; current: NetworkCounts; inBackup: NetworkCounts }>()(
    z.object({ name: z.string().min(1).max(300) }).strict(),
  ),
  'files:restoreBackup': channel<{ restored: NetworkCounts; backup: string | null }>()(
    z.object({ name: z.string().min(1).max(300), confirm: z.literal(true, { error: 'Confirm the restore.' }) }).strict(),
  ),
  'files:network': channel<NetworkFileInfo>()(z.object({}).strict().optional().default({})),
  'files:openNetwork': channel<NetworkFileInfo>()(NetworkFileInput),
  'files:newNetwork': channel<NetworkFileInfo>()(NetworkFileInput),
  /** An existing file is replaced only with overwrite: true, which the UI sends after the user confirmed. */
  'files:saveCopy': channel<{ path: string; name: string; replaced: boolean }>()(
    z.object({ name: FileName.optional(), overwrite: z.boolean().default(false) }).strict().optional().default({ overwrite: false }),
  ),
}
