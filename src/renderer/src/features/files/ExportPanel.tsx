import { useState } from 'react'
import type { ExportFormat } from '../../../../shared/channels/files'
import { Button, Card, call, downloadText, useToast, useTranslation } from '../../ui'
import { readFileBase64 } from './util'

const EXPORTS: { format: ExportFormat; key: 'peopleCsv' | 'introductionsCsv' | 'peopleCsvPlain' | 'introductionsCsvPlain' | 'scorecardsCsv' | 'json' | 'graphml' | 'gexf' | 'reportHtml' }[] = [
  { format: 'people-csv', key: 'peopleCsv' },
  { format: 'introductions-csv', key: 'introductionsCsv' },
  { format: 'people-csv-plain', key: 'peopleCsvPlain' },
  { format: 'introductions-csv-plain', key: 'introductionsCsvPlain' },
  { format: 'scorecards-csv', key: 'scorecardsCsv' },
  { format: 'json', key: 'json' },
  { format: 'graphml', key: 'graphml' },
  { format: 'gexf', key: 'gexf' },
  { format: 'report-html', key: 'reportHtml' },
]

export function ExportPanel() {
  const { t } = useTranslation('files')
  const toast = useToast()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [graphPng, setGraphPng] = useState<string | null>(null)
  async function run(format: ExportFormat) {
    setBusy(format)
    try {
      const f = await call('files:export', { format, ...(format === 'report-html' && graphPng ? { graphPng } : {}) })
      downloadText(f.fileName, f.text, f.mimeType)
      toast.success(t('export.saved', { name: f.fileName }))
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card title={t('export.title')}>
      <ul className="files-exports">
        {EXPORTS.map((x) => (
          <li key={x.format}>
            <Button busy={busy === x.format} onClick={() => void run(x.format)}>
              {t(`export.formats.${x.key}.label`)}
            </Button>
            <span className="muted">{t(`export.formats.${x.key}.what`)}</span>
          </li>
        ))}
      </ul>
      <div className="field files-graph-png">
        <label className="field-label" htmlFor="files-graph-png">
          {t('export.graphPng')}
        </label>
        <input
          id="files-graph-png"
          type="file"
          accept="image/png"
          onChange={async (e) => {
            const f = e.target.files?.[0]
            setGraphPng(f ? `data:image/png;base64,${await readFileBase64(f, t('readError'))}` : null)
          }}
        />
        <span className="field-hint">{t('export.graphPngHint')}</span>
      </div>
      <p className="muted files-hint">{t('export.hint')}</p>
    </Card>
  )
}
