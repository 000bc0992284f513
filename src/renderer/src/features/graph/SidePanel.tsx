import type { ModelNode } from '../../../../core/graph/model'
import { useApi } from '../../ui/api'
import type { NavTarget } from '../../ui/nav'
import { PartnerScorecard } from '../reports/PartnerScorecard'
import { Button } from '../../ui/Button'
import { WhoCanIntroduce } from '../insights/MapOptions'
import { useFormat, useTranslation } from '../../ui/i18n'
import type { IntroStatus } from '../../../../shared/schemas'

export function SidePanel({
  node,
  currency,
  onClose,
  navigate,
  focusSteps,
  focused,
  onFocus,
}: {
  node: ModelNode
  currency: string
  onClose: () => void
  navigate: (to: NavTarget) => void
  focusSteps: number
  focused: boolean
  onFocus: () => void
}) {
  const { t } = useTranslation(['graph', 'common'])
  const fmt = useFormat()
  const pct = (v: number) => fmt.percent(v)
  const intros = useApi('introductions:list', { personId: node.id, limit: 8, sort: 'date', dir: 'desc' })
  return (
    <aside className="graph-panel" aria-label={t('panel.about', { name: node.label })}>
      <header>
        <h2>{node.label}</h2>
        <button type="button" className="graph-close" aria-label={t('panel.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {(node.profession || node.company) && (
        <p className="graph-muted">{[node.profession, node.company].filter(Boolean).join(' · ')}</p>
      )}
      {!node.isMe && node.role !== 'prospect' && (
        <dl className="graph-scorecard">
          <dt>{t('panel.score')}</dt>
          <dd>
            {node.score === null ? (
              t('panel.nothingDecided')
            ) : (
              <>
                <strong>{pct(node.score)}</strong>{' '}
                <span className="graph-muted">
                  {t('panel.band', { low: pct(node.low ?? 0), high: pct(node.high ?? 0) })}
                </span>
              </>
            )}
          </dd>
          <dt>{t('panel.wonDecided')}</dt>
          <dd>{t('panel.wonOfDecided', { won: fmt.number(node.wonToMe), decided: fmt.number(node.decidedToMe) })}</dd>
          <dt>{t('panel.sent')}</dt>
          <dd>{fmt.number(node.sent)}</dd>
          <dt>{t('panel.received')}</dt>
          <dd>{fmt.number(node.received)}</dd>
          <dt>{t('panel.value')}</dt>
          <dd>
            {node.money.length === 0 ? fmt.money(0, currency, { whole: true }) : fmt.moneyList(node.money, { whole: true })}
            {node.money.some((m) => m.currency !== currency) && (
              <span className="graph-muted"> {t('panel.sizeNote', { currency })}</span>
            )}
          </dd>
        </dl>
      )}
      <div className="graph-actions">
        {!node.isMe && (
          <Button small onClick={() => navigate({ route: 'introductions', personId: node.id })}>
            {t('panel.record', { name: node.label.split(' ')[0] ?? node.label })}
          </Button>
        )}
        <Button small onClick={() => navigate({ route: 'people', personId: node.id })}>
          {t('panel.open')}
        </Button>
        <Button small onClick={onFocus} aria-pressed={focused}>
          {focusSteps === 1 ? t('panel.focusDirect') : t('panel.focusSteps', { count: focusSteps })}
        </Button>
      </div>
      {!node.isMe && <WhoCanIntroduce personId={node.id} name={node.label} />}
      {!node.isMe && node.role !== 'prospect' && (
        <div className="graph-full-scorecard">
          <PartnerScorecard personId={node.id} initialPreset="all" />
        </div>
      )}
      <h3>{t('panel.recent')}</h3>
      {intros.isLoading && <p className="graph-muted">{t('panel.loading')}</p>}
      {intros.data && intros.data.items.length === 0 && <p className="graph-muted">{t('panel.none')}</p>}
      {intros.data && intros.data.items.length > 0 && (
        <ul className="graph-intros">
          {intros.data.items.map((i) => (
            <li key={i.id}>
              <span className="graph-muted">{fmt.day(i.date)}</span> {i.referrerName} → {i.receiverName}: {i.prospectName}{' '}
              <span className={`graph-status s-${i.status}`}>{t(`common:status.${i.status as IntroStatus}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {intros.data && intros.data.total > intros.data.items.length && (
        <p className="graph-muted">{t('panel.more', { count: intros.data.total - intros.data.items.length })}</p>
      )}
    </aside>
  )
}
