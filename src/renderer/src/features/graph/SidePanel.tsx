import type { ModelNode } from '../../../../core/graph/model'
import { useApi } from '../../ui/api'
import type { NavTarget } from '../../ui/nav'
import { PartnerScorecard } from '../reports/PartnerScorecard'
import { Button } from '../../ui/Button'
import { WhoCanIntroduce } from '../insights/MapOptions'
import { formatMoney, formatMoneyList } from '../../../../core/money'

const pct = (v: number) => `${Math.round(v * 100)}%`

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
  const intros = useApi('introductions:list', { personId: node.id, limit: 8, sort: 'date', dir: 'desc' })
  return (
    <aside className="graph-panel" aria-label={`About ${node.label}`}>
      <header>
        <h2>{node.label}</h2>
        <button type="button" className="graph-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {(node.profession || node.company) && (
        <p className="graph-muted">{[node.profession, node.company].filter(Boolean).join(' · ')}</p>
      )}
      {!node.isMe && node.role !== 'prospect' && (
        <dl className="graph-scorecard">
          <dt>Quality score (on this map)</dt>
          <dd>
            {node.score === null ? (
              'Nothing decided yet'
            ) : (
              <>
                <strong>{pct(node.score)}</strong>{' '}
                <span className="graph-muted">
                  ({pct(node.low ?? 0)}–{pct(node.high ?? 0)})
                </span>
              </>
            )}
          </dd>
          <dt>Won / decided (to you)</dt>
          <dd>
            {node.wonToMe} / {node.decidedToMe}
          </dd>
          <dt>Introductions made</dt>
          <dd>{node.sent}</dd>
          <dt>Introductions received</dt>
          <dd>{node.received}</dd>
          <dt>Won value of their introductions</dt>
          <dd>
            {node.money.length === 0 ? formatMoney(0, currency, { whole: true }) : formatMoneyList(node.money, { whole: true })}
            {node.money.some((m) => m.currency !== currency) && (
              <span className="graph-muted"> (size on the map: {currency} only)</span>
            )}
          </dd>
        </dl>
      )}
      <div className="graph-actions">
        {!node.isMe && (
          <Button small onClick={() => navigate({ route: 'introductions', personId: node.id })}>
            Record an introduction from {node.label.split(' ')[0]}
          </Button>
        )}
        <Button small onClick={() => navigate({ route: 'people', personId: node.id })}>
          Open their record
        </Button>
        <Button small onClick={onFocus} aria-pressed={focused}>
          Focus on {focusSteps === 1 ? 'direct links' : `${focusSteps} steps`}
        </Button>
      </div>
      {!node.isMe && <WhoCanIntroduce personId={node.id} name={node.label} />}
      {!node.isMe && node.role !== 'prospect' && (
        <div className="graph-full-scorecard">
          <PartnerScorecard personId={node.id} initialPreset="all" />
        </div>
      )}
      <h3>Recent introductions</h3>
      {intros.isLoading && <p className="graph-muted">Loading…</p>}
      {intros.data && intros.data.items.length === 0 && <p className="graph-muted">None in the network.</p>}
      {intros.data && intros.data.items.length > 0 && (
        <ul className="graph-intros">
          {intros.data.items.map((i) => (
            <li key={i.id}>
              <span className="graph-muted">{i.date}</span> {i.referrerName} → {i.receiverName}: {i.prospectName}{' '}
              <span className={`graph-status s-${i.status}`}>{i.status.replace(/_/g, ' ')}</span>
            </li>
          ))}
        </ul>
      )}
      {intros.data && intros.data.total > intros.data.items.length && (
        <p className="graph-muted">and {intros.data.total - intros.data.items.length} more</p>
      )}
    </aside>
  )
}
