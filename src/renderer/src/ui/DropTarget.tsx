import { useEffect, useRef, useState } from 'react'
import type { NavTarget } from './nav'
import { Dialog } from './Dialog'
import { Button } from './Button'
import { call } from './api'
import { errorMessage, useToast } from './Toast'
import { Trans, useTranslation } from './i18n'
import './drop.css'

/** What a dropped file is, by its name. */
export type DroppedKind = 'csv' | 'vcard' | 'network' | null

export function droppedKind(name: string): DroppedKind {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? ''
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv'
  if (ext === 'vcf' || ext === 'vcard') return 'vcard'
  if (ext === 'referralmap') return 'network'
  return null
}

/** Event sent on window when a dropped file waits for a screen of Import/Export; detail says which tab. */
export const DROPPED_FILE_EVENT = 'referral-map:dropped-file'
export type DroppedTab = 'import' | 'network'

let pendingImport: File | null = null

/** The CSV or vCard file dropped on the window that the import panel has not picked up yet (taking it clears it). */
export function takeDroppedImport(): File | null {
  const f = pendingImport
  pendingImport = null
  return f
}

export function hasDroppedImport(): boolean {
  return pendingImport !== null
}

let pendingTab: DroppedTab | null = null

/** The Import/Export tab a drop asked for, when the screen was not open yet to hear the event (cleared once used). */
export function droppedTab(clear = false): DroppedTab | null {
  const t = pendingTab
  if (clear) pendingTab = null
  return t
}

function announce(tab: DroppedTab) {
  pendingTab = tab
  window.dispatchEvent(new CustomEvent<DroppedTab>(DROPPED_FILE_EVENT, { detail: tab }))
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/**
 * Files dropped anywhere on the window: a CSV or vCard opens the import preview with that file,
 * a .referralmap file asks what to do with it. Dragover and drop are always prevented at window level,
 * so the browser (or Electron) never navigates away to a dropped file.
 */
export function DropTarget({ navigate }: { navigate: (to: NavTarget) => void }) {
  const { t } = useTranslation('files')
  const toast = useToast()
  const [over, setOver] = useState(false)
  const [network, setNetwork] = useState<string | null>(null)
  const depth = useRef(0)
  const desktop = typeof window !== 'undefined' && window.platform?.transport === 'ipc'

  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      e.preventDefault()
      if (!hasFiles(e)) return
      depth.current += 1
      setOver(true)
    }
    const onLeave = () => {
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    }
    const onOver = (e: DragEvent) => {
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = hasFiles(e) ? 'copy' : 'none'
    }
    const onDrop = (e: DragEvent) => {
      e.preventDefault()
      depth.current = 0
      setOver(false)
      const files = Array.from(e.dataTransfer?.files ?? [])
      if (files.length === 0) return
      const f = files[0]!
      // Going to Import/Export would close a half-filled form without asking: refuse instead.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) {
        toast.error(t('drop.dialogOpen', { name: f.name }))
        return
      }
      const kind = droppedKind(f.name)
      const extra = files.length > 1 ? t('drop.onlyOne', { name: f.name }) : ''
      if (kind === 'csv' || kind === 'vcard') {
        pendingImport = f
        navigate({ route: 'files' })
        announce('import')
        if (extra) toast.info(extra)
      } else if (kind === 'network') {
        setNetwork(f.name)
      } else {
        toast.error(t('drop.unsupported', { name: f.name }))
      }
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [navigate, toast, t])

  function toNetworkFiles() {
    setNetwork(null)
    navigate({ route: 'files' })
    announce('network')
  }

  async function openDesktop() {
    setNetwork(null)
    try {
      const r = await call('files:openNetwork', {})
      toast.success(t('drop.opened', { name: r.name }))
    } catch (x) {
      toast.error(errorMessage(x))
    }
  }

  return (
    <>
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">{t('drop.overlay')}</div>
        </div>
      )}
      {network && (
        <Dialog title={t('drop.openTitle')} onClose={() => setNetwork(null)}>
          <p>
            <Trans t={t} i18nKey={desktop ? 'drop.desktopText' : 'drop.webText'} values={{ name: network }} components={{ b: <strong /> }} />
          </p>
          <div className="form-actions">
            <Button onClick={() => setNetwork(null)}>{t('drop.cancel')}</Button>
            <Button variant={desktop ? 'secondary' : 'primary'} onClick={toNetworkFiles}>
              {t('drop.toNetworkFiles')}
            </Button>
            {desktop && (
              <Button variant="primary" onClick={() => void openDesktop()}>
                {t('drop.openNetwork')}
              </Button>
            )}
          </div>
        </Dialog>
      )}
    </>
  )
}
