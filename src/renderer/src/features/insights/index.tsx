import { useState } from 'react'
import type { PeriodPreset } from '../../../../shared/channels/analytics'
import type { MeetingSuggestion, PredictorRow } from '../../../../shared/channels/insights'
import type { ScreenProps } from '../../ui/nav'
import { useApi } from '../../ui/api'
import { Card, Tabs } from '../../ui/bits'
import { MakeIntroductionDialog } from '../followup'
import { useFormat, useMessage, useTranslation } from '../../ui/i18n'
import { meetingReason } from '../../../../shared/i18n/insightsText'
import { NO_PROFESSION } from '../../../../core/insights/powerTeams'
import { INTRO_KINDS, INTRO_ORIGINS, type IntroKind, type IntroOrigin } from '../../../../shared/schemas'
import { IntroducersView } from './Introducers'
import './insights.css'

export { PathList } from './Introducers'

type Tab = 'introducers' | 'brokers' | 'teams' | 'meet' | 'predict'
const TAB_IDS: readonly Tab[] = ['introducers', 'brokers', 'teams', 'meet', 'predict']

function Loading({ q }: { q: { isLoading: boolean; error: { message: string } | null } }) {
  const { t } = useTranslation(['insights', 'common'])
  const msg = useMessage()
  return q.isLoading ? <p className="muted">{t('working')}</p> : q.error ? <div className="form-error">{msg(q.error.message)}</div> : null
}

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
  const { t } = useTranslation(['insights', 'common'])
  const fmt = useFormat()
  const communityOf = new Map<string, { name: string; colour: string }>()
  for (const x of c.data?.communities ?? []) for (const id of x.memberIds) communityOf.set(id, x)
  return (
    <div className="ins-grid">
      <Card title={t('brokers.title')}>
        <p className="muted ins-def">
          {t('brokers.definition')}
          {b.data && !b.data.exact && ` ${t('brokers.estimated', { sources: fmt.number(b.data.sources), people: fmt.number(b.data.people) })}`}
        </p>
        <Loading q={b} />
        {b.data && (
          <div className="ins-table">
          <table className="data" aria-label={t('brokers.table')}>
            <thead>
              <tr>
                <th>{t('brokers.rank')}</th>
                <th>{t('brokers.person')}</th>
                <th>{t('brokers.community')}</th>
                <th className="num">{t('brokers.betweenness')}</th>
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
                        t('brokers.noCommunity')
                      )}
                    </td>
                    <td className="num">{fmt.percent(x.betweenness, 2)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          </div>
        )}
      </Card>
      <Card title={t('communities.title')}>
        <p className="muted ins-def">{t('communities.definition')}</p>
        <Loading q={c} />
        {c.data && (
          <>
            <ul className="ins-communities" aria-label={t('communities.list')}>
              {c.data.communities.slice(0, 12).map((x) => (
                <li key={x.rank}>
                  <span className="ins-dot big" style={{ background: x.colour }} />
                  <div>
                    <strong>{x.name}</strong> <span className="muted">{t('communities.size', { count: x.size })}</span>
                    <div className="muted ins-small">
                      {x.professions.map((p) => t('communities.profession', { profession: p.profession, count: p.count })).join(', ') || t('communities.noProfessions')}
                    </div>
                    <div className="ins-small">
                      {t('communities.core')}{' '}
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
              {t('communities.summary', {
                count: c.data.communities.length,
                unclustered: fmt.number(c.data.unclustered),
                modularity: fmt.number(c.data.modularity, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
              })}
            </p>
          </>
        )}
      </Card>
    </div>
  )
}

function TeamsView({ open }: { open: (id: string) => void }) {
  const tq = useApi('insights:powerTeams', {})
  const { t } = useTranslation(['insights', 'common'])
  /** A profession as recorded (the user's words), or "No profession" for people without one. */
  const profession = (p: string) => (p === NO_PROFESSION ? t('teams.noProfession') : p)
  const fmt = useFormat()
  const [all, setAll] = useState(false)
  return (
    <div className="ins-grid">
      <Card title={t('teams.flowTitle')}>
        <Loading q={tq} />
        {tq.data && (
          <>
            <div className="ins-table">
            <table className="data" aria-label={t('teams.flowTable')}>
              <thead>
                <tr>
                  <th>{t('teams.from')}</th>
                  <th>{t('teams.to')}</th>
                  <th className="num">{t('teams.introductions')}</th>
                  <th className="num">{t('teams.won')}</th>
                  <th className="num">{t('teams.conversion')}</th>
                </tr>
              </thead>
              <tbody>
                {(all ? tq.data.flows : tq.data.flows.slice(0, 15)).map((f) => (
                  <tr key={`${f.from}→${f.to}`}>
                    <td>{profession(f.from)}</td>
                    <td>{profession(f.to)}</td>
                    <td className="num">{fmt.number(f.count)}</td>
                    <td className="num">{fmt.number(f.won)}</td>
                    <td className="num" title={f.decided ? t('teams.wonOfDecided', { won: f.won, decided: f.decided }) : t('teams.nothingDecided')}>
                      {f.decided ? fmt.percent(f.conversion) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
            {tq.data.flows.length > 15 && (
              <button type="button" className="link-button" onClick={() => setAll(!all)}>
                {all ? t('teams.showFewer') : t('teams.showAll', { count: tq.data.flows.length })}
              </button>
            )}
          </>
        )}
      </Card>
      <div className="stack">
        <Card title={t('teams.spheresTitle')}>
          <p className="muted ins-def">{t('teams.spheresDefinition')}</p>
          {tq.data && tq.data.spheres.length === 0 && <p className="muted">{t('teams.noSpheres')}</p>}
          <ul className="ins-spheres" aria-label={t('teams.spheresList')}>
            {tq.data?.spheres.map((s) => (
              <li key={s.professions.join('|')}>
                <strong>{s.professions.join(' · ')}</strong>
                <div className="muted ins-small">
                  {t('teams.sphereStats', { introductions: s.introductions, partners: s.partners })}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('teams.gapsTitle')}>
          <p className="muted ins-def">{t('teams.gapsDefinition')}</p>
          {tq.data && tq.data.gaps.length === 0 && <p className="muted">{t('teams.noGaps')}</p>}
          <ul className="ins-gaps" aria-label={t('teams.gapsList')}>
            {tq.data?.gaps.map((g) => (
              <li key={g.profession}>
                <strong>{g.profession}</strong>{' '}
                <span className="muted">
                  {t('teams.gapStats', { won: g.won, decided: g.decided, pct: fmt.percent(g.conversion), to: g.sentTo.slice(0, 3).join(', ') || '—' })}
                </span>
                {g.people.length > 0 && (
                  <div className="ins-small">
                    {t('teams.inYourNetwork')}{' '}
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
  const { t } = useTranslation(['insights', 'common'])
  const fmt = useFormat()
  const [intro, setIntro] = useState<MeetingSuggestion | null>(null)
  return (
    <Card title={t('meet.title')}>
      <p className="muted ins-def">{t('meet.definition')}</p>
      <Loading q={m} />
      {m.data && m.data.items.length === 0 && <p className="muted">{t('meet.none')}</p>}
      <ul className="ins-meet" aria-label={t('meet.list')}>
        {m.data?.items.map((s) => (
          <li key={`${s.aId}+${s.bId}`} className="ins-path">
            <div className="ins-path-head">
              <span>
                <PersonButton id={s.aId} name={s.aName} open={open} /> <span className="muted">({s.aProfession})</span>
                <span className="ins-arrow"> ↔ </span>
                <PersonButton id={s.bId} name={s.bName} open={open} /> <span className="muted">({s.bProfession})</span>
              </span>
              <span className="badge" title={t('meet.scoreTitle')}>
                {fmt.percent(s.score)}
              </span>
            </div>
            <p className="ins-why">{meetingReason(s, t, fmt)}</p>
            <div className="ins-path-actions">
              <button type="button" className="btn btn-small btn-primary" onClick={() => setIntro(s)} aria-label={t('meet.makeLabel', { a: s.aName, b: s.bName })}>
                {t('meet.make')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {intro && <MakeIntroductionDialog partnerId={intro.aId} prospectId={intro.bId} onClose={() => setIntro(null)} />}
    </Card>
  )
}

const PRESETS = ['all', 'last12', 'year', 'quarter'] as const satisfies readonly PeriodPreset[]

const signed = (x: number, fmt: ReturnType<typeof useFormat>) => {
  const r = Math.round(x * 100)
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${fmt.number(Math.abs(r))}`
}

/** A predictor value's label ("Yes", "3 of 5", "not recorded") in the user's language. */
function valueLabel(r: PredictorRow, t: ReturnType<typeof useTranslation<['insights', 'common']>>['t']): string {
  if (r.value === 'unknown') return t('predict.values.unknown')
  if (r.factor === 'warmth') return t('predict.values.warmth', { value: r.value })
  if (r.value === 'yes' || r.value === 'no') return t(`predict.values.${r.value}`)
  if (r.factor === 'kind' && (INTRO_KINDS as readonly string[]).includes(r.value)) return t(`common:kind.${r.value as IntroKind}`)
  if (r.factor === 'origin' && (INTRO_ORIGINS as readonly string[]).includes(r.value)) return t(`common:origin.${r.value as IntroOrigin}`)
  return r.label
}

function PredictRow({ r, first, span }: { r: PredictorRow; first: boolean; span: number }) {
  const { t } = useTranslation(['insights', 'common'])
  const fmt = useFormat()
  const pct = (v: number | null) => fmt.percent(v)
  const clear = r.enough && r.differenceLow !== null && r.differenceHigh !== null && (r.differenceLow > 0 || r.differenceHigh < 0)
  return (
    <tr>
      {first && (
        <th rowSpan={span} scope="rowgroup" className="ins-factor">
          {t(`predict.factors.${r.factor}`)}
        </th>
      )}
      <td>{valueLabel(r, t)}</td>
      <td className="num">{fmt.number(r.decided)}</td>
      <td className="num">{fmt.number(r.won)}</td>
      {r.enough ? (
        <>
          <td className="num">
            <strong>{pct(r.conversion)}</strong> <span className="muted">{t('predict.band', { low: pct(r.low), high: pct(r.high) })}</span>
          </td>
          <td className={`num${clear ? (r.difference! > 0 ? ' ins-up' : ' ins-down') : ''}`}>
            {t('predict.points', { diff: signed(r.difference!, fmt) })}{' '}
            <span className="muted">{t('predict.pointsBand', { low: signed(r.differenceLow!, fmt), high: signed(r.differenceHigh!, fmt) })}</span>
          </td>
        </>
      ) : (
        <td colSpan={2} className="muted">
          {t('predict.notEnough')}
        </td>
      )}
    </tr>
  )
}

function PredictView() {
  const [preset, setPreset] = useState<PeriodPreset>('all')
  const p = useApi('insights:predictors', { period: { preset } })
  const { t } = useTranslation(['insights', 'common'])
  const fmt = useFormat()
  const period = p.data?.period
  const periodLabel = !period
    ? ''
    : period.from && period.to
      ? t('predict.range', { from: fmt.day(period.from), to: fmt.day(period.to) })
      : t('predict.allTime')
  const groups: PredictorRow[][] = []
  for (const r of p.data?.rows ?? []) {
    const g = groups.at(-1)
    if (g && g[0]!.factor === r.factor) g.push(r)
    else groups.push([r])
  }
  return (
    <Card
      title={t('predict.title')}
      actions={
        <label className="ins-period">
          {t('predict.period')}{' '}
          <select value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PRESETS.map((x) => (
              <option key={x} value={x}>
                {t(`predict.presets.${x}`)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <p className="muted ins-def">{t('predict.definition', { min: p.data?.minDecided ?? 10 })}</p>
      <Loading q={p} />
      {p.data && (
        <>
          <p className="muted ins-small">
            {t('predict.summary', {
              period: periodLabel,
              decided: fmt.number(p.data.decided),
              won: fmt.number(p.data.won),
              pct: p.data.decided ? fmt.percent(p.data.won / p.data.decided) : '—',
            })}
          </p>
          <div className="ins-table">
          <table className="data ins-predict" aria-label={t('predict.table')}>
            <thead>
              <tr>
                <th>{t('predict.factor')}</th>
                <th>{t('predict.value')}</th>
                <th className="num">{t('predict.decided')}</th>
                <th className="num">{t('predict.won')}</th>
                <th className="num">{t('predict.conversion')}</th>
                <th className="num">{t('predict.vsRest')}</th>
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
  const { t } = useTranslation(['insights', 'common'])
  const [tab, setTab] = useState<Tab>('introducers')
  const tabs = TAB_IDS.map((id) => ({ id, label: t(`tabs.${id}`) }))
  const open = (id: string) => navigate({ route: 'people', personId: id })
  return (
    <div className="ins-screen">
      <div className="page-header">
        <h1>{t('title')}</h1>
      </div>
      <Tabs tabs={tabs} value={tab} onChange={setTab} label={t('tabsLabel')} />
      <div className="ins-body" role="tabpanel">
        {tab === 'introducers' && (
          <Card title={t('tabs.introducers')}>
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
