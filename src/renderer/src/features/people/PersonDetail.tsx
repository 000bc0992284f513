import { PrivateNote } from '../sync'
import { useState } from 'react'
import type { NavTarget } from '../../ui/nav'
import { Badge, Button, Card, ConfirmDialog, useApi, useApiMutation, useToast, useUndoAction } from '../../ui'
import { IntroTable } from '../introductions/IntroTable'
import { PersonInteractions } from '../followup/PersonInteractions'
import { PartnerScorecard } from '../reports/PartnerScorecard'
import { PersonForm } from './PersonForm'
import { MergeDialog } from './MergeDialog'
import { IntroForm, useMe } from '../introductions/IntroForm'

type IntroSort = 'date' | 'referrer' | 'receiver' | 'prospect' | 'status' | 'value' | 'kind'
const PAGE = 20

function websiteHref(w: string): string {
  return /^https?:\/\//i.test(w) ? w : `https://${w}`
}

/** One person: their fields, their introductions in every role, and their interactions. */
export function PersonDetail({ id, onBack, navigate }: { id: string; onBack: () => void; navigate: (t: NavTarget) => void }) {
  const person = useApi('people:get', { id })
  const p = person.data
  const introducer = useApi('people:get', { id: p?.introducedById ?? '' }, { enabled: !!p?.introducedById })
  const groups = useApi('groups:list', {})
  const [sort, setSort] = useState<IntroSort>('date')
  const [dir, setDir] = useState<'asc' | 'desc'>('desc')
  const [offset, setOffset] = useState(0)
  const intros = useApi('introductions:list', { personId: id, sort, dir, offset, limit: PAGE })
  const [editing, setEditing] = useState(false)
  const [recording, setRecording] = useState(false)
  const me = useMe()
  const [confirmArchive, setConfirmArchive] = useState(false)
  const [confirmMe, setConfirmMe] = useState(false)
  const [merging, setMerging] = useState(false)
  const archive = useApiMutation('people:archive')
  const setMe = useApiMutation('people:setMe')
  const toast = useToast()
  const undo = useUndoAction()

  if (person.isError)
    return (
      <div>
        <Button onClick={onBack}>← People</Button>
        <p role="alert">{person.error.message}</p>
      </div>
    )
  if (!p) return <p className="muted">Loading…</p>

  const groupNames = (groups.data ?? []).filter((g) => p.groupIds.includes(g.id)).map((g) => g.name)
  const rows: [string, React.ReactNode][] = [
    ['Company', p.company],
    ['Profession', p.profession],
    ['Email', p.email],
    ['Phone', p.phone],
    ['Website', p.website ? <a href={websiteHref(p.website)} target="_blank" rel="noreferrer">{p.website}</a> : null],
    ['City', p.city],
    [
      'Tags',
      p.tags.length ? (
        <span className="chips">
          {p.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
        </span>
      ) : null,
    ],
    ['Groups', groupNames.length ? groupNames.join(', ') : null],
    ['Good referral for them', p.idealClient],
    ['How you met', p.howMet],
    [
      'Introduced by',
      p.introducedById ? (
        <button className="link-button" onClick={() => navigate({ route: 'people', personId: p.introducedById! })}>
          {introducer.data?.name ?? '…'}
        </button>
      ) : null,
    ],
    ['Keep in touch', p.cadenceDays ? `every ${p.cadenceDays} days` : null],
    ['Notes', p.notes],
  ]

  return (
    <div className="person-detail">
      <div className="page-header">
        <Button small onClick={onBack}>
          ← People
        </Button>
        <h1>
          {p.name} {p.isMe && <Badge tone="accent">You</Badge>} {p.archivedAt && <Badge tone="warning">Archived</Badge>}
        </h1>
        {!p.isMe && !p.archivedAt && (
          <Button onClick={() => setConfirmMe(true)}>Set as me</Button>
        )}
        {!p.isMe && <Button onClick={() => setConfirmArchive(true)}>{p.archivedAt ? 'Restore' : 'Archive'}</Button>}
        <Button onClick={() => setMerging(true)}>Merge with…</Button>
        {!p.isMe && <Button onClick={() => setRecording(true)}>Record introduction from {p.name.split(' ')[0]}</Button>}
        <Button variant="primary" onClick={() => setEditing(true)}>
          Edit
        </Button>
      </div>
      <div className="person-grid">
        <Card title="Details">
          <dl className="props">
            {rows
              .filter(([, v]) => v !== null && v !== '')
              .map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
        </Card>
        <div className="stack">
          <PrivateNote table="people" id={p.id} />
          <Card title={`Introductions (${intros.data?.total ?? 0})`}>
            <IntroTable
              compact
              rows={intros.data?.items ?? []}
              label={`Introductions involving ${p.name}`}
              sort={sort}
              dir={dir}
              onSort={(s, d) => {
                setSort(s)
                setDir(d)
                setOffset(0)
              }}
              onOpen={(r) => navigate({ route: 'introductions', introductionId: r.id })}
              paging={{ offset, limit: PAGE, total: intros.data?.total ?? 0, onPage: setOffset }}
              loading={intros.isPending}
              error={intros.error?.message}
              empty={<div className="empty">No introductions with {p.name} yet.</div>}
            />
          </Card>
          {!p.isMe && <PartnerScorecard personId={p.id} />}
          <PersonInteractions personId={p.id} />
        </div>
      </div>
      {editing && (
        <PersonForm
          person={p}
          {...(introducer.data ? { introducedByName: introducer.data.name } : {})}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
          onOpenPerson={(other) => {
            setEditing(false)
            navigate({ route: 'people', personId: other })
          }}
        />
      )}
      {merging && (
        <MergeDialog
          person={p}
          onClose={() => setMerging(false)}
          onMerged={(kept) => {
            setMerging(false)
            if (kept !== p.id) navigate({ route: 'people', personId: kept })
          }}
        />
      )}
      {recording && (
        <IntroForm
          me={me}
          defaults={{ referrer: { id: p.id, name: p.name } }}
          onClose={() => setRecording(false)}
          onSaved={(i) => {
            setRecording(false)
            navigate({ route: 'introductions', introductionId: i.id })
          }}
        />
      )}
      {confirmMe && (
        <ConfirmDialog
          title={`Make ${p.name} "you"?`}
          message={
            <>
              <p>
                This changes whose network it is. Every figure is recomputed from {p.name}&rsquo;s point of view: the
                introductions {p.name} gave and received become yours, and partners, scorecards, reports, the map and
                the Today lists all change.
              </p>
              <p>
                {me ? `${me.name} stops being "you" and becomes an ordinary person in the network.` : 'Nobody is "you" at the moment.'}{' '}
                No records are deleted, and Undo switches back.
              </p>
            </>
          }
          confirmLabel={`Make ${p.name} "you"`}
          busy={setMe.isPending}
          onCancel={() => setConfirmMe(false)}
          onConfirm={() =>
            setMe.mutate(
              { id: p.id },
              {
                onSuccess: () => {
                  toast.success(`${p.name} is now "you".`, undo)
                  setConfirmMe(false)
                },
                onError: (e) => {
                  toast.error(e)
                  setConfirmMe(false)
                },
              },
            )
          }
        />
      )}
      {confirmArchive && (
        <ConfirmDialog
          title={p.archivedAt ? `Restore ${p.name}?` : `Archive ${p.name}?`}
          message={
            p.archivedAt
              ? 'They will appear in lists and pickers again.'
              : 'They will be hidden from lists and pickers. Their introductions and history are kept, and you can restore them later.'
          }
          confirmLabel={p.archivedAt ? 'Restore' : 'Archive'}
          danger={!p.archivedAt}
          busy={archive.isPending}
          onCancel={() => setConfirmArchive(false)}
          onConfirm={() =>
            archive.mutate(
              { id: p.id, archived: !p.archivedAt },
              {
                onSuccess: (r) => {
                  toast.success(r.archivedAt ? `Archived ${r.name}.` : `Restored ${r.name}.`, undo)
                  setConfirmArchive(false)
                },
                onError: (e) => {
                  toast.error(e)
                  setConfirmArchive(false)
                },
              },
            )
          }
        />
      )}
    </div>
  )
}
