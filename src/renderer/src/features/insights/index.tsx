import { useState } from 'react'
import type { PeriodPreset } from '../../../../shared/channels/analytics'
import type { MeetingSuggestion, PredictorRow } from '../../../../shared/channels/insights'
import type { ScreenProps } from '../../ui/nav'
import { useApi } from '../../ui/api'
import { Card, Tabs } from '../../ui/bits'
import { MakeIntroductionDialog } from '../followup'
import { pct } from '../reports/format'
import { FACTOR_LABELS } from '../../../../core/insights/predictors'
import { IntroducersView } from './Introducers'
import './insights.css'

export { PathList } from './Introducers'

type Tab = 'introducers' | 'brokers' | 'teams' | 'meet' | 'predict'
const TABS: { id: Tab; label: string }[] = [
  { id: 'introducers', label: 'Who can introduce me' },
  { id: 'brokers', label: 'Brokers & communities' },
  { id: 'teams', label: 'Power teams' },
  { id: 'meet', label: 'Who should meet whom' },
  { id: 'predict', label: 'What predicts a close' },
]

const Loading = ({ q }: { q: { isLoading: boolean; error: { message: string } | null } }) =>
  q.isLoading ? <p className="muted">Working it out…</p> : q.error ? <div className="form-error">{q.error.message}</div> : null

function PersonButton(props: { id: string; name: string; open: (id: string) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => props.open(props.id)}>
      {props.name}
    </button>
  )
}

