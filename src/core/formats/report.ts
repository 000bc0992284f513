import { escapeXml } from './xml'
import type { Money } from '../../shared/channels/analytics'
import { formatMoney } from '../money'

/** The printable report. Built from the analytics service (scorecardRows, networkReport) and the follow-up loop's thank-you rule. */
export interface ReportData {
  networkName: string
  generatedOn: string
  /** The main currency (the default currency setting). */
  currency: string
  /** The period the figures and the leaderboard cover, e.g. "All time". */
  periodLabel: string
  figures: { label: string; value: string }[]
  /** In the ranking order (the leaderboard's). */
  leaderboard: { rank: number; name: string; company: string | null; received: number; won: number; decided: number; conversion: number | null; closedValue: Money[] }[]
  /** How the leaderboard is ordered, said under it. */
  rankingRule: string
  toThank: { partner: string; prospect: string; date: string; value: Money | null }[]
  /** A PNG of the graph as a data: URL, when the caller has one. */
  graphPng?: string | null
}

const h = (s: string): string => escapeXml(s)
/** The report is English text: amounts read the same on every machine. */
const EN = { locale: 'en-US' } as const
/** One line per currency, whole units; zero in the main currency when there is none. */
const money = (list: readonly Money[], main: string): string =>
  list.length ? list.map((m) => h(formatMoney(m.minor, m.currency, { ...EN, whole: true }))).join('<br>') : h(formatMoney(0, main, { ...EN, whole: true }))

/** A self-contained printable HTML page (no scripts, no remote content). */
export function reportHtml(d: ReportData): string {
  const graph =
    d.graphPng && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(d.graphPng)
      ? `<section><h2>The network</h2><img class="graph" alt="Graph of the network" src="${d.graphPng}"></section>`
      : ''
  const rows = d.leaderboard
    .map(
      (r) =>
        `<tr><td>${r.rank}</td><td>${h(r.name)}</td><td>${h(r.company ?? '')}</td><td class="n">${r.received}</td><td class="n">${r.won}</td><td class="n">${r.decided}</td><td class="n">${
          r.conversion === null ? '–' : `${Math.round(r.conversion * 100)}%`
        }</td><td class="n">${money(r.closedValue, d.currency)}</td></tr>`,
    )
    .join('\n')
  const thank = d.toThank
    .map(
      (t) =>
        `<tr><td>${h(t.partner)}</td><td>${h(t.prospect)}</td><td>${h(t.date)}</td><td class="n">${
          t.value === null ? '' : h(formatMoney(t.value.minor, t.value.currency, EN))
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
<h1>${h(d.networkName)}</h1><p class="sub">Referral report, ${h(d.generatedOn)} · ${h(d.periodLabel)}</p>
<section><h2>Network figures</h2><div class="figs">${d.figures.map((f) => `<div class="fig"><b>${h(f.value)}</b>${h(f.label)}</div>`).join('')}</div></section>
<section><h2>Partner leaderboard</h2>
<table><thead><tr><th>#</th><th>Partner</th><th>Company</th><th class="n">Introductions to you</th><th class="n">Won</th><th class="n">Decided</th><th class="n">Conversion</th><th class="n">Won value</th></tr></thead>
<tbody>${rows || '<tr><td colspan="8">No introductions yet.</td></tr>'}</tbody></table>
<p class="sub">${h(d.rankingRule)} Won value is per currency, never added across currencies.</p></section>
<section><h2>Who to thank</h2>
<table><thead><tr><th>Partner</th><th>Won introduction</th><th>Date</th><th class="n">Value</th></tr></thead>
<tbody>${thank || '<tr><td colspan="4">Everyone has been thanked.</td></tr>'}</tbody></table></section>
${graph}
</body></html>
`
}
