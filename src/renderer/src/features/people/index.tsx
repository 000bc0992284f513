import { useEffect, useRef, useState } from 'react'
import type { PersonListItem } from '../../../../shared/types'
import type { ScreenProps } from '../../ui/nav'
import { Badge, Button, Checkbox, DataTable, EmptyState, Select, Tabs, TextField, useApi, useDebounced, type Column } from '../../ui'
import { GroupsPanel } from './GroupsPanel'
import { PersonDetail } from './PersonDetail'
import { PersonForm } from './PersonForm'
import './people.css'

type Sort = 'name' | 'company' | 'profession' | 'city' | 'received' | 'given'
const PAGE = 50

const COLUMNS: Column<PersonListItem, Sort>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (r) => (
      <span className="person-name">
        {r.name} {r.isMe && <Badge tone="accent">You</Badge>} {r.archived && <Badge tone="warning">Archived</Badge>}
      </span>
    ),
  },
  { key: 'company', header: 'Company', sort: 'company', cell: (r) => r.company },
  { key: 'profession', header: 'Profession', sort: 'profession', cell: (r) => r.profession },
  { key: 'city', header: 'City', sort: 'city', cell: (r) => r.city },
  {
    key: 'tags',
    header: 'Tags',
    cell: (r) => (
      <span className="chips">
        {r.tags.slice(0, 3).map((t) => (
          <Badge key={t}>{t}</Badge>
        ))}
        {r.tags.length > 3 && <span className="faint">+{r.tags.length - 3}</span>}
      </span>
    ),
  },
  { key: 'received', header: 'Received', sort: 'received', numeric: true, cell: (r) => r.introsReceivedFrom || '' },
  { key: 'given', header: 'Given', sort: 'given', numeric: true, cell: (r) => r.introsGivenTo || '' },
]

function PeopleList({ onOpen, findSignal, onNew }: { onOpen: (id: string) => void; findSignal: number; onNew: () => void }) {
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<Sort>('name')
  const [dir, setDir] = useState<'asc' | 'desc'>('asc')
  const [offset, setOffset] = useState(0)
  const [includeArchived, setIncludeArchived] = useState(false)
  const [groupId, setGroupId] = useState('')
  const [tag, setTag] = useState('')
  const q = useDebounced(search.trim(), 200)
  const searchRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (findSignal > 0) searchRef.current?.focus()
  }, [findSignal])
  useEffect(() => setOffset(0), [q, includeArchived, groupId, tag])
  const groups = useApi('groups:list', {})
  const tags = useApi('people:tags', {})
  const list = useApi(
    'people:list',
    {
      ...(q ? { search: q } : {}),
      sort,
      dir,
      offset,
      limit: PAGE,
      includeArchived,
      ...(groupId ? { groupId } : {}),
      ...(tag ? { tag } : {}),
    },
    { placeholderData: (prev) => prev },
  )
  const filtered = q !== '' || groupId !== '' || tag !== ''
  return (
    <>
      <div className="toolbar">
        <TextField
          ref={searchRef}
          label="Search"
          type="search"
          placeholder="Name, company, profession or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="search-field"
        />
        <Select
          label="Group"
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          options={[{ value: '', label: 'All groups' }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          label="Tag"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          options={[{ value: '', label: 'All tags' }, ...(tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))]}
        />
        <Checkbox label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
      </div>
      <DataTable
        label="People"
        columns={COLUMNS}
        rows={list.data?.items ?? []}
        rowKey={(r) => r.id}
        sort={sort}
        dir={dir}
        onSort={(s, d) => {
          setSort(s)
          setDir(d)
          setOffset(0)
        }}
        onRowClick={(r) => onOpen(r.id)}
        loading={list.isPending}
        error={list.error?.message}
        paging={{ offset, limit: PAGE, total: list.data?.total ?? 0, onPage: setOffset }}
        empty={
          filtered ? (
            <EmptyState title="No one matches">Try another search or clear the filters.</EmptyState>
          ) : (
            <EmptyState
              title="No people yet"
              actions={
                <Button variant="primary" onClick={onNew}>
                  New person
                </Button>
              }
            >
              Add your referral partners, the people they introduce you to, and the people you introduce them to.
            </EmptyState>
          )
        }
      />
      <p className="faint list-note">Received: introductions they made to you. Given: introductions you made to them.</p>
    </>
  )
}

/** People: the searchable list, one person's detail, and the groups they belong to. */
export function PeopleScreen({ navigate, target }: ScreenProps) {
  const [tab, setTab] = useState<'people' | 'groups'>('people')
  const [openId, setOpenId] = useState<string | undefined>(target?.personId)
  const [creating, setCreating] = useState(false)
  const [findSignal, setFindSignal] = useState(0)
  useEffect(() => {
    if (!target) return
    // The sidebar (or a menu) asking for the section itself goes back to the list.
    if (!target.personId && !target.action) setOpenId(undefined)
    if (target.personId) {
      setTab('people')
      setOpenId(target.personId)
    }
    if (target.action === 'new') setCreating(true)
    if (target.action === 'find') {
      setTab('people')
      setOpenId(undefined)
      setFindSignal((n) => n + 1)
    }
  }, [target])

  return (
    <div className="people-screen">
      {openId ? (
        <PersonDetail key={openId} id={openId} onBack={() => (setOpenId(undefined), navigate({ route: 'people' }))} navigate={navigate} />
      ) : (
        <>
          <div className="page-header">
            <h1>People</h1>
            <Button variant="primary" onClick={() => setCreating(true)} title="New person (Ctrl+N)">
              New person
            </Button>
          </div>
          <Tabs
            label="People sections"
            tabs={[
              { id: 'people', label: 'People' },
              { id: 'groups', label: 'Groups' },
            ]}
            value={tab}
            onChange={setTab}
          />
          {tab === 'people' ? (
            <PeopleList onOpen={(id) => (setOpenId(id), navigate({ route: 'people', personId: id }))} findSignal={findSignal} onNew={() => setCreating(true)} />
          ) : (
            <GroupsPanel navigate={navigate} />
          )}
        </>
      )}
      {creating && (
        <PersonForm
          onClose={() => setCreating(false)}
          onOpenPerson={(id) => {
            setCreating(false)
            setTab('people')
            setOpenId(id)
          }}
          onSaved={(p) => {
            setCreating(false)
            setTab('people')
            setOpenId(p.id)
          }}
        />
      )}
    </div>
  )
}
