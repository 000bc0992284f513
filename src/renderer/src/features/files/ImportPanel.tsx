import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { DuplicateDecision, ImportKind, ImportPreview, ImportProblem, ImportResult, ImportStatus } from '../../../../shared/channels/files'
import { ApiError, Badge, Button, Card, Checkbox, Select, call, errorMessage } from '../../ui'
import { DROPPED_FILE_EVENT, droppedKind, takeDroppedImport } from '../../ui/DropTarget'
import { DELIMITER_LABELS, ENCODING_LABELS, FIELD_LABELS, readFileBase64 } from './util'

type Encoding = 'utf-8' | 'windows-1252' | 'macintosh' | 'utf-16le' | 'utf-16be'
type Delimiter = ',' | ';' | '\t' | '|'
/** How the file is read: chosen by the user in the preview, sent again with the import. */
interface ReadOptions {
  encoding?: Encoding
  delimiter?: Delimiter
  quotes?: 'report' | 'text'
}

const ENCODING_CHOICES: Encoding[] = ['utf-8', 'windows-1252', 'macintosh', 'utf-16le', 'utf-16be']
const DATE_ORDER = '@dateOrder'
const DECIMAL = '@decimal'

const KINDS: { value: ImportKind; label: string; accept: string }[] = [
  { value: 'people', label: 'People (CSV)', accept: '.csv,.tsv,.txt,text/csv' },
  { value: 'introductions', label: 'Introductions (CSV)', accept: '.csv,.tsv,.txt,text/csv' },
  { value: 'vcard', label: 'Contacts (vCard .vcf)', accept: '.vcf,.vcard,text/vcard' },
  { value: 'linkedin', label: 'LinkedIn connections (Connections.csv)', accept: '.csv,text/csv' },
]

const DECISIONS: { value: DuplicateDecision; label: string }[] = [
  { value: 'merge', label: 'Merge (fill in blanks)' },
  { value: 'keep', label: 'Keep both' },
  { value: 'skip', label: 'Skip' },
]

interface Loaded {
  name: string
  data: string
}

