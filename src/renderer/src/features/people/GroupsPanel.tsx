import { useState } from 'react'
import type { Group } from '../../../../shared/types'
import type { NavTarget } from '../../ui/nav'
import { Button, Card, ConfirmDialog, DataTable, Dialog, EmptyState, PersonPicker, TextField, fieldError, useApi, useApiMutation, useToast, useUndoAction, type PickedPerson } from '../../ui'

function GroupNameDialog({ group, onClose }: { group?: Group; onClose: () => void }) {
  const [name, setName] = useState(group?.name ?? '')
  const [kind, setKind] = useState('')
  const create = useApiMutation('groups:create')
  const rename = useApiMutation('groups:rename')
  const m = group ? rename : create
  const toast = useToast()
  return (
    <Dialog title={group ? `Rename ${group.name}` : 'New group'} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const done = { onSuccess: (g: Group) => (toast.success(group ? `Renamed to ${g.name}.` : `Created ${g.name}.`), onClose()) }
          if (group) rename.mutate({ id: group.id, name }, done)
          else create.mutate({ name, kind }, done)
        }}
      >
        <TextField label="Group name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(m.error, 'name')} />
        {!group && (
          <TextField
            label="Kind"
            hint="e.g. Networking group, Chamber, Alumni"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            error={fieldError(m.error, 'kind')}
          />
        )}
        {m.error && !m.error.field && <p className="field-error">{m.error.message}</p>}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={m.isPending}>
            {group ? 'Rename' : 'Create group'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function Members({ group, navigate }: { group: Group; navigate: (t: NavTarget) => void }) {
  const members = useApi('groups:members', { groupId: group.id })
  const add = useApiMutation('groups:addMember')
  const remove = useApiMutation('groups:removeMember')
  const [pick, setPick] = useState<PickedPerson>(null)
  const toast = useToast()
  return (
    <div className="stack">
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <PersonPicker label="Add a member" value={pick} onChange={setPick} error={fieldError(add.error, 'personId')} />
        </div>
        <Button
          variant="primary"
          disabled={!pick || !('id' in pick)}
          busy={add.isPending}
          style={{ marginTop: 22 }}
          onClick={() =>
            pick &&
            'id' in pick &&
            add.mutate({ groupId: group.id, personId: pick.id }, { onSuccess: () => (toast.success(`Added ${pick.name} to ${group.name}.`), setPick(null)) })
          }
        >
          Add
        </Button>
      </div>
      <DataTable
        label={`Members of ${group.name}`}
        rows={members.data ?? []}
        rowKey={(r) => r.id}
        loading={members.isPending}
        empty={<EmptyState title="No members yet">Add people with the picker above.</EmptyState>}
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (r) => (
              <button className="link-button" onClick={() => navigate({ route: 'people', personId: r.id })}>
                {r.name}
              </button>
            ),
          },
          { key: 'company', header: 'Company', cell: (r) => r.company },
          { key: 'profession', header: 'Profession', cell: (r) => r.profession },
          {
            key: 'remove',
            header: <span className="sr-only">Remove</span>,
            cell: (r) => (
              <Button
                small
                variant="ghost"
                aria-label={`Remove ${r.name} from ${group.name}`}
                onClick={() => remove.mutate({ groupId: group.id, personId: r.id }, { onSuccess: () => toast.success(`Removed ${r.name}.`), onError: (e) => toast.error(e) })}
              >
                Remove
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
            New group
          </Button>
        </div>
        <DataTable
          label="Groups"
          rows={list}
          rowKey={(g) => g.id}
          loading={groups.isPending}
          selectedKey={selected?.id}
          onRowClick={(g) => setSelectedId(g.id)}
          empty={<EmptyState title="No groups yet">Groups are the networking groups, chapters and circles your partners belong to.</EmptyState>}
          columns={[
            { key: 'name', header: 'Group', cell: (g) => g.name },
            { key: 'kind', header: 'Kind', cell: (g) => g.kind },
            { key: 'members', header: 'Members', numeric: true, cell: (g) => g.memberCount },
          ]}
        />
      </div>
      {selected && (
        <Card
          title={selected.name}
          actions={
            <>
              <Button small onClick={() => setDialog('rename')}>
                Rename
              </Button>
              <Button small variant="danger" onClick={() => setDialog('delete')}>
                Delete
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
          title={`Delete ${selected.name}?`}
          message="The group goes away; its members stay in your network."
          confirmLabel="Delete group"
          busy={del.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            del.mutate(
              { id: selected.id },
              {
                onSuccess: () => {
                  toast.success(`Deleted ${selected.name}.`, undo)
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
