import { escapeXml } from './xml'

export interface ReportData {
  networkName: string
  generatedOn: string
  currency: string | null
  figures: { label: string; value: string }[]
  leaderboard: { name: string; company: string | null; introductions: number; won: number; wonValueMinor: number; conversion: number | null }[]
  toThank: { partner: string; prospect: string; date: string; valueMinor: number | null }[]
  /** A PNG of the graph as a data: URL, when the caller has one. */
  graphPng?: string | null
}

const h = (s: string): string => escapeXml(s)

export function formatMinor(minor: number, currency: string | null): string {
  const major = (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })
  return currency ? `${currency} ${major}` : major
}

/** A self-contained printable HTML page (no scripts, no remote content). */
export function reportHtml(d: ReportData): string {
  const graph =
    d.graphPng && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(d.graphPng)
      ? `<section><h2>The network</h2><img class="graph" alt="Graph of the network" src="${d.graphPng}"></section>`
      : ''
  const rows = d.leaderboard
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${h(r.name)}</td><td>${h(r.company ?? '')}</td><td class="n">${r.introductions}</td><td class="n">${r.won}</td><td class="n">${
          r.conversion === null ? '–' : `${Math.round(r.conversion * 100)}%`
        }</td><td class="n">${h(formatMinor(r.wonValueMinor, d.currency))}</td></tr>`,
    )
    .join('\n')
  const thank = d.toThank
    .map(
      (t) =>
        `<tr><td>${h(t.partner)}</td><td>${h(t.prospect)}</td><td>${h(t.date)}</td><td class="n">${
          t.valueMinor === null ? '' : h(formatMinor(t.valueMinor, d.currency))
        }</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${h(d.networkName)} — referral report ${h(d.generatedOn)}</title>
<style>
body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:2em}
h1{font-size:18pt;margin:0 0 .2em}h2{font-size:13pt;margin:1.6em 0 .5em;border-bottom:1px solid #ccd;padding-bottom:.2em}
.sub{color:#555}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #e3e6ea}
th{font-weight:600;background:#f3f5f7}.n{text-align:right;font-variant-numeric:tabular-nums}
.figs{display:flex;flex-wrap:wrap;gap:1em}.fig{border:1px solid #dde;border-radius:6px;padding:.5em 1em;min-width:8em}
.fig b{display:block;font-size:16pt}.graph{max-width:100%;border:1px solid #dde}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head><body>
<h1>${h(d.networkName)}</h1><p class="sub">Referral report, ${h(d.generatedOn)}</p>
<section><h2>Network figures</h2><div class="figs">${d.figures.map((f) => `<div class="fig"><b>${h(f.value)}</b>${h(f.label)}</div>`).join('')}</div></section>
<section><h2>Partner leaderboard</h2>
<table><thead><tr><th>#</th><th>Partner</th><th>Company</th><th class="n">Introductions to you</th><th class="n">Won</th><th class="n">Conversion</th><th class="n">Won value</th></tr></thead>
<tbody>${rows || '<tr><td colspan="7">No introductions yet.</td></tr>'}</tbody></table></section>
<section><h2>Who to thank</h2>
<table><thead><tr><th>Partner</th><th>Won introduction</th><th>Date</th><th class="n">Value</th></tr></thead>
<tbody>${thank || '<tr><td colspan="4">Everyone has been thanked.</td></tr>'}</tbody></table></section>
${graph}
</body></html>
`
}
