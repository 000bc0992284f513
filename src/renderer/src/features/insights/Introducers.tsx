import { useState } from 'react'
import type { IntroducerPath, IntroducersResult } from '../../../../shared/channels/insights'
import { fieldError, useApi, useApiMutation, type ApiError } from '../../ui/api'
import { PersonPicker, type PickedPerson } from '../../ui/PersonPicker'
import { Dialog } from '../../ui/Dialog'
import { MessageEditor } from '../followup/Composer'
import { usableAddresses, type Draft } from '../followup/mail'
import { i18n, useFormat, useMessage, useTranslation } from '../../ui/i18n'
import type { TFunction } from 'i18next'
import { pathWhy } from '../../../../shared/i18n/insightsText'

type Mode = 'person' | 'company' | 'profession'

/**
 * The ask to the first person on the path, drafted as an email the user can edit, send and record, in the
 * language of `t` (the app's current language when not given).
 */
export function askDraft(p: IntroducerPath, targetLabel: string, t: TFunction<'insights'> = i18n.getFixedT(null, 'insights')): Draft {
  const first = p.names[1] ?? ''
  const firstName = first.split(' ')[0] ?? first
  const via = p.names.slice(2, -1)
  const target = p.names.at(-1) ?? targetLabel
  const chain = via.length ? t('ask.chain', { via: via.join(t('ask.then')), target }) : ''
  const vars = { firstName, target, label: targetLabel, chain }
  return {
    subject: t('ask.subject', { target: targetLabel }),
    body: targetLabel !== target ? t('ask.bodyVia', vars) : t('ask.body', vars),
  }
}

