import { useState } from 'react'
import type { ExportFormat } from '../../../../shared/channels/files'
import { Button, Card, call, downloadText, useToast } from '../../ui'
import { readFileBase64 } from './util'

const EXPORTS: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'people-csv', label: 'People (CSV)', what: 'Everyone with company, contact details, tags and groups. Opens in any spreadsheet.' },
  { format: 'introductions-csv', label: 'Introductions (CSV)', what: 'Every introduction with referrer, receiver, prospect, status and value.' },
  {
    format: 'people-csv-plain', label: 'People (plain CSV)',
    what: 'The same table as plain RFC 4180 (no byte-order mark, no apostrophes before + - = @) for databases, Python and SQLite.',
  },
  { format: 'introductions-csv-plain', label: 'Introductions (plain CSV)', what: 'The introductions as plain RFC 4180, for databases and scripts.' },
  { format: 'scorecards-csv', label: 'Partner scorecards (CSV)', what: 'Per partner: introductions to you, won, lost, open, conversion and won value.' },
  { format: 'json', label: 'Whole network (JSON)', what: 'Everything, in a documented format that imports back into an identical network.' },
  { format: 'graphml', label: 'Graph (GraphML)', what: 'People and introductions with their attributes, for yEd, Gephi, Cytoscape.' },
  { format: 'gexf', label: 'Graph (GEXF)', what: "Gephi's own format, with the same attributes." },
  { format: 'report-html', label: 'Printable report (HTML)', what: 'Partner leaderboard, who to thank and network figures; print it, or use File › Export Report as PDF… in the desktop app.' },
]

export function ExportPanel() {
  const toast = useToast()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [graphPng, setGraphPng] = useState<string | null>(null)
  async function run(format: ExportFormat) {
    setBusy(format)
    try {
      const f = await call('files:export', { format, ...(format === 'report-html' && graphPng ? { graphPng } : {}) })
      downloadText(f.fileName, f.text, f.mimeType)
      toast.success(`Saved ${f.fileName}`)
    } catch (e) {
      toast.error(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card title="Export">
      <ul className="files-exports">
        {EXPORTS.map((x) => (
          <li key={x.format}>
            <Button busy={busy === x.format} onClick={() => void run(x.format)}>
              {x.label}
            </Button>
            <span className="muted">{x.what}</span>
          </li>
        ))}
      </ul>
      <div className="field files-graph-png">
        <label className="field-label" htmlFor="files-graph-png">
          Graph picture for the report (optional)
        </label>
        <input
          id="files-graph-png"
          type="file"
          accept="image/png"
          onChange={async (e) => {
            const f = e.target.files?.[0]
            setGraphPng(f ? `data:image/png;base64,${await readFileBase64(f)}` : null)
          }}
        />
        <span className="field-hint">Save one from the Network screen (Export PNG) and pick it here; the report then shows it.</span>
      </div>
      <p className="muted files-hint">
        CSV files are UTF-8 with a byte-order mark and CRLF line ends. A cell that starts with = + - @, tab or carriage return gets a leading
        apostrophe so spreadsheets show it as text instead of running it as a formula. The plain CSV files keep every cell exactly as stored
        (UTF-8 without a byte-order mark, CRLF): use them for databases and scripts, not spreadsheets.
      </p>
    </Card>
  )
}
