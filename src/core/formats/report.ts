import { escapeXml } from './xml'
import type { Money } from '../../shared/channels/analytics'
import { formatMoney } from '../money'
import { textIn, type UiLanguage } from '../../shared/i18n'
import { formatDay, formatPercent } from '../locale'

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

/** The report's language and region; English (en-US) when not given, so amounts read the same on every machine. */
export interface ReportLocale {
  language: UiLanguage
  region: string
}

/**
 * A self-contained printable HTML page (no scripts, no remote content), in the
 * given language and region (the catalogue's reports:print texts; money, percentages
 * and dates in the region's format). The figures' labels and the ranking rule come
 * with the data, as the caller wrote them.
 */
export function reportHtml(d: ReportData, asked?: ReportLocale): string {
  // Without a locale: English, amounts with their currency codes ("EUR 1,000") and ISO dates, the same on every machine.
  const locale: ReportLocale = asked ?? { language: 'en', region: 'en-US' }
  const tr = textIn(locale.language) as unknown as (key: string, o: Record<string, unknown>) => string
  const t = (key: string, o?: Record<string, unknown>): string => tr(`reports:print.${key}`, o ?? {})
  const L = asked ? ({ locale: locale.region, display: 'symbol' } as const) : ({ locale: 'en-US' } as const)
  /** One line per currency, whole units; zero in the main currency when there is none. */
  const money = (list: readonly Money[], main: string): string =>
    list.length ? list.map((m) => h(formatMoney(m.minor, m.currency, { ...L, whole: true }))).join('<br>') : h(formatMoney(0, main, { ...L, whole: true }))
  const day = (iso: string) => (asked ? formatDay(iso, locale.region) : iso)
  const graph =
    d.graphPng && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(d.graphPng)
      ? `<section><h2>${h(t('network'))}</h2><img class="graph" alt="${h(t('graphAlt'))}" src="${d.graphPng}"></section>`
      : ''
  const rows = d.leaderboard
    .map(
      (r) =>
        `<tr><td>${r.rank}</td><td>${h(r.name)}</td><td>${h(r.company ?? '')}</td><td class="n">${r.received}</td><td class="n">${r.won}</td><td class="n">${r.decided}</td><td class="n">${
          r.conversion === null ? '–' : h(formatPercent(r.conversion, locale.region))
        }</td><td class="n">${money(r.closedValue, d.currency)}</td></tr>`,
    )
    .join('\n')
  const thank = d.toThank
    .map(
      (x) =>
        `<tr><td>${h(x.partner)}</td><td>${h(x.prospect)}</td><td>${h(day(x.date))}</td><td class="n">${
          x.value === null ? '' : h(formatMoney(x.value.minor, x.value.currency, L))
        }</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="${h(locale.language === 'de' ? 'de' : 'en')}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${h(t('title', { network: d.networkName, date: day(d.generatedOn) }))}</title>
<style>
body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:2em}
h1{font-size:18pt;margin:0 0 .2em}h2{font-size:13pt;margin:1.6em 0 .5em;border-bottom:1px solid #ccd;padding-bottom:.2em}
.sub{color:#555}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #e3e6ea}
th{font-weight:600;background:#f3f5f7}.n{text-align:right;font-variant-numeric:tabular-nums}
.figs{display:flex;flex-wrap:wrap;gap:1em}.fig{border:1px solid #dde;border-radius:6px;padding:.5em 1em;min-width:8em}
.fig b{display:block;font-size:16pt}.graph{max-width:100%;border:1px solid #dde}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head><body>
<h1>${h(d.networkName)}</h1><p class="sub">${h(t('sub', { date: day(d.generatedOn), period: d.periodLabel }))}</p>
<section><h2>${h(t('figures'))}</h2><div class="figs">${d.figures.map((f) => `<div class="fig"><b>${h(f.value)}</b>${h(f.label)}</div>`).join('')}</div></section>
<section><h2>${h(t('leaderboard'))}</h2>
<table><thead><tr><th>#</th><th>${h(t('partner'))}</th><th>${h(t('company'))}</th><th class="n">${h(t('introductionsToYou'))}</th><th class="n">${h(t('won'))}</th><th class="n">${h(t('decided'))}</th><th class="n">${h(t('conversion'))}</th><th class="n">${h(t('wonValue'))}</th></tr></thead>
<tbody>${rows || `<tr><td colspan="8">${h(t('noIntroductions'))}</td></tr>`}</tbody></table>
<p class="sub">${h(d.rankingRule)} ${h(t('perCurrency'))}</p></section>
<section><h2>${h(t('toThank'))}</h2>
<table><thead><tr><th>${h(t('partner'))}</th><th>${h(t('wonIntroduction'))}</th><th>${h(t('date'))}</th><th class="n">${h(t('value'))}</th></tr></thead>
<tbody>${thank || `<tr><td colspan="4">${h(t('everyoneThanked'))}</td></tr>`}</tbody></table></section>
${graph}
</body></html>
`
}
