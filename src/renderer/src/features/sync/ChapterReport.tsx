import { useApi, Card, useFormat, useTranslation } from '../../ui'

/**
 * Reports > Chapter: per member, introductions given and received and what
 * closed, in the spirit of the weekly summaries chapters print. Shown only in
 * a chapter network.
 */
export function ChapterReport({ from, to, currency }: { from?: string | null; to?: string | null; currency?: string }) {
  const { t } = useTranslation('sync')
  const money = useFormat().money
  const status = useApi('sync:status', {})
  const joined = status.data?.joined === true
  const report = useApi('sync:report', { from: from ?? null, to: to ?? null }, { enabled: joined })
  if (!joined || !report.data) return null
  const rows = report.data.rows
  const fmt = { format: (minor: number) => money(minor, currency ?? null) }
  return (
    <Card title={t('report.title', { chapter: report.data.chapter })} className="sync-report">
      <table className="sync-report-table" aria-label={t('report.table')}>
        <thead>
          <tr>
            <th>{t('report.member')}</th>
            <th className="num">{t('report.given')}</th>
            <th className="num">{t('report.received')}</th>
            <th className="num">{t('report.won')}</th>
            <th className="num">{t('report.closedValue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <td>{r.name}</td>
              <td className="num">{r.given}</td>
              <td className="num">{r.received}</td>
              <td className="num">{r.won}</td>
              <td className="num">{fmt.format(r.wonValueMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('report.total')}</th>
            <th className="num">{rows.reduce((a, r) => a + r.given, 0)}</th>
            <th className="num">{rows.reduce((a, r) => a + r.received, 0)}</th>
            <th className="num">{rows.reduce((a, r) => a + r.won, 0)}</th>
            <th className="num">{fmt.format(rows.reduce((a, r) => a + r.wonValueMinor, 0))}</th>
          </tr>
        </tfoot>
      </table>
    </Card>
  )
}
