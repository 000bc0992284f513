import { PrivateNote } from '../sync'
import { useState } from 'react'
import type { NavTarget } from '../../ui/nav'
import { Badge, Button, Card, ConfirmDialog, useApi, useApiMutation, useMessage, useToast, useTranslation, useUndoAction } from '../../ui'
import { IntroTable } from '../introductions/IntroTable'
import { PersonInteractions } from '../followup/PersonInteractions'
import { PartnerScorecard } from '../reports/PartnerScorecard'
import { PersonForm } from './PersonForm'
import { MergeDialog } from './MergeDialog'
import { ArchivePersonDialog } from './ArchivePerson'
import { IntroForm, useMe } from '../introductions/IntroForm'
import { IntroDetail } from '../introductions/IntroDetail'

type IntroSort = 'date' | 'referrer' | 'receiver' | 'prospect' | 'status' | 'value' | 'kind'
const PAGE = 20

function websiteHref(w: string): string {
  return /^https?:\/\//i.test(w) ? w : `https://${w}`
}

/** One person: their fields, their introductions in every role, and their interactions. */
export function PersonDetail({ id, onBack, navigate }: { id: string; onBack: () => void; navigate: (t: NavTarget) => void }) {
  const { t } = useTranslation('people')
  const { t: ti } = useTranslation('introductions')
  const msg = useMessage()
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
  /** An introduction opened from its row's menu straight into Edit or the delete confirmation. */
  const [introAction, setIntroAction] = useState<{ id: string; mode: 'edit' | 'delete' } | null>(null)
  const setMe = useApiMutation('people:setMe')
  const toast = useToast()
  const undo = useUndoAction()

  if (person.isError)
    return (
      <div>
        <Button onClick={onBack}>{t('detail.back')}</Button>
        <p role="alert">{msg(person.error.message)}</p>
      </div>
    )
  if (!p) return <p className="muted">{t('detail.loading')}</p>

  const groupNames = (groups.data ?? []).filter((g) => p.groupIds.includes(g.id)).map((g) => g.name)
  const rows: [string, React.ReactNode][] = [
    [t('detail.company'), p.company],
    [t('detail.profession'), p.profession],
    [t('detail.email'), p.email],
    [t('detail.phone'), p.phone],
    [t('detail.website'), p.website ? <a href={websiteHref(p.website)} target="_blank" rel="noreferrer">{p.website}</a> : null],
    [t('detail.city'), p.city],
    [
      t('detail.tags'),
      p.tags.length ? (
        <span className="chips">
          {p.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ) : null,
    ],
    [t('detail.groups'), groupNames.length ? groupNames.join(', ') : null],
    [t('detail.idealClient'), p.idealClient],
    [t('detail.howMet'), p.howMet],
    [
      t('detail.introducedBy'),
      p.introducedById ? (
        <button className="link-button" onClick={() => navigate({ route: 'people', personId: p.introducedById! })}>
          {introducer.data?.name ?? '…'}
        </button>
      ) : null,
    ],
    [t('detail.keepInTouch'), p.cadenceDays ? t('detail.every', { count: p.cadenceDays }) : null],
    [t('detail.notes'), p.notes],
  ]
  const firstName = p.name.split(' ')[0] ?? p.name

  return (
    <div className="person-detail">
      <div className="page-header">
        <Button small onClick={onBack}>
          {t('detail.back')}
        </Button>
        <h1>
          {p.name} {p.isMe && <Badge tone="accent">{t('detail.you')}</Badge>} {p.archivedAt && <Badge tone="warning">{t('detail.archived')}</Badge>}
        </h1>
        {!p.isMe && !p.archivedAt && <Button onClick={() => setConfirmMe(true)}>{t('detail.setAsMe')}</Button>}
        {!p.isMe && <Button onClick={() => setConfirmArchive(true)}>{p.archivedAt ? t('detail.restore') : t('detail.archive')}</Button>}
        <Button onClick={() => setMerging(true)}>{t('detail.mergeWith')}</Button>
        {!p.isMe && <Button onClick={() => setRecording(true)}>{t('detail.recordFrom', { name: firstName })}</Button>}
        <Button variant="primary" onClick={() => setEditing(true)}>
          {t('detail.edit')}
        </Button>
      </div>
      <div className="person-grid">
        <Card title={t('detail.details')}>
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
          <Card title={t('detail.introductions', { count: intros.data?.total ?? 0 })}>
            <IntroTable
              compact
              rows={intros.data?.items ?? []}
              label={t('detail.introductionsLabel', { name: p.name })}
              sort={sort}
              dir={dir}
              onSort={(s, d) => {
                setSort(s)
                setDir(d)
                setOffset(0)
              }}
              onOpen={(r) => navigate({ route: 'introductions', introductionId: r.id })}
              rowMenu={(r) => [
                { label: ti('menu.open'), onSelect: () => navigate({ route: 'introductions', introductionId: r.id }) },
                { label: ti('menu.edit'), onSelect: () => setIntroAction({ id: r.id, mode: 'edit' }) },
                { label: ti('menu.delete'), danger: true, onSelect: () => setIntroAction({ id: r.id, mode: 'delete' }) },
              ]}
              paging={{ offset, limit: PAGE, total: intros.data?.total ?? 0, onPage: setOffset }}
              loading={intros.isPending}
              error={msg(intros.error?.message)}
              empty={<div className="empty">{t('detail.noIntroductions', { name: p.name })}</div>}
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
      {introAction && (
        <IntroDetail key={`${introAction.id}-${introAction.mode}`} id={introAction.id} start={introAction.mode} me={me} navigate={navigate} onClose={() => setIntroAction(null)} />
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
          title={t('setMe.title', { name: p.name })}
          message={
            <>
              <p>{t('setMe.body1', { name: p.name })}</p>
              <p>{me ? t('setMe.bodyOther', { me: me.name }) : t('setMe.bodyNobody')}</p>
            </>
          }
          confirmLabel={t('setMe.confirm', { name: p.name })}
          busy={setMe.isPending}
          onCancel={() => setConfirmMe(false)}
          onConfirm={() =>
            setMe.mutate(
              { id: p.id },
              {
                onSuccess: () => {
                  toast.success(t('setMe.done', { name: p.name }), undo)
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
      {confirmArchive && <ArchivePersonDialog person={{ id: p.id, name: p.name, archived: !!p.archivedAt }} onDone={() => setConfirmArchive(false)} />}
    </div>
  )
}