function AskDialog(props: { path: IntroducerPath; targetLabel: string; onClose: () => void }) {
  const { t } = useTranslation('insights')
  const fmt = useFormat()
  const msg = useMessage()
  const ask = useApiMutation('followup:ask')
  const person = useApi('people:get', { id: props.path.askId })
  const info = useApi('app:info', {})
  const [draft, setDraft] = useState<Draft>(() => askDraft(props.path, props.targetLabel, t))
  const to = usableAddresses([person.data?.email])
  const today = info.data?.today ?? new Date().toISOString().slice(0, 10)
  return (
    <Dialog title={t('ask.title', { name: props.path.names[1] ?? '' })} onClose={props.onClose} wide>
      <p className="muted ins-why">{pathWhy(props.path, t, fmt)}</p>
      <MessageEditor to={to} missingTo={to.length ? [] : [props.path.names[1] ?? '']} draft={draft} onChange={setDraft} />
      {ask.error && <div className="form-error">{msg(ask.error.message)}</div>}
      {ask.isSuccess && (
        <p role="status" className="muted">
          {t('ask.recorded', { name: props.path.names[1] ?? '', date: fmt.day(today) })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          {t('ask.close')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={ask.isPending || ask.isSuccess}
          onClick={() => ask.mutate({ personId: props.path.askId, date: today, method: 'email', notes: t('ask.note', { target: props.targetLabel }) })}
        >
          {t('ask.record')}
        </button>
      </div>
    </Dialog>
  )
}

/** The ranked paths, each with its sentence and "Draft the ask". */
export function PathList(props: { result: IntroducersResult; targetLabel: string; compact?: boolean; onOpenPerson?: (id: string) => void }) {
  const { t } = useTranslation('insights')
  const fmt = useFormat()
  const [asking, setAsking] = useState<IntroducerPath | null>(null)
  const { paths } = props.result
  if (paths.length === 0) return <p className="muted">{t('introducers.noPath')}</p>
  return (
    <>
      <ol className={`ins-paths${props.compact ? ' compact' : ''}`} aria-label={t('introducers.paths')}>
        {paths.map((p) => (
          <li key={p.askId} className="ins-path">
            <div className="ins-path-head">
              <span className="ins-chain">
                {p.names.map((n, i) => (
                  <span key={p.path[i]}>
                    {i > 0 && <span className="ins-arrow" aria-hidden="true"> → </span>}
                    {i === 0 || !props.onOpenPerson ? (
                      <span className={i === 1 ? 'ins-ask' : undefined}>{n}</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => props.onOpenPerson!(p.path[i]!)}>
                        {n}
                      </button>
                    )}
                  </span>
                ))}
              </span>
              <span className="badge" title={t('introducers.scoreTitle')}>
                {fmt.percent(p.score)}
              </span>
            </div>
            {!props.compact && <p className="ins-why">{pathWhy(p, t, fmt)}</p>}
            <div className="ins-path-actions">
              {p.path.length > 2 ? (
                <button type="button" className="btn btn-small btn-primary" onClick={() => setAsking(p)} aria-label={t('introducers.draftLabel', { name: p.names[1] ?? '' })}>
                  {t('introducers.draft')}
                </button>
              ) : (
                <span className="muted">{t('introducers.direct')}</span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {asking && <AskDialog path={asking} targetLabel={props.targetLabel} onClose={() => setAsking(null)} />}
    </>
  )
}

const errorText = (e: ApiError | null) => (e ? e.message : null)

/** "Who can introduce me": pick a person, or type a company or a profession. */
export function IntroducersView(props: { onOpenPerson: (id: string) => void }) {
  const { t } = useTranslation('insights')
  const msg = useMessage()
  const [mode, setMode] = useState<Mode>('person')
  const [picked, setPicked] = useState<PickedPerson>(null)
  const [text, setText] = useState('')
  const [query, setQuery] = useState<string | null>(null)
  const input =
    mode === 'person'
      ? picked && 'id' in picked
        ? { targetId: picked.id }
        : null
      : query
        ? mode === 'company'
          ? { company: query }
          : { profession: query }
        : null
  const r = useApi('insights:introducers', input ?? { targetId: '' }, { enabled: input !== null })
  const targetLabel = mode === 'person' ? (picked && 'id' in picked ? picked.name : '') : (query ?? '')
  return (
    <div className="stack">
      <div className="ins-ask-form" role="group" aria-label={t('introducers.group')}>
        <div className="ins-modes" role="radiogroup" aria-label={t('introducers.searchBy')}>
          {(['person', 'company', 'profession'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="ins-mode"
                checked={mode === m}
                onChange={() => {
                  setMode(m)
                  setQuery(null)
                }}
              />
              {t(`introducers.modes.${m}`)}
            </label>
          ))}
        </div>
        {mode === 'person' ? (
          <PersonPicker label={t('introducers.whoToMeet')} value={picked} onChange={setPicked} />
        ) : (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault()
              setQuery(text.trim() || null)
            }}
          >
            <div className="field">
              <label htmlFor="ins-query">{mode === 'company' ? t('introducers.company') : t('introducers.profession')}</label>
              <input id="ins-query" value={text} onChange={(e) => setText(e.target.value)} placeholder={mode === 'company' ? t('introducers.companyPlaceholder') : t('introducers.professionPlaceholder')} />
              {fieldError(r.error, mode) && <div className="field-error">{msg(fieldError(r.error, mode))}</div>}
            </div>
            <button type="submit" className="btn btn-primary">
              {t('introducers.find')}
            </button>
          </form>
        )}
      </div>
      {r.isFetching && input && <p className="muted">{t('introducers.finding')}</p>}
      {r.error && !fieldError(r.error, mode) && <div className="form-error">{msg(errorText(r.error))}</div>}
      {r.data && input && (
        <>
          <p className="muted">
            {r.data.targetCount === 1
              ? t('introducers.bestWays', { name: r.data.targets[0]?.name ?? '' })
              : t(r.data.targetCount > 5 ? 'introducers.matchesMore' : 'introducers.matches', {
                  count: r.data.targetCount,
                  names: r.data.targets.slice(0, 5).map((x) => x.name).join(', '),
                })}{' '}
            {t('introducers.scoreExplained')}
          </p>
          <PathList result={r.data} targetLabel={targetLabel} onOpenPerson={props.onOpenPerson} />
        </>
      )}
    </div>
  )
}