export function ImportPanel() {
  const qc = useQueryClient()
  const [kind, setKind] = useState<ImportKind>('people')
  const [file, setFile] = useState<Loaded | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null)
  const [read, setRead] = useState<ReadOptions>({})
  const [defaultDecision, setDefaultDecision] = useState<DuplicateDecision>('merge')
  const [decisions, setDecisions] = useState<Record<string, DuplicateDecision>>({})
  const [allowCreate, setAllowCreate] = useState(false)
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [errorProblems, setErrorProblems] = useState<ImportProblem[]>([])
  const [result, setResult] = useState<ImportResult | null>(null)
  const [progress, setProgress] = useState<ImportStatus | null>(null)
  const jobRef = useRef<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [dropped, setDropped] = useState(false)

  async function runPreview(k: ImportKind, f: Loaded, m: Record<string, string | null> | null, r: ReadOptions = read) {
    setBusy('reading')
    setError(null)
    setErrorProblems([])
    try {
      const p = await call('files:previewImport', { kind: k, data: f.data, fileName: f.name, ...(m ? { mapping: m } : {}), ...r })
      setPreview(p)
      setMapping(p.mapping)
    } catch (e) {
      setPreview(null)
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  async function onFile(f: File | undefined, k: ImportKind = kind) {
    setResult(null)
    setDecisions({})
    if (!f) return
    const loaded = { name: f.name, data: await readFileBase64(f) }
    setFile(loaded)
    setRead({})
    await runPreview(k, loaded, null, {})
  }

  // A CSV or vCard file dropped on the window (ui/DropTarget): preview it as if picked here; a .vcf switches to contacts,
  // a CSV keeps the chosen kind unless that was vCard.
  const onFileRef = useRef(onFile)
  onFileRef.current = onFile
  const kindRef = useRef(kind)
  kindRef.current = kind
  const importingRef = useRef(false)
  importingRef.current = busy === 'importing'
  useEffect(() => {
    const pickUp = () => {
      const f = takeDroppedImport()
      if (!f) return
      if (importingRef.current) {
        setError(`${f.name} was not opened: an import is running. Drop it again when it has finished.`)
        return
      }
      const k: ImportKind = droppedKind(f.name) === 'vcard' ? 'vcard' : kindRef.current === 'vcard' ? 'people' : kindRef.current
      setKind(k)
      if (inputRef.current) inputRef.current.value = ''
      setDropped(true)
      void onFileRef.current(f, k)
    }
    pickUp()
    window.addEventListener(DROPPED_FILE_EVENT, pickUp)
    return () => window.removeEventListener(DROPPED_FILE_EVENT, pickUp)
  }, [])

  function changeKind(k: ImportKind) {
    setKind(k)
    setResult(null)
    if (file) void runPreview(k, file, null)
  }

  /** Read the file again another way (encoding, delimiter, stray quotes); the mapping is proposed again for the new header. */
  function changeRead(next: ReadOptions) {
    if (!file) return
    setRead(next)
    void runPreview(kind, file, next.delimiter !== read.delimiter ? null : mapping, next)
  }

  function changeMapping(field: string, column: string) {
    if (!file || !mapping) return
    const next = { ...mapping, [field]: column === '' ? null : column }
    setMapping(next)
    void runPreview(kind, file, next)
  }

  async function commit(mode: 'valid' | 'strict') {
    if (!file || !preview) return
    setBusy('importing')
    setError(null)
    setErrorProblems([])
    const jobId = `import-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`
    jobRef.current = jobId
    setProgress({ phase: 'reading', done: 0, total: preview.totalRows })
    const poll = setInterval(() => {
      void call('files:importStatus', { jobId }).then((st) => {
        if (st && jobRef.current === jobId) setProgress(st)
      }, () => {})
    }, 250)
    try {
      const r = await call('files:commitImport', {
        kind, data: file.data, fileName: file.name, ...(mapping && kind !== 'vcard' ? { mapping } : {}), ...read,
        defaultDecision, decisions, mode, allowCreatePeople: allowCreate, jobId,
      })
      setResult(r)
      setPreview(null)
      setFile(null)
      if (inputRef.current) inputRef.current.value = ''
      await qc.invalidateQueries()
    } catch (e) {
      setError(errorMessage(e))
      if (e instanceof ApiError) setErrorProblems(((e.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []).slice(0, 50))
    } finally {
      clearInterval(poll)
      jobRef.current = null
      setProgress(null)
      setBusy(null)
    }
  }

  function stopImport() {
    const jobId = jobRef.current
    if (jobId) void call('files:cancelImport', { jobId }).catch(() => {})
  }

  function cancel() {
    setPreview(null)
    setFile(null)
    setError(null)
    setErrorProblems([])
    if (inputRef.current) inputRef.current.value = ''
  }

  const accept = KINDS.find((k) => k.value === kind)?.accept
  const invalid = preview ? preview.totalRows - preview.validRows : 0
  const sampleRow = (line: number) => preview?.sample.find((s) => s.line === line)
  const problemCols = (line: number) => new Map((sampleRow(line)?.problems ?? []).map((p) => [p.column, p.reason]))
  const warningCols = (line: number) => new Map((sampleRow(line)?.warnings ?? []).map((p) => [p.column, p.reason]))
  const detectedEncoding = preview ? (preview.encoding === 'utf-8-bom' ? 'utf-8' : preview.encoding) : ''
  const mappingMissing = preview?.problems.some((p) => p.column === '(mapping)') ?? false
  // Wide exports (Outlook writes 90 columns, most of them empty): the preview shows the columns that are mapped or hold data.
  const mapped = new Set(Object.values(mapping ?? {}).filter((v): v is string => !!v))
  const shownCols = preview
    ? preview.header
        .map((h, i) => ({ h, i }))
        .filter(({ h, i }) => mapped.has(h) || preview.sample.some((r) => (r.cells[i] ?? '').trim() !== '' || r.problems.some((p) => p.column === h)))
    : []
  const hiddenCols = preview ? preview.header.length - shownCols.length : 0

  return (
    <div className="stack files-import">
      <Card title="Import from a file">
        <div className="toolbar">
          <Select label="What is in the file" value={kind} onChange={(e) => changeKind(e.target.value as ImportKind)} options={KINDS} />
          <div className="field">
            <label className="field-label" htmlFor="files-import-input">
              File
            </label>
            <input
              id="files-import-input"
              ref={inputRef}
              type="file"
              accept={accept}
              aria-describedby={dropped && file ? 'files-import-dropped' : undefined}
              onChange={(e) => {
                setDropped(false)
                void onFile(e.target.files?.[0])
              }}
            />
          </div>
          {busy === 'reading' && <span className="muted">Reading…</span>}
        </div>
        {dropped && file && (
          <p id="files-import-dropped" className="files-hint">
            Dropped on the window: <strong>{file.name}</strong>
          </p>
        )}
        <p className="muted files-hint">
          CSV files may be comma, semicolon or tab separated, in UTF-8, UTF-16, Windows-1252 or Mac Roman: the app detects it and shows what
          it found, and you can change it. Exports of Outlook, Google Contacts, LinkedIn and Referral Map are recognised. Nothing is written
          until you press Import, and a backup is taken first. An import cannot be undone with Undo: restore that backup instead.
        </p>
      </Card>

      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {errorProblems.length > 0 && (
            <ul className="files-problem-list">
              {errorProblems.map((p, i) => (
                <li key={i}>
                  Line {p.line}, {p.column}: {p.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {result && (
        <div className="files-result" role="status">
          <strong>Import finished.</strong>{' '}
          {kind === 'introductions'
            ? `${result.introductionsCreated} introductions added, ${result.peopleCreatedForIntroductions} people created, ${result.duplicates} already there.`
            : `${result.created} people added, ${result.merged} merged, ${result.skipped} skipped, ${result.duplicates} duplicates found.`}
          {result.invalidRows > 0 && ` ${result.invalidRows} rows with problems were left out.`}
          {result.backup && <span className="muted"> Backup taken first: {result.backup}</span>}
        </div>
      )}

      {preview && (
        <>
          <Card title={`Preview: ${file?.name ?? ''}`}>
            <div className="row files-detected">
              <Badge tone="info">{ENCODING_LABELS[preview.encoding] ?? preview.encoding}</Badge>
              {preview.delimiter && <Badge tone="info">{DELIMITER_LABELS[preview.delimiter] ?? preview.delimiter} separated</Badge>}
              {preview.layout && <Badge tone="info">Recognised: {preview.layout}</Badge>}
              {preview.skippedLines > 0 && <Badge>{preview.skippedLines} note lines before the header skipped</Badge>}
              <span>
                <strong>{preview.totalRows}</strong> rows, <strong>{preview.validRows}</strong> valid
                {invalid > 0 && (
                  <>
                    , <strong className="files-bad">{invalid}</strong> with problems
                  </>
                )}
              </span>
            </div>
            <div className="toolbar files-read">
              <Select
                label="Encoding"
                value={read.encoding ?? detectedEncoding}
                onChange={(e) => changeRead({ ...read, encoding: e.target.value as Encoding })}
                options={ENCODING_CHOICES.map((v) => ({ value: v, label: `${ENCODING_LABELS[v] ?? v}${v === detectedEncoding && !read.encoding ? ' (detected)' : ''}` }))}
              />
              {kind !== 'vcard' && preview.delimiter && (
                <Select
                  label="Separator"
                  value={read.delimiter ?? preview.delimiter}
                  onChange={(e) => changeRead({ ...read, delimiter: e.target.value as Delimiter })}
                  options={Object.entries(DELIMITER_LABELS).map(([v, l]) => ({ value: v, label: l }))}
                />
              )}
              {preview.quoteProblems > 0 && (
                <Checkbox
                  label={`Read stray quotes as text (${preview.quoteProblems} ${preview.quoteProblems === 1 ? 'cell' : 'cells'})`}
                  checked={read.quotes === 'text'}
                  onChange={(e) => changeRead({ ...read, quotes: e.target.checked ? 'text' : 'report' })}
                />
              )}
            </div>
            {preview.encodingExample && (
              <p className="files-example" data-testid="encoding-example">
                Read as {ENCODING_LABELS[preview.encoding] ?? preview.encoding}; line {preview.encodingExample.line} reads:{' '}
                <q>{preview.encodingExample.text}</q>. If the accents look wrong, pick another encoding.
              </p>
            )}
            {preview.warnings.length > 0 && (
              <div className="files-warnings" role="note">
                <strong>
                  {preview.warnings.length} {preview.warnings.length === 1 ? 'cell has' : 'cells have'} a byte that is not UTF-8
                </strong>{' '}
                (the rest of the file is UTF-8, so it was read as UTF-8; check these cells):
                <ul>
                  {preview.warnings.slice(0, 10).map((w, i) => (
                    <li key={i}>
                      Line {w.line}, {w.column}: {w.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {kind === 'introductions' && mapping && (preview.dateOrderDetected || mapping.value) && (
              <div className="toolbar files-locale">
                {preview.dateOrderDetected && (
                  <Select
                    label="Dates like 03/04/2025 are"
                    value={mapping[DATE_ORDER] ?? ''}
                    onChange={(e) => changeMapping(DATE_ORDER, e.target.value)}
                    options={[
                      ...(mapping[DATE_ORDER] ? [] : [{ value: '', label: 'Choose…' }]),
                      { value: 'dmy', label: `day first (3 April)${preview.dateOrderDetected === 'dmy' ? ', detected' : ''}` },
                      { value: 'mdy', label: `month first (March 4)${preview.dateOrderDetected === 'mdy' ? ', detected' : ''}` },
                    ]}
                  />
                )}
                {mapping.value && (
                  <Select
                    label="Decimal separator in amounts"
                    value={mapping[DECIMAL] ?? ''}
                    onChange={(e) => changeMapping(DECIMAL, e.target.value)}
                    options={[
                      { value: '', label: 'Guess per value (1,250 = 1250)' },
                      { value: ',', label: `comma: 1.250,50${preview.decimalDetected === ',' ? ' (detected)' : ''}` },
                      { value: '.', label: `point: 1,250.50${preview.decimalDetected === '.' ? ' (detected)' : ''}` },
                    ]}
                  />
                )}
                {preview.dateOrderDetected === 'ambiguous' && !mapping[DATE_ORDER] && (
                  <span className="files-bad">No date in this file tells day-first from month-first: choose once (it is remembered).</span>
                )}
              </div>
            )}
            {kind !== 'vcard' && mapping && (
              <details className="files-mapping" open>
                <summary>Columns{preview.layout ? ` (recognised layout: ${preview.layout})` : ''}</summary>
                <div className="files-mapping-grid">
                  {preview.fields.map((f) => (
                    <Select
                      key={f}
                      label={FIELD_LABELS[f] ?? f}
                      value={mapping[f] ?? ''}
                      onChange={(e) => changeMapping(f, e.target.value)}
                      options={[{ value: '', label: '— not imported —' }, ...preview.header.map((h) => ({ value: h, label: h }))]}
                    />
                  ))}
                </div>
              </details>
            )}
            <div className="table-wrap files-preview">
              <table>
                <thead>
                  <tr>
                    <th>Line</th>
                    {shownCols.map(({ h, i }) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => {
                    const bad = problemCols(r.line)
                    const warn = warningCols(r.line)
                    return (
                      <tr key={r.line} className={r.problems.length ? 'files-row-bad' : undefined}>
                        <td className="num">{r.line}</td>
                        {shownCols.map(({ h, i }) => {
                          const reason = bad.get(h)
                          const warning = reason ? undefined : warn.get(h)
                          return (
                            <td key={i} className={reason ? 'files-cell-bad' : warning ? 'files-cell-warn' : undefined} title={reason ?? warning}>
                              {r.cells[i] ?? ''}
                              {reason && <span className="files-cell-reason">{reason}</span>}
                              {warning && <span className="files-cell-warning">{warning}</span>}
                            </td>
                          )
                        })}
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
            {(preview.totalRows > preview.sample.length || hiddenCols > 0) && (
              <p className="muted">
                {preview.totalRows > preview.sample.length && `Showing the first ${preview.sample.length} rows. `}
                {hiddenCols > 0 && `${hiddenCols} empty ${hiddenCols === 1 ? 'column' : 'columns'} not shown.`}
              </p>
            )}
          </Card>

          {preview.problems.length > 0 && (
            <Card title={`Rows with problems (${invalid})`}>
              <table className="files-problems">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Column</th>
                    <th>Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.slice(0, 100).map((p, i) => (
                    <tr key={i}>
                      <td className="num">{p.line}</td>
                      <td>{p.column}</td>
                      <td>{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}

          {preview.duplicates.length > 0 && (
            <Card title={`Already in your network (${preview.duplicates.length})`}>
              <div className="toolbar">
                <Select label="For all of them" value={defaultDecision} onChange={(e) => setDefaultDecision(e.target.value as DuplicateDecision)} options={DECISIONS} />
              </div>
              <table className="files-dupes">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>In the file</th>
                    <th>In your network</th>
                    <th>Matched on</th>
                    <th>Choice</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.duplicates.slice(0, 200).map((d) => (
                    <tr key={d.line}>
                      <td className="num">{d.line}</td>
                      <td>{d.name}</td>
                      <td>
                        {d.existingName}
                        {d.existingCompany && <span className="muted"> · {d.existingCompany}</span>}
                      </td>
                      <td>{d.matchedOn}</td>
                      <td>
                        <select
                          aria-label={`Choice for line ${d.line}`}
                          className="input"
                          value={decisions[String(d.line)] ?? defaultDecision}
                          onChange={(e) => setDecisions({ ...decisions, [String(d.line)]: e.target.value as DuplicateDecision })}
                        >
                          {DECISIONS.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}

          {kind === 'introductions' && preview.unknownPeople.length > 0 && (
            <Card title="People not in your network yet">
              <p>{preview.unknownPeople.join(', ')}</p>
              <Checkbox label="Create these people" checked={allowCreate} onChange={(e) => setAllowCreate(e.target.checked)} />
            </Card>
          )}

          <div className="form-actions files-actions">
            <Button onClick={cancel} disabled={busy === 'importing'}>
              Cancel
            </Button>
            {mappingMissing ? (
              <Button variant="primary" disabled>
                Choose the columns first
              </Button>
            ) : invalid > 0 ? (
              <Button variant="primary" busy={busy === 'importing'} disabled={preview.validRows === 0} onClick={() => void commit('valid')}>
                Import the {preview.validRows} valid {preview.validRows === 1 ? 'row' : 'rows'}
              </Button>
            ) : (
              <Button variant="primary" busy={busy === 'importing'} onClick={() => void commit('strict')}>
                Import {preview.totalRows} {preview.totalRows === 1 ? 'row' : 'rows'}
              </Button>
            )}
          </div>
          {busy === 'importing' && progress && (
            <div className="files-progress" role="status">
              <progress max={Math.max(progress.total, 1)} value={progress.phase === 'writing' ? undefined : progress.done} />
              <span>
                {progress.phase === 'writing'
                  ? 'Writing (one transaction: all rows or none)…'
                  : `Checking rows: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`}
              </span>
              {progress.phase !== 'writing' && (
                <Button small onClick={stopImport}>
                  Stop import
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  )
}
