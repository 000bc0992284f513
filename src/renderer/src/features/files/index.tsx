import { useEffect, useState } from 'react'
import { DROPPED_FILE_EVENT, droppedTab, type DroppedTab } from '../../ui/DropTarget'
import type { ScreenProps } from '../../ui/nav'
import { Tabs, useTranslation } from '../../ui'
import { ImportPanel } from './ImportPanel'
import { ExportPanel } from './ExportPanel'
import { BackupsPanel } from './BackupsPanel'
import { NetworkPanel } from './NetworkPanel'
import './files.css'

type Tab = 'import' | 'export' | 'backups' | 'network'
const TAB_IDS = ['import', 'export', 'backups', 'network'] as const

export function FilesScreen(_props: ScreenProps) {
  const { t } = useTranslation('files')
  const tabs = TAB_IDS.map((id) => ({ id, label: t(`tabs.${id}`) }))
  // A file dropped on the window brings its tab forward (ui/DropTarget), also when it opened this screen.
  const [tab, setTab] = useState<Tab>(() => droppedTab() ?? 'import')
  useEffect(() => {
    droppedTab(true)
    const onDropped = (e: Event) => {
      droppedTab(true)
      setTab((e as CustomEvent<DroppedTab>).detail)
    }
    window.addEventListener(DROPPED_FILE_EVENT, onDropped)
    return () => window.removeEventListener(DROPPED_FILE_EVENT, onDropped)
  }, [])
  return (
    <div className="files-screen">
      <div className="page-header">
        <h1>{t('title')}</h1>
      </div>
      <Tabs tabs={tabs} value={tab} onChange={setTab} label={t('tabsLabel')} />
      {tab === 'import' && <ImportPanel />}
      {tab === 'export' && <ExportPanel />}
      {tab === 'backups' && <BackupsPanel />}
      {tab === 'network' && <NetworkPanel />}
    </div>
  )
}