function BrokersView({ open }: { open: (id: string) => void }) {
  const b = useApi('insights:brokers', { limit: 25 })
  const c = useApi('insights:communities', {})
  const communityOf = new Map<string, { name: string; colour: string }>()
  for (const x of c.data?.communities ?? []) for (const id of x.memberIds) communityOf.set(id, x)
  return (
    <div className="ins-grid">
      <Card title="Brokers">
        <p className="muted ins-def">
          People who connect parts of your network that otherwise meet only through them (or you): betweenness, the share of shortest paths
          between two other people that run through them, with you left out.
          {b.data && !b.data.exact && ` Estimated from ${b.data.sources} sampled people of ${b.data.people}.`}
        </p>
        <Loading q={b} />
        {b.data && (
          <div className="ins-table">
          <table className="data" aria-label="Brokers">
            <thead>
              <tr>
                <th>#</th>
                <th>Person</th>
                <th>Community</th>
                <th className="num">Betweenness</th>
              </tr>
            </thead>
            <tbody>
              {b.data.items.map((x, i) => {
                const com = communityOf.get(x.personId)
                return (
                  <tr key={x.personId}>
                    <td>{i + 1}</td>
                    <td>
                      <PersonButton id={x.personId} name={x.name} open={open} />
                      {x.profession && <div className="muted ins-small">{x.profession}</div>}
                    </td>
                    <td>
                      {com ? (
                        <>
                          <span className="ins-dot" style={{ background: com.colour }} /> {com.name}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="num">{(x.betweenness * 100).toFixed(2)}%</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          </div>
        )}
      </Card>
      <Card title="Communities">
        <p className="muted ins-def">
          Groups that are more tied among themselves than to the rest (Louvain), named after a group most of them share or their main
          profession. The map can colour people by community (Network → Colour by).
        </p>
        <Loading q={c} />
        {c.data && (
          <>
            <ul className="ins-communities" aria-label="Communities">
              {c.data.communities.slice(0, 12).map((x) => (
                <li key={x.rank}>
                  <span className="ins-dot big" style={{ background: x.colour }} />
                  <div>
                    <strong>{x.name}</strong> <span className="muted">· {x.size} people</span>
                    <div className="muted ins-small">
                      {x.professions.map((p) => `${p.profession} (${p.count})`).join(', ') || 'no professions recorded'}
                    </div>
                    <div className="ins-small">
                      Core:{' '}
                      {x.core.map((p, i) => (
                        <span key={p.personId}>
                          {i > 0 && ', '}
                          <PersonButton id={p.personId} name={p.name} open={open} />
                        </span>
                      ))}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <p className="muted ins-small">
              {c.data.communities.length} communities of 3 or more; {c.data.unclustered} people are tied only to you or to one or two others.
              Modularity {c.data.modularity.toFixed(2)}.
            </p>
          </>
        )}
      </Card>
    </div>
  )
}

function TeamsView({ open }: { open: (id: string) => void }) {
  const t = useApi('insights:powerTeams', {})
  const [all, setAll] = useState(false)
  return (
    <div className="ins-grid">
      <Card title="Which professions send work to which">
        <Loading q={t} />
        {t.data && (
          <>
            <div className="ins-table">
            <table className="data" aria-label="Profession flow">
              <thead>
                <tr>
                  <th>From</th>
                  <th>To</th>
                  <th className="num">Introductions</th>
                  <th className="num">Won</th>
                  <th className="num">Conversion</th>
                </tr>
              </thead>
              <tbody>
                {(all ? t.data.flows : t.data.flows.slice(0, 15)).map((f) => (
                  <tr key={`${f.from}→${f.to}`}>
                    <td>{f.from}</td>
                    <td>{f.to}</td>
                    <td className="num">{f.count}</td>
                    <td className="num">{f.won}</td>
                    <td className="num" title={f.decided ? `${f.won} won of ${f.decided} decided` : 'nothing decided yet'}>
                      {f.decided ? pct(f.conversion) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
            {t.data.flows.length > 15 && (
              <button type="button" className="link-button" onClick={() => setAll(!all)}>
                {all ? 'Show fewer' : `Show all ${t.data.flows.length}`}
              </button>
            )}
          </>
        )}
      </Card>
      <div className="stack">
        <Card title="Your contact spheres">
          <p className="muted ins-def">Professions that send each other work, found from your introductions (Louvain on the profession flow).</p>
          {t.data && t.data.spheres.length === 0 && <p className="muted">Not enough introductions between professions yet.</p>}
          <ul className="ins-spheres" aria-label="Contact spheres">
            {t.data?.spheres.map((s) => (
              <li key={s.professions.join('|')}>
                <strong>{s.professions.join(' · ')}</strong>
                <div className="muted ins-small">
                  {s.introductions} introductions among them · {s.partners} of your partners
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Gaps: who is missing around you">
          <p className="muted ins-def">
            Professions whose people brought at least 2 won introductions to others in your network, but none of your partners has.
          </p>
          {t.data && t.data.gaps.length === 0 && <p className="muted">No gaps: every converting profession is among your partners.</p>}
          <ul className="ins-gaps" aria-label="Gaps">
            {t.data?.gaps.map((g) => (
              <li key={g.profession}>
                <strong>{g.profession}</strong>{' '}
                <span className="muted">
                  {g.won} won of {g.decided} decided ({pct(g.conversion)}), to {g.sentTo.slice(0, 3).join(', ') || '—'}
                </span>
                {g.people.length > 0 && (
                  <div className="ins-small">
                    In your network:{' '}
                    {g.people.map((p, i) => (
                      <span key={p.personId}>
                        {i > 0 && ', '}
                        <PersonButton id={p.personId} name={p.name} open={open} />
                      </span>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  )
}

function MeetView({ open }: { open: (id: string) => void }) {
  const m = useApi('insights:suggestMeetings', {})
  const [intro, setIntro] = useState<MeetingSuggestion | null>(null)
  return (
    <Card title="Who should meet whom">
      <p className="muted ins-def">
        Two of your partners, in professions that exchange introductions that close elsewhere in your network, who have not met yet.
      </p>
      <Loading q={m} />
      {m.data && m.data.items.length === 0 && <p className="muted">No suggestions yet: record introductions between partners of different professions.</p>}
      <ul className="ins-meet" aria-label="Suggested introductions">
        {m.data?.items.map((s) => (
          <li key={`${s.aId}+${s.bId}`} className="ins-path">
            <div className="ins-path-head">
              <span>
                <PersonButton id={s.aId} name={s.aName} open={open} /> <span className="muted">({s.aProfession})</span>
                <span className="ins-arrow"> ↔ </span>
                <PersonButton id={s.bId} name={s.bName} open={open} /> <span className="muted">({s.bProfession})</span>
              </span>
              <span className="badge" title="Conversion of introductions between the two professions, weighed toward the network's average">
                {pct(s.score)}
              </span>
            </div>
            <p className="ins-why">{s.reason}</p>
            <div className="ins-path-actions">
              <button type="button" className="btn btn-small btn-primary" onClick={() => setIntro(s)} aria-label={`Introduce ${s.bName} to ${s.aName}`}>
                Make an introduction
              </button>
            </div>
          </li>
        ))}
      </ul>
      {intro && <MakeIntroductionDialog partnerId={intro.aId} prospectId={intro.bId} onClose={() => setIntro(null)} />}
    </Card>
  )
}

const PRESETS: { value: PeriodPreset; label: string }[] = [
  { value: 'all', label: 'All time' },
  { value: 'last12', label: 'Last 12 months' },
  { value: 'year', label: 'This year' },
  { value: 'quarter', label: 'This quarter' },
]

const signed = (x: number) => {
  const r = Math.round(x * 100)
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}`
}

function PredictRow({ r, first, span }: { r: PredictorRow; first: boolean; span: number }) {
  const clear = r.enough && r.differenceLow !== null && r.differenceHigh !== null && (r.differenceLow > 0 || r.differenceHigh < 0)
  return (
    <tr>
      {first && (
        <th rowSpan={span} scope="rowgroup" className="ins-factor">
          {FACTOR_LABELS[r.factor]}
        </th>
      )}
      <td>{r.label}</td>
      <td className="num">{r.decided}</td>
      <td className="num">{r.won}</td>
      {r.enough ? (
        <>
          <td className="num">
            <strong>{pct(r.conversion)}</strong> <span className="muted">({pct(r.low)}–{pct(r.high)})</span>
          </td>
          <td className={`num${clear ? (r.difference! > 0 ? ' ins-up' : ' ins-down') : ''}`}>
            {signed(r.difference!)} pts <span className="muted">({signed(r.differenceLow!)} to {signed(r.differenceHigh!)})</span>
          </td>
        </>
      ) : (
        <td colSpan={2} className="muted">
          not enough data yet
        </td>
      )}
    </tr>
  )
}

function PredictView() {
  const [preset, setPreset] = useState<PeriodPreset>('all')
  const p = useApi('insights:predictors', { period: { preset } })
  const groups: PredictorRow[][] = []
  for (const r of p.data?.rows ?? []) {
    const g = groups.at(-1)
    if (g && g[0]!.factor === r.factor) g.push(r)
    else groups.push([r])
  }
  return (
    <Card
      title="What predicts a close"
      actions={
        <label className="ins-period">
          Period{' '}
          <select value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PRESETS.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <p className="muted ins-def">
        Conversion (won ÷ decided) of the introductions dated in the period, with its 95% band (Wilson), and the difference against all the
        other decided introductions with its 95% band (Newcombe). Below {p.data?.minDecided ?? 10} decided introductions on either side:
        not enough data yet. Coloured differences are clear of zero.
      </p>
      <Loading q={p} />
      {p.data && (
        <>
          <p className="muted ins-small">
            {p.data.period.label}: {p.data.decided} decided, {p.data.won} won ({p.data.decided ? pct(p.data.won / p.data.decided) : '—'}).
          </p>
          <div className="ins-table">
          <table className="data ins-predict" aria-label="Predictors">
            <thead>
              <tr>
                <th>Factor</th>
                <th>Value</th>
                <th className="num">Decided</th>
                <th className="num">Won</th>
                <th className="num">Conversion (95%)</th>
                <th className="num">vs the rest (95%)</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g[0]!.factor}>
                {g.map((r, i) => (
                  <PredictRow key={r.value} r={r} first={i === 0} span={g.length} />
                ))}
              </tbody>
            ))}
          </table>
          </div>
        </>
      )}
    </Card>
  )
}

export function InsightsScreen({ navigate }: ScreenProps) {
  const [tab, setTab] = useState<Tab>('introducers')
  const open = (id: string) => navigate({ route: 'people', personId: id })
  return (
    <div className="ins-screen">
      <div className="page-header">
        <h1>Insights</h1>
      </div>
      <Tabs tabs={TABS} value={tab} onChange={setTab} label="Insights" />
      <div className="ins-body" role="tabpanel">
        {tab === 'introducers' && (
          <Card title="Who can introduce me">
            <IntroducersView onOpenPerson={open} />
          </Card>
        )}
        {tab === 'brokers' && <BrokersView open={open} />}
        {tab === 'teams' && <TeamsView open={open} />}
        {tab === 'meet' && <MeetView open={open} />}
        {tab === 'predict' && <PredictView />}
      </div>
    </div>
  )
}
