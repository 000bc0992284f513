import { useState, type ReactNode } from 'react'
import { Button } from './Button'
import { TextArea, TextField } from './fields'
import { fieldError, useApiMutation } from './api'
import { useToast } from './Toast'
import { useMessage, useTranslation } from './i18n'

/** First run: start with an empty network (just you) or explore the generated sample. */
/** `extra`: more ways in, shown beside the two options (Join a chapter). */
export function Welcome({ onDone, extra }: { onDone: () => void; extra?: ReactNode }) {
  const [name, setName] = useState('')
  const [profile, setProfile] = useState({ profession: '', company: '', idealClient: '', peopleLikeMe: '' })
  const setP = (k: keyof typeof profile) => (e: { target: { value: string } }) => setProfile({ ...profile, [k]: e.target.value })
  const pErr = (k: string) => msg(fieldError(startEmpty.error, `profile.${k}`))
  const [mode, setMode] = useState<'choose' | 'empty'>('choose')
  const startEmpty = useApiMutation('app:startEmpty')
  const loadSample = useApiMutation('app:loadSample')
  const toast = useToast()
  const busy = startEmpty.isPending || loadSample.isPending
  const { t } = useTranslation('shell')
  const { t: tc } = useTranslation()
  const msg = useMessage()
  return (
    <main className="welcome">
      <div className="welcome-inner">
        <h1>{t('welcome.title')}</h1>
        <p className="muted">{t('welcome.intro')}</p>
        {mode === 'choose' ? (
          <div className="welcome-options">
            <section className="card">
              <h2>{t('welcome.emptyTitle')}</h2>
              <p className="muted">{t('welcome.emptyText')}</p>
              <div>
                <Button variant="primary" disabled={busy} onClick={() => setMode('empty')}>
                  {t('welcome.emptyButton')}
                </Button>
              </div>
            </section>
            <section className="card">
              <h2>{t('welcome.sampleTitle')}</h2>
              <p className="muted">{t('welcome.sampleText')}</p>
              <div>
                <Button
                  variant="primary"
                  busy={loadSample.isPending}
                  disabled={busy}
                  onClick={() =>
                    loadSample.mutate(
                      {},
                      {
                        onSuccess: (r) => {
                          toast.success(t('welcome.sampleLoaded', { people: r.people, introductions: r.introductions }))
                          onDone()
                        },
                        onError: (e) => toast.error(e),
                      },
                    )
                  }
                >
                  {loadSample.isPending ? t('welcome.sampleBuilding') : t('welcome.sampleButton')}
                </Button>
              </div>
            </section>
            {extra}
          </div>
        ) : (
          <form
            className="card"
            style={{ marginTop: 24 }}
            onSubmit={(e) => {
              e.preventDefault()
              // Blank profile fields are simply not sent: they are optional, and Settings asks again.
              const filled = Object.fromEntries(Object.entries(profile).filter(([, v]) => v.trim() !== ''))
              startEmpty.mutate({ meName: name, ...(Object.keys(filled).length ? { profile: filled } : {}) }, { onSuccess: () => onDone() })
            }}
          >
            <h2 style={{ marginBottom: 12 }}>{t('welcome.nameTitle')}</h2>
            <TextField
              label={t('welcome.name')}
              hint={t('welcome.nameHint')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={msg(fieldError(startEmpty.error, 'meName') ?? (startEmpty.error && !startEmpty.error.field ? startEmpty.error.message : undefined))}
              autoFocus
            />
            <fieldset className="welcome-profile">
              <legend>{t('welcome.aboutYou')}</legend>
              <p className="muted">{t('welcome.aboutYouText')}</p>
              <div className="grid-2">
                <TextField label={t('welcome.profession')} value={profile.profession} onChange={setP('profession')} error={pErr('profession')} />
                <TextField label={t('welcome.company')} value={profile.company} onChange={setP('company')} error={pErr('company')} />
                <TextArea label={t('welcome.idealClient')} rows={2} value={profile.idealClient} onChange={setP('idealClient')} error={pErr('idealClient')} />
                <TextArea
                  label={t('welcome.peopleLikeMe')}
                  rows={2}
                  value={profile.peopleLikeMe}
                  onChange={setP('peopleLikeMe')}
                  error={pErr('peopleLikeMe')}
                />
              </div>
            </fieldset>
            <div className="form-actions">
              <Button onClick={() => setMode('choose')}>{tc('back')}</Button>
              <Button type="submit" variant="primary" busy={startEmpty.isPending}>
                {t('welcome.start')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </main>
  )
}
