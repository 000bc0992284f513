import { useState, type ReactNode } from 'react'
import { Button } from './Button'
import { TextArea, TextField } from './fields'
import { fieldError, useApiMutation } from './api'
import { useToast } from './Toast'

/** First run: start with an empty network (just you) or explore the generated sample. */
/** `extra`: more ways in, shown beside the two options (Join a chapter). */
export function Welcome({ onDone, extra }: { onDone: () => void; extra?: ReactNode }) {
  const [name, setName] = useState('')
  const [profile, setProfile] = useState({ profession: '', company: '', idealClient: '', peopleLikeMe: '' })
  const setP = (k: keyof typeof profile) => (e: { target: { value: string } }) => setProfile({ ...profile, [k]: e.target.value })
  const pErr = (k: string) => fieldError(startEmpty.error, `profile.${k}`)
  const [mode, setMode] = useState<'choose' | 'empty'>('choose')
  const startEmpty = useApiMutation('app:startEmpty')
  const loadSample = useApiMutation('app:loadSample')
  const toast = useToast()
  const busy = startEmpty.isPending || loadSample.isPending
  return (
    <main className="welcome">
      <div className="welcome-inner">
        <h1>Welcome to Referral Map</h1>
        <p className="muted">
          Keep track of who sends you business, which introductions turn into clients, and who you owe a thank-you or an
          introduction. Everything stays in one file on this computer.
        </p>
        {mode === 'choose' ? (
          <div className="welcome-options">
            <section className="card">
              <h2>Start empty</h2>
              <p className="muted">Begin with just you, then add your referral partners and the introductions they make.</p>
              <div>
                <Button variant="primary" disabled={busy} onClick={() => setMode('empty')}>
                  Start empty
                </Button>
              </div>
            </section>
            <section className="card">
              <h2>Explore a sample network</h2>
              <p className="muted">
                A made-up network of about 300 people and two years of introductions, to see what the app shows. You can
                start your own network later in a new data folder.
              </p>
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
                          toast.success(`Sample loaded: ${r.people} people, ${r.introductions} introductions.`)
                          onDone()
                        },
                        onError: (e) => toast.error(e),
                      },
                    )
                  }
                >
                  {loadSample.isPending ? 'Building the sample network…' : 'Explore a sample network'}
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
            <h2 style={{ marginBottom: 12 }}>What is your name?</h2>
            <TextField
              label="Your name"
              hint="You are the owner of this network: introductions you receive are recorded with you as the receiver."
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fieldError(startEmpty.error, 'meName') ?? (startEmpty.error && !startEmpty.error.field ? startEmpty.error.message : undefined)}
              autoFocus
            />
            <fieldset className="welcome-profile">
              <legend>About you (optional)</legend>
              <p className="muted">
                Your messages asking for introductions and introducing people use these. Leave them empty to skip; you can fill them in
                later under Settings.
              </p>
              <div className="grid-2">
                <TextField label="What you do (your profession)" value={profile.profession} onChange={setP('profession')} error={pErr('profession')} />
                <TextField label="Your company" value={profile.company} onChange={setP('company')} error={pErr('company')} />
                <TextArea label="Your ideal client" rows={2} value={profile.idealClient} onChange={setP('idealClient')} error={pErr('idealClient')} />
                <TextArea
                  label="People like you (who a good introduction for you is)"
                  rows={2}
                  value={profile.peopleLikeMe}
                  onChange={setP('peopleLikeMe')}
                  error={pErr('peopleLikeMe')}
                />
              </div>
            </fieldset>
            <div className="form-actions">
              <Button onClick={() => setMode('choose')}>Back</Button>
              <Button type="submit" variant="primary" busy={startEmpty.isPending}>
                Start
              </Button>
            </div>
          </form>
        )}
      </div>
    </main>
  )
}
