import { useEffect, useMemo, useRef, useState } from 'react'
import type { PersonListItem } from '../../../../shared/types'
import type { ScreenProps } from '../../ui/nav'
import { Badge, Button, Checkbox, DataTable, EmptyState, Select, Tabs, TextField, useApi, useDebounced, useFormat, useMessage, useTranslation, type Column, type MenuItem } from '../../ui'
import { IntroForm, useMe } from '../introductions/IntroForm'
import { ArchivePersonDialog } from './ArchivePerson'
import { GroupsPanel } from './GroupsPanel'
import { PersonDetail } from './PersonDetail'
import { EditPersonById, PersonForm } from './PersonForm'
import './people.css'

type Sort = 'name' | 'company' | 'profession' | 'city' | 'received' | 'given'
const PAGE = 50

function usePeopleColumns(): Column<PersonListItem, Sort>[] {
  const { t } = useTranslation('people')
  const fmt = useFormat()
  return useMemo(
    () => [
      {
        key: 'name',
        header: t('columns.name'),
        sort: 'name',
        cell: (r) => (
          <span className="person-name">
            {r.name} {r.isMe && <Badge tone="accent">{t('list.you')}</Badge>} {r.archived && <Badge tone="warning">{t('list.archived')}</Badge>}
          </span>
        ),
      },
      { key: 'company', header: t('columns.company'), sort: 'company', cell: (r) => r.company },
      { key: 'profession', header: t('columns.profession'), sort: 'profession', cell: (r) => r.profession },
      { key: 'city', header: t('columns.city'), sort: 'city', cell: (r) => r.city },
      {
        key: 'tags',
        header: t('columns.tags'),
        cell: (r) => (
          <span className="chips">
            {r.tags.slice(0, 3).map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
            {r.tags.length > 3 && <span className="faint">{t('list.moreTags', { count: r.tags.length - 3 })}</span>}
          </span>
        ),
      },
      { key: 'received', header: t('columns.received'), sort: 'received', numeric: true, cell: (r) => (r.introsReceivedFrom ? fmt.number(r.introsReceivedFrom) : '') },
      { key: 'given', header: t('columns.given'), sort: 'given', numeric: true, cell: (r) => (r.introsGivenTo ? fmt.number(r.introsGivenTo) : '') },
    ],
    [t, fmt],
  )
}

/** What a row's menu asks the screen to do. */
export type PersonRowAction = { kind: 'edit' | 'record' | 'archive'; row: PersonListItem }

function PeopleList({ onOpen, findSignal, onNew, onAction }: { onOpen: (id: string) => void; findSignal: number; onNew: () => void; onAction: (a: PersonRowAction) => void }) {
  const { t } = useTranslation('people')
  const msg = useMessage()
  const columns = usePeopleColumns()
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
          label={t('list.search')}
          type="search"
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="search-field"
        />
        <Select
          label={t('list.group')}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          options={[{ value: '', label: t('list.allGroups') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <Select
          label={t('list.tag')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          options={[{ value: '', label: t('list.allTags') }, ...(tags.data ?? []).map((x) => ({ value: x.tag, label: t('list.tagOption', { tag: x.tag, count: x.count }) }))]}
        />
        <Checkbox label={t('list.showArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
      </div>
      <DataTable
        label={t('list.table')}
        columns={columns}
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
        rowMenu={(r): MenuItem[] => [
          { label: t('menu.open'), onSelect: () => onOpen(r.id) },
          { label: t('menu.edit'), onSelect: () => onAction({ kind: 'edit', row: r }) },
          ...(r.isMe ? [] : [{ label: t('menu.recordFrom', { name: r.name.split(' ')[0] ?? r.name }), onSelect: () => onAction({ kind: 'record', row: r }) }]),
          ...(r.isMe ? [] : [{ label: r.archived ? t('menu.restore') : t('menu.archive'), danger: !r.archived, onSelect: () => onAction({ kind: 'archive', row: r }) }]),
        ]}
        loading={list.isPending}
        error={msg(list.error?.message)}
        paging={{ offset, limit: PAGE, total: list.data?.total ?? 0, onPage: setOffset }}
        empty={
          filtered ? (
            <EmptyState title={t('list.noMatchTitle')}>{t('list.noMatchBody')}</EmptyState>
          ) : (
            <EmptyState
              title={t('list.emptyTitle')}
              actions={
                <Button variant="primary" onClick={onNew}>
                  {t('list.newPerson')}
                </Button>
              }
            >
              {t('list.emptyBody')}
            </EmptyState>
          )
        }
      />
      <p className="faint list-note">{t('list.note')}</p>
    </>
  )
}

/** People: the searchable list, one person's detail, and the groups they belong to. */
export function PeopleScreen({ navigate, target }: ScreenProps) {
  const { t } = useTranslation('people')
  const me = useMe()
  const [action, setAction] = useState<PersonRowAction | null>(null)
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
            <h1>{t('list.title')}</h1>
            <Button variant="primary" onClick={() => setCreating(true)} title={t('list.newPersonTitle')}>
              {t('list.newPerson')}
            </Button>
          </div>
          <Tabs
            label={t('list.sections')}
            tabs={[
              { id: 'people', label: t('list.tabPeople') },
              { id: 'groups', label: t('list.tabGroups') },
            ]}
            value={tab}
            onChange={setTab}
          />
          {tab === 'people' ? (
            <PeopleList onOpen={(id) => (setOpenId(id), navigate({ route: 'people', personId: id }))} findSignal={findSignal} onNew={() => setCreating(true)} onAction={setAction} />
          ) : (
            <GroupsPanel navigate={navigate} />
          )}
        </>
      )}
      {action?.kind === 'edit' && (
        <EditPersonById
          id={action.row.id}
          onClose={() => setAction(null)}
          onOpenPerson={(id) => {
            setAction(null)
            setOpenId(id)
          }}
        />
      )}
      {action?.kind === 'record' && (
        <IntroForm
          me={me}
          defaults={{ referrer: { id: action.row.id, name: action.row.name } }}
          onClose={() => setAction(null)}
          onSaved={(i) => {
            setAction(null)
            navigate({ route: 'introductions', introductionId: i.id })
          }}
        />
      )}
      {action?.kind === 'archive' && (
        <ArchivePersonDialog person={{ id: action.row.id, name: action.row.name, archived: action.row.archived }} onDone={() => setAction(null)} />
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
