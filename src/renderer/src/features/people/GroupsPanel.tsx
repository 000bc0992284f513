import { useState } from 'react'
import type { Group } from '../../../../shared/types'
import type { NavTarget } from '../../ui/nav'
import { Button, Card, ConfirmDialog, DataTable, Dialog, EmptyState, PersonPicker, TextField, fieldError, useApi, useApiMutation, useFormat, useMessage, useToast, useTranslation, useUndoAction, type PickedPerson } from '../../ui'

function GroupNameDialog({ group, onClose }: { group?: Group; onClose: () => void }) {
  const { t } = useTranslation('people')
  const msg = useMessage()
  const [name, setName] = useState(group?.name ?? '')
  const [kind, setKind] = useState('')
  const create = useApiMutation('groups:create')
  const rename = useApiMutation('groups:rename')
  const m = group ? rename : create
  const toast = useToast()
  return (
    <Dialog title={group ? t('groups.renameTitle', { name: group.name }) : t('groups.newGroup')} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const done = { onSuccess: (g: Group) => (toast.success(group ? t('groups.renamed', { name: g.name }) : t('groups.created', { name: g.name })), onClose()) }
          if (group) rename.mutate({ id: group.id, name }, done)
          else create.mutate({ name, kind }, done)
        }}
      >
        <TextField label={t('groups.name')} value={name} onChange={(e) => setName(e.target.value)} error={msg(fieldError(m.error, 'name'))} />
        {!group && (
          <TextField
            label={t('groups.kind')}
            hint={t('groups.kindHint')}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            error={msg(fieldError(m.error, 'kind'))}
          />
        )}
        {m.error && !m.error.field && <p className="field-error">{msg(m.error.message)}</p>}
        <div className="form-actions">
          <Button onClick={onClose}>{t('groups.cancel')}</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {group ? t('groups.rename') : t('groups.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function Members({ group, navigate }: { group: Group; navigate: (t: NavTarget) => void }) {
  const { t } = useTranslation('people')
  const msg = useMessage()
  const members = useApi('groups:members', { groupId: group.id })
  const add = useApiMutation('groups:addMember')
  const remove = useApiMutation('groups:removeMember')
  const [pick, setPick] = useState<PickedPerson>(null)
  const toast = useToast()
  return (
    <div className="stack">
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <PersonPicker label={t('groups.addMember')} value={pick} onChange={setPick} error={msg(fieldError(add.error, 'personId'))} />
        </div>
        <Button
          variant="primary"
          disabled={!pick || !('id' in pick)}
          busy={add.isPending}
          style={{ marginTop: 22 }}
          onClick={() =>
            pick &&
            'id' in pick &&
            add.mutate({ groupId: group.id, personId: pick.id }, { onSuccess: () => (toast.success(t('groups.added', { name: pick.name, group: group.name })), setPick(null)) })
          }
        >
          {t('groups.add')}
        </Button>
      </div>
      <DataTable
        label={t('groups.members', { group: group.name })}
        rows={members.data ?? []}
        rowKey={(r) => r.id}
        loading={members.isPending}
        empty={<EmptyState title={t('groups.noMembersTitle')}>{t('groups.noMembersBody')}</EmptyState>}
        columns={[
          {
            key: 'name',
            header: t('groups.colName'),
            cell: (r) => (
              <button className="link-button" onClick={() => navigate({ route: 'people', personId: r.id })}>
                {r.name}
              </button>
            ),
          },
          { key: 'company', header: t('groups.colCompany'), cell: (r) => r.company },
          { key: 'profession', header: t('groups.colProfession'), cell: (r) => r.profession },
          {
            key: 'remove',
            header: <span className="sr-only">{t('groups.colRemove')}</span>,
            cell: (r) => (
              <Button
                small
                variant="ghost"
                aria-label={t('groups.removeLabel', { name: r.name, group: group.name })}
                onClick={() => remove.mutate({ groupId: group.id, personId: r.id }, { onSuccess: () => toast.success(t('groups.removed', { name: r.name })), onError: (e) => toast.error(e) })}
              >
                {t('groups.remove')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  )
}

/** Networking groups: create, rename, delete, and manage members. */
export function GroupsPanel({ navigate }: { navigate: (t: NavTarget) => void }) {
  const { t } = useTranslation('people')
  const fmt = useFormat()
  const groups = useApi('groups:list', {})
  const [selectedId, setSelectedId] = useState<string>()
  const [dialog, setDialog] = useState<'new' | 'rename' | 'delete' | null>(null)
  const del = useApiMutation('groups:delete')
  const toast = useToast()
  const undo = useUndoAction()
  const list = groups.data ?? []
  const selected = list.find((g) => g.id === selectedId) ?? list[0]
  return (
    <div className="split groups-split">
      <div className="stack">
        <div className="row">
          <Button variant="primary" onClick={() => setDialog('new')}>
            {t('groups.newGroup')}
          </Button>
        </div>
        <DataTable
          label={t('groups.table')}
          rows={list}
          rowKey={(g) => g.id}
          loading={groups.isPending}
          selectedKey={selected?.id}
          onRowClick={(g) => setSelectedId(g.id)}
          empty={<EmptyState title={t('groups.emptyTitle')}>{t('groups.emptyBody')}</EmptyState>}
          columns={[
            { key: 'name', header: t('groups.colGroup'), cell: (g) => g.name },
            { key: 'kind', header: t('groups.colKind'), cell: (g) => g.kind },
            { key: 'members', header: t('groups.colMembers'), numeric: true, cell: (g) => fmt.number(g.memberCount) },
          ]}
        />
      </div>
      {selected && (
        <Card
          title={selected.name}
          actions={
            <>
              <Button small onClick={() => setDialog('rename')}>
                {t('groups.rename')}
              </Button>
              <Button small variant="danger" onClick={() => setDialog('delete')}>
                {t('groups.delete')}
              </Button>
            </>
          }
        >
          <Members key={selected.id} group={selected} navigate={navigate} />
        </Card>
      )}
      {dialog === 'new' && <GroupNameDialog onClose={() => setDialog(null)} />}
      {dialog === 'rename' && selected && <GroupNameDialog group={selected} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && selected && (
        <ConfirmDialog
          title={t('groups.deleteTitle', { name: selected.name })}
          message={t('groups.deleteBody')}
          confirmLabel={t('groups.deleteConfirm')}
          busy={del.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            del.mutate(
              { id: selected.id },
              {
                onSuccess: () => {
                  toast.success(t('groups.deleted', { name: selected.name }), undo)
                  setSelectedId(undefined)
                  setDialog(null)
                },
                onError: (e) => toast.error(e),
              },
            )
          }
        />
      )}
    </div>
  )
}
