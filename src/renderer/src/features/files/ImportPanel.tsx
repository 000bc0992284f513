import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { DuplicateDecision, ImportKind, ImportPreview, ImportProblem, ImportResult, ImportStatus } from '../../../../shared/channels/files'
import { ApiError, Badge, Button, Card, Checkbox, Select, Trans, call, errorMessage, useFormat, useMessage, useTaskbarProgress, useTranslation } from '../../ui'
import { DROPPED_FILE_EVENT, droppedKind, takeDroppedImport } from '../../ui/DropTarget'
import { DELIMITERS, delimiterLabel, encodingLabel, fieldLabel, readFileBase64 } from './util'

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

const KINDS: { value: ImportKind; accept: string }[] = [
  { value: 'people', accept: '.csv,.tsv,.txt,text/csv' },
  { value: 'introductions', accept: '.csv,.tsv,.txt,text/csv' },
  { value: 'vcard', accept: '.vcf,.vcard,text/vcard' },
  { value: 'linkedin', accept: '.csv,text/csv' },
]

const DECISIONS: DuplicateDecision[] = ['merge', 'keep', 'skip']

interface Loaded {
  name: string
  data: string
}

export function ImportPanel() {
  const { t } = useTranslation('files')
  const fmt = useFormat()
  const msg = useMessage()
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
  // The taskbar shows the work while the file is read (preview) and while it is imported: a bar once rows are counted, else busy.
  useTaskbarProgress('files:import', busy !== null, busy === 'importing' && progress && progress.phase !== 'writing' && progress.total > 0 && progress.done > 0 ? progress.done / progress.total : 'busy')

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
    const loaded = { name: f.name, data: await readFileBase64(f, t('readError')) }
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
  const tRef = useRef(t)
  tRef.current = t
  const importingRef = useRef(false)
  importingRef.current = busy === 'importing'
  useEffect(() => {
    const pickUp = () => {
      const f = takeDroppedImport()
      if (!f) return
      if (importingRef.current) {
        setError(tRef.current('import.droppedBusy', { name: f.name }))
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

  const decisionOptions = DECISIONS.map((d) => ({ value: d, label: t(`import.decisions.${d}`) }))
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
      <Card title={t('import.title')}>
        <div className="toolbar">
          <Select label={t('import.kind')} value={kind} onChange={(e) => changeKind(e.target.value as ImportKind)} options={KINDS.map((k) => ({ value: k.value, label: t(`import.kinds.${k.value}`) }))} />
          <div className="field">
            <label className="field-label" htmlFor="files-import-input">
              {t('import.file')}
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
          {busy === 'reading' && <span className="muted">{t('import.reading')}</span>}
        </div>
        {dropped && file && (
          <p id="files-import-dropped" className="files-hint">
            <Trans t={t} i18nKey="import.dropped" values={{ name: file.name }} components={{ b: <strong /> }} />
          </p>
        )}
        <p className="muted files-hint">{t('import.hint')}</p>
      </Card>

      {error && (
        <div className="form-error" role="alert">
          <p>{msg(error)}</p>
          {errorProblems.length > 0 && (
            <ul className="files-problem-list">
              {errorProblems.map((p, i) => (
                <li key={i}>
                  {t('import.problemLine', { line: p.line, column: p.column, reason: msg(p.reason) ?? p.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {result && (
        <div className="files-result" role="status">
          <strong>{t('import.finished')}</strong>{' '}
          {kind === 'introductions'
            ? t('import.resultIntroductions', {
                added: fmt.number(result.introductionsCreated),
                people: fmt.number(result.peopleCreatedForIntroductions),
                duplicates: fmt.number(result.duplicates),
              })
            : t('import.resultPeople', {
                created: fmt.number(result.created),
                merged: fmt.number(result.merged),
                skipped: fmt.number(result.skipped),
                duplicates: fmt.number(result.duplicates),
              })}
          {result.invalidRows > 0 && ` ${t('import.resultInvalid', { count: result.invalidRows, n: fmt.number(result.invalidRows) })}`}
          {result.backup && <span className="muted"> {t('import.resultBackup', { name: result.backup })}</span>}
        </div>
      )}

      {preview && (
        <>
          <Card title={t('import.preview', { name: file?.name ?? '' })}>
            <div className="row files-detected">
              <Badge tone="info">{encodingLabel(t, preview.encoding)}</Badge>
              {preview.delimiter && <Badge tone="info">{t('import.separated', { delimiter: delimiterLabel(t, preview.delimiter) })}</Badge>}
              {preview.layout && <Badge tone="info">{t('import.recognised', { layout: msg(preview.layout) ?? preview.layout })}</Badge>}
              {preview.skippedLines > 0 && <Badge>{t('import.skippedLines', { count: preview.skippedLines })}</Badge>}
              <span>
                <Trans
                  t={t}
                  i18nKey={invalid > 0 ? 'import.rowsValidInvalid' : 'import.rowsValid'}
                  values={{ total: fmt.number(preview.totalRows), valid: fmt.number(preview.validRows), invalid: fmt.number(invalid) }}
                  components={{ b: <strong />, bad: <strong className="files-bad" /> }}
                />
              </span>
            </div>
            <div className="toolbar files-read">
              <Select
                label={t('import.encoding')}
                value={read.encoding ?? detectedEncoding}
                onChange={(e) => changeRead({ ...read, encoding: e.target.value as Encoding })}
                options={ENCODING_CHOICES.map((v) => ({ value: v, label: v === detectedEncoding && !read.encoding ? t('import.detected', { label: encodingLabel(t, v) }) : encodingLabel(t, v) }))}
              />
              {kind !== 'vcard' && preview.delimiter && (
                <Select
                  label={t('import.separator')}
                  value={read.delimiter ?? preview.delimiter}
                  onChange={(e) => changeRead({ ...read, delimiter: e.target.value as Delimiter })}
                  options={Object.keys(DELIMITERS).map((v) => ({ value: v, label: delimiterLabel(t, v) }))}
                />
              )}
              {preview.quoteProblems > 0 && (
                <Checkbox
                  label={t('import.strayQuotes', { count: preview.quoteProblems })}
                  checked={read.quotes === 'text'}
                  onChange={(e) => changeRead({ ...read, quotes: e.target.checked ? 'text' : 'report' })}
                />
              )}
            </div>
            {preview.encodingExample && (
              <p className="files-example" data-testid="encoding-example">
                <Trans
                  t={t}
                  i18nKey="import.encodingExample"
                  values={{ encoding: encodingLabel(t, preview.encoding), line: preview.encodingExample.line, text: preview.encodingExample.text }}
                  components={{ q: <q /> }}
                />
              </p>
            )}
            {preview.warnings.length > 0 && (
              <div className="files-warnings" role="note">
                <strong>{t('import.warningsTitle', { count: preview.warnings.length })}</strong> {t('import.warningsText')}
                <ul>
                  {preview.warnings.slice(0, 10).map((w, i) => (
                    <li key={i}>
                      {t('import.problemLine', { line: w.line, column: w.column, reason: msg(w.reason) ?? w.reason })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {kind === 'introductions' && mapping && (preview.dateOrderDetected || mapping.value) && (
              <div className="toolbar files-locale">
                {preview.dateOrderDetected && (
                  <Select
                    label={t('import.dateOrder')}
                    value={mapping[DATE_ORDER] ?? ''}
                    onChange={(e) => changeMapping(DATE_ORDER, e.target.value)}
                    options={[
                      ...(mapping[DATE_ORDER] ? [] : [{ value: '', label: t('import.choose') }]),
                      { value: 'dmy', label: preview.dateOrderDetected === 'dmy' ? t('import.dayFirstDetected') : t('import.dayFirst') },
                      { value: 'mdy', label: preview.dateOrderDetected === 'mdy' ? t('import.monthFirstDetected') : t('import.monthFirst') },
                    ]}
                  />
                )}
                {mapping.value && (
                  <Select
                    label={t('import.decimal')}
                    value={mapping[DECIMAL] ?? ''}
                    onChange={(e) => changeMapping(DECIMAL, e.target.value)}
                    options={[
                      { value: '', label: t('import.decimalGuess') },
                      { value: ',', label: preview.decimalDetected === ',' ? t('import.decimalCommaDetected') : t('import.decimalComma') },
                      { value: '.', label: preview.decimalDetected === '.' ? t('import.decimalPointDetected') : t('import.decimalPoint') },
                    ]}
                  />
                )}
                {preview.dateOrderDetected === 'ambiguous' && !mapping[DATE_ORDER] && (
                  <span className="files-bad">{t('import.dateOrderAmbiguous')}</span>
                )}
              </div>
            )}
            {kind !== 'vcard' && mapping && (
              <details className="files-mapping" open>
                <summary>{preview.layout ? t('import.columnsLayout', { layout: preview.layout }) : t('import.columns')}</summary>
                <div className="files-mapping-grid">
                  {preview.fields.map((f) => (
                    <Select
                      key={f}
                      label={fieldLabel(t, f)}
                      value={mapping[f] ?? ''}
                      onChange={(e) => changeMapping(f, e.target.value)}
                      options={[{ value: '', label: t('import.notImported') }, ...preview.header.map((h) => ({ value: h, label: h }))]}
                    />
                  ))}
                </div>
              </details>
            )}
            <div className="table-wrap files-preview">
              <table>
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
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
                        <td className="num">{fmt.number(r.line)}</td>
                        {shownCols.map(({ h, i }) => {
                          const reason = bad.get(h)
                          const warning = reason ? undefined : warn.get(h)
                          return (
                            <td key={i} className={reason ? 'files-cell-bad' : warning ? 'files-cell-warn' : undefined} title={msg(reason ?? warning)}>
                              {r.cells[i] ?? ''}
                              {reason && <span className="files-cell-reason">{msg(reason)}</span>}
                              {warning && <span className="files-cell-warning">{msg(warning)}</span>}
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
                {preview.totalRows > preview.sample.length && `${t('import.shownRows', { n: fmt.number(preview.sample.length) })} `}
                {hiddenCols > 0 && t('import.hiddenColumns', { count: hiddenCols })}
              </p>
            )}
          </Card>

          {preview.problems.length > 0 && (
            <Card title={t('import.problemsTitle', { n: fmt.number(invalid) })}>
              <table className="files-problems">
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    <th>{t('import.column')}</th>
                    <th>{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.slice(0, 100).map((p, i) => (
                    <tr key={i}>
                      <td className="num">{p.line}</td>
                      <td>{p.column}</td>
                      <td>{msg(p.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}

          {preview.duplicates.length > 0 && (
            <Card title={t('import.duplicatesTitle', { n: fmt.number(preview.duplicates.length) })}>
              <div className="toolbar">
                <Select label={t('import.forAll')} value={defaultDecision} onChange={(e) => setDefaultDecision(e.target.value as DuplicateDecision)} options={decisionOptions} />
              </div>
              <table className="files-dupes">
                <thead>
                  <tr>
                    <th>{t('import.line')}</th>
                    <th>{t('import.inFile')}</th>
                    <th>{t('import.inNetwork')}</th>
                    <th>{t('import.matchedOn')}</th>
                    <th>{t('import.choice')}</th>
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
                      <td>{fieldLabel(t, d.matchedOn)}</td>
                      <td>
                        <select
                          aria-label={t('import.choiceFor', { line: d.line })}
                          className="input"
                          value={decisions[String(d.line)] ?? defaultDecision}
                          onChange={(e) => setDecisions({ ...decisions, [String(d.line)]: e.target.value as DuplicateDecision })}
                        >
                          {decisionOptions.map((o) => (
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
            <Card title={t('import.unknownPeople')}>
              <p>{preview.unknownPeople.join(', ')}</p>
              <Checkbox label={t('import.createPeople')} checked={allowCreate} onChange={(e) => setAllowCreate(e.target.checked)} />
            </Card>
          )}

          <div className="form-actions files-actions">
            <Button onClick={cancel} disabled={busy === 'importing'}>
              {t('import.cancel')}
            </Button>
            {mappingMissing ? (
              <Button variant="primary" disabled>
                {t('import.chooseColumns')}
              </Button>
            ) : invalid > 0 ? (
              <Button variant="primary" busy={busy === 'importing'} disabled={preview.validRows === 0} onClick={() => void commit('valid')}>
                {t('import.importValid', { count: preview.validRows, n: fmt.number(preview.validRows) })}
              </Button>
            ) : (
              <Button variant="primary" busy={busy === 'importing'} onClick={() => void commit('strict')}>
                {t('import.importAll', { count: preview.totalRows, n: fmt.number(preview.totalRows) })}
              </Button>
            )}
          </div>
          {busy === 'importing' && progress && (
            <div className="files-progress" role="status">
              <progress max={Math.max(progress.total, 1)} value={progress.phase === 'writing' ? undefined : progress.done} />
              <span>
                {progress.phase === 'writing'
                  ? t('import.writing')
                  : t('import.checking', { done: fmt.number(progress.done), total: fmt.number(progress.total) })}
              </span>
              {progress.phase !== 'writing' && (
                <Button small onClick={stopImport}>
                  {t('import.stop')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  )
}
