import { useEffect, useRef, useState } from 'react'
import type { ScreenProps } from '../../ui/nav'
import { INTRO_KINDS, INTRO_ORIGINS, INTRO_STATUSES, type IntroKind, type IntroOrigin, type IntroStatus } from '../../../../shared/schemas'
import type { IntroductionListItem } from '../../../../shared/types'
import { Button, EmptyState, Select, TextField, useApi, useDebounced, useMessage, useTranslation, type MenuItem } from '../../ui'
import { IntroDetail } from './IntroDetail'
import { IntroForm, useMe } from './IntroForm'
import { IntroTable } from './IntroTable'
import './introductions.css'

type Sort = 'date' | 'referrer' | 'receiver' | 'prospect' | 'status' | 'value' | 'kind'
const PAGE = 50
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** Introductions: the filtered, SQL-paged list; recording one; one introduction's detail. */
export function IntroductionsScreen({ navigate, target }: ScreenProps) {
  const { t } = useTranslation(['introductions', 'common'])
  const msg = useMessage()
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
  /** How the open introduction starts: its detail, or (from a row's menu) Edit or the delete confirmation. */
  const [openMode, setOpenMode] = useState<'view' | 'edit' | 'delete'>('view')
  const [creating, setCreating] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const me = useMe()
  const q = useDebounced(search.trim(), 200)
  useEffect(() => {
    if (!target) return
    // The sidebar (or a menu) asking for the section itself goes back to the list.
    if (!target.introductionId && !target.action) setOpenId(undefined)
    if (target.introductionId) {
      setOpenId(target.introductionId)
      setOpenMode('view')
    }
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
  function openRow(r: IntroductionListItem, mode: 'view' | 'edit' | 'delete') {
    setOpenMode(mode)
    setOpenId(r.id)
    if (mode === 'view') navigate({ route: 'introductions', introductionId: r.id })
  }
  const rowMenu = (r: IntroductionListItem): MenuItem[] => [
    { label: t('menu.open'), onSelect: () => openRow(r, 'view') },
    { label: t('menu.edit'), onSelect: () => openRow(r, 'edit') },
    { label: t('menu.delete'), danger: true, onSelect: () => openRow(r, 'delete') },
  ]
  const filtered = q !== '' || status !== '' || kind !== '' || origin !== '' || from !== '' || to !== ''
  return (
    <div className="intro-screen">
      <div className="page-header">
        <h1>{t('screen.title')}</h1>
        <Button variant="primary" onClick={() => setCreating(true)} title={t('screen.recordTitle')}>
          {t('screen.record')}
        </Button>
      </div>
      <div className="toolbar">
        <TextField ref={searchRef} label={t('screen.search')} type="search" placeholder={t('screen.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} className="search-field" />
        <Select label={t('screen.status')} value={status} onChange={(e) => setStatus(e.target.value as IntroStatus | '')} options={[{ value: '', label: t('screen.anyStatus') }, ...INTRO_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))]} />
        <Select
          label={t('screen.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as IntroKind | '')}
          options={[{ value: '', label: t('screen.anyKind') }, ...INTRO_KINDS.map((k) => ({ value: k, label: t(`common:kind.${k}`) }))]}
        />
        <Select
          label={t('screen.origin')}
          value={origin}
          onChange={(e) => setOrigin(e.target.value as IntroOrigin | '')}
          options={[{ value: '', label: t('screen.anyOrigin') }, ...INTRO_ORIGINS.map((o) => ({ value: o, label: t(`common:origin.${o}`) }))]}
        />
        <TextField label={t('screen.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('screen.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <IntroTable
        label={t('screen.table')}
        rows={list.data?.items ?? []}
        sort={sort}
        dir={dir}
        onSort={(s, d) => {
          setSort(s)
          setDir(d)
          setOffset(0)
        }}
        onOpen={(r) => openRow(r, 'view')}
        rowMenu={rowMenu}
        selectedId={openId}
        loading={list.isPending}
        error={msg(list.error?.message)}
        paging={{ offset, limit: PAGE, total: list.data?.total ?? 0, onPage: setOffset }}
        empty={
          filtered ? (
            <EmptyState title={t('screen.noMatchTitle')}>{t('screen.noMatchBody')}</EmptyState>
          ) : (
            <EmptyState
              title={t('screen.emptyTitle')}
              actions={
                <Button variant="primary" onClick={() => setCreating(true)}>
                  {t('screen.record')}
                </Button>
              }
            >
              {t('screen.emptyBody')}
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
            setOpenMode('view')
            setOpenId(i.id)
          }}
        />
      )}
      {openId && !creating && <IntroDetail key={`${openId}-${openMode}`} id={openId} start={openMode} me={me} navigate={navigate} onClose={() => (setOpenId(undefined), navigate({ route: 'introductions' }))} />}
    </div>
  )
}
