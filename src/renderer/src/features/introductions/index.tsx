import { useEffect, useRef, useState } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { INTRO_STATUSES, type IntroKind, type IntroOrigin, type IntroStatus } from '../../../../shared/schemas'
import { Button, EmptyState, STATUS_LABELS, Select, TextField, useApi, useDebounced } from '../../ui'
import { IntroDetail } from './IntroDetail'
import { IntroForm, useMe } from './IntroForm'
import { IntroTable } from './IntroTable'
import './introductions.css'

type Sort = 'date' | 'referrer' | 'receiver' | 'prospect' | 'status' | 'value' | 'kind'
const PAGE = 50
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** Introductions: the filtered, SQL-paged list; recording one; one introduction's detail. */
export function IntroductionsScreen({ navigate, target }: ScreenProps) {
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<IntroStatus | ''>('')
  const [kind, setKind] = useState<IntroKind | ''>('')
  const [origin, setOrigin] = useState<IntroOrigin | ''>('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [sort, setSort] = useState<Sort>('date')
  const [dir, setDir] = useState<'asc' | 'desc'>('desc')
  const [offset, setOffset] = useState(0)
  const [openId, setOpenId] = useState<string | undefined>(target?.introductionId)
  const [creating, setCreating] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const me = useMe()
  const q = useDebounced(search.trim(), 200)
  useEffect(() => {
    if (!target) return
    // The sidebar (or a menu) asking for the section itself goes back to the list.
    if (!target.introductionId && !target.action) setOpenId(undefined)
    if (target.introductionId) setOpenId(target.introductionId)
    if (target.action === 'new') setCreating(true)
    if (target.action === 'find') searchRef.current?.focus()
  }, [target])
  useEffect(() => setOffset(0), [q, status, kind, origin, from, to])
  const list = useApi(
    'introductions:list',
    {
      ...(q ? { search: q } : {}),
      ...(status ? { status } : {}),
      ...(kind ? { kind } : {}),
      ...(origin ? { origin } : {}),
      ...(isDate(from) ? { from } : {}),
      ...(isDate(to) ? { to } : {}),
      sort,
      dir,
      offset,
      limit: PAGE,
    },
    { placeholderData: (prev) => prev },
  )
  const filtered = q !== '' || status !== '' || kind !== '' || origin !== '' || from !== '' || to !== ''
  return (
    <div className="intro-screen">
      <div className="page-header">
        <h1>Introductions</h1>
        <Button variant="primary" onClick={() => setCreating(true)} title="Record introduction (Ctrl+Shift+N)">
          Record introduction
        </Button>
      </div>
      <div className="toolbar">
        <TextField ref={searchRef} label="Search" type="search" placeholder="Referrer, receiver or prospect" value={search} onChange={(e) => setSearch(e.target.value)} className="search-field" />
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value as IntroStatus | '')} options={[{ value: '', label: 'Any status' }, ...INTRO_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} />
        <Select
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as IntroKind | '')}
          options={[
            { value: '', label: 'Any kind' },
            { value: 'referral', label: 'Referral' },
            { value: 'introduction', label: 'Introduction' },
            { value: 'lead', label: 'Lead' },
          ]}
        />
        <Select
          label="Origin"
          value={origin}
          onChange={(e) => setOrigin(e.target.value as IntroOrigin | '')}
          options={[
            { value: '', label: 'Any origin' },
            { value: 'inbound', label: 'Inbound' },
            { value: 'outbound', label: 'Outbound' },
          ]}
        />
        <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <IntroTable
        label="Introductions"
        rows={list.data?.items ?? []}
        sort={sort}
        dir={dir}
        onSort={(s, d) => {
          setSort(s)
          setDir(d)
          setOffset(0)
        }}
        onOpen={(r) => (setOpenId(r.id), navigate({ route: 'introductions', introductionId: r.id }))}
        selectedId={openId}
        loading={list.isPending}
        error={list.error?.message}
        paging={{ offset, limit: PAGE, total: list.data?.total ?? 0, onPage: setOffset }}
        empty={
          filtered ? (
            <EmptyState title="No introductions match">Try another search or clear the filters.</EmptyState>
          ) : (
            <EmptyState
              title="No introductions yet"
              actions={
                <Button variant="primary" onClick={() => setCreating(true)}>
                  Record introduction
                </Button>
              }
            >
              Record who introduced whom to whom, and follow it until it is won or lost.
            </EmptyState>
          )
        }
      />
      {creating && (
        <IntroForm
          me={me}
          onClose={() => setCreating(false)}
          onSaved={(i) => {
            setCreating(false)
            setOpenId(i.id)
          }}
        />
      )}
      {openId && !creating && <IntroDetail key={openId} id={openId} me={me} navigate={navigate} onClose={() => (setOpenId(undefined), navigate({ route: 'introductions' }))} />}
    </div>
  )
}
