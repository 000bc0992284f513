import { useState } from 'react'
import type { PeriodPreset } from '../../../../shared/channels/analytics'
import { Card, useApi, useMessage, useTranslation } from '../../ui'
import { LapsingBadge, QualityBand } from './Charts'
import { useReportFormat } from './format'
import './reports.css'

const PRESETS: Exclude<PeriodPreset, 'custom'>[] = ['last12', 'year', 'quarter', 'all']

/** One partner's scorecard, as a panel other screens (people, graph) can embed. */
export function PartnerScorecard({ personId, initialPreset = 'last12' }: { personId: string; initialPreset?: Exclude<PeriodPreset, 'custom'> }) {
  const [preset, setPreset] = useState(initialPreset)
  const q = useApi('analytics:partner', { personId, period: { preset } })
  const s = q.data?.scorecard
  const cur = q.data?.currency ?? ''
  const { t } = useTranslation('reports')
  const { t: tc } = useTranslation()
  const msg = useMessage()
  const { moneyList, num, pct, signed, fmt } = useReportFormat()
  const money = (list: readonly { currency: string; minor: number }[]) => moneyList(list, cur)
  return (
    <Card
      title={t('scorecard.title')}
      className="rpt-partner"
      actions={
        <select aria-label={t('scorecard.period')} value={preset} onChange={(e) => setPreset(e.target.value as typeof preset)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
      }
    >
      {q.isError && <p className="muted">{t('scorecard.unavailable', { message: msg(q.error.message) ?? '' })}</p>}
      {q.isError ? null : !s ? (
        <p className="muted">{tc('loading')}</p>
      ) : (
        <dl className="rpt-dl">
          <dt>{t('scorecard.received')}</dt>
          <dd>
            {num(s.received)}{' '}
            <span className="muted rpt-small">
              {t('scorecard.receivedDetail', {
                referrals: num(s.byKind.referral),
                introductions: num(s.byKind.introduction),
                leads: num(s.byKind.lead),
                inbound: num(s.byOrigin.inbound),
              })}
            </span>
          </dd>
          <dt>{t('scorecard.outcomes')}</dt>
          <dd>{t('scorecard.outcomesValue', { won: num(s.won), lost: num(s.lost), notAFit: num(s.notAFit), open: num(s.open) })}</dd>
          <dt>{t('scorecard.conversion')}</dt>
          <dd>{t('scorecard.conversionValue', { decided: pct(s.conversion), all: pct(s.winRate) })}</dd>
          <dt>{t('scorecard.quality')}</dt>
          <dd>
            <QualityBand s={s} />
          </dd>
          <dt>{t('scorecard.closedValue')}</dt>
          <dd>
            {money(s.closedValue)}{' '}
            <span className="muted rpt-small">{t('scorecard.daysToWon', { avg: num(s.avgDaysToWon), median: num(s.medianDaysToWon, 1) })}</span>
          </dd>
          <dt>{t('scorecard.given')}</dt>
          <dd>{t('scorecard.givenValue', { given: num(s.given), won: num(s.givenWon), value: money(s.givenValue), balance: signed(s.balance) })}</dd>
          <dt>{t('scorecard.spinOff')}</dt>
          <dd>{s.spinOffWon > 0 ? t('scorecard.spinOffValue', { value: money(s.spinOffValue), won: num(s.spinOffWon) }) : '—'}</dd>
          <dt>{t('scorecard.lastReceived')}</dt>
          <dd>
            {s.lastReceived ? fmt.day(s.lastReceived) : '—'} {s.lapsing && <LapsingBadge reason={s.lapsingReason} />}
          </dd>
        </dl>
      )}
    </Card>
  )
}
