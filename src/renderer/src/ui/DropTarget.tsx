import { useEffect, useRef, useState } from 'react'
import type { NavTarget } from './nav'
import { Dialog } from './Dialog'
import { Button } from './Button'
import { call } from './api'
import { errorMessage, useToast } from './Toast'
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
        toast.error(`${f.name} was not opened: finish or close the open dialog first, then drop the file again.`)
        return
      }
      const kind = droppedKind(f.name)
      const extra = files.length > 1 ? ` Only ${f.name} was taken: drop one file at a time.` : ''
      if (kind === 'csv' || kind === 'vcard') {
        pendingImport = f
        navigate({ route: 'files' })
        announce('import')
        if (extra) toast.info(extra.trim())
      } else if (kind === 'network') {
        setNetwork(f.name)
      } else {
        toast.error(`${f.name} cannot be imported: drop a CSV file, a vCard (.vcf) or a network file (.referralmap).`)
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
  }, [navigate, toast])

  function toNetworkFiles() {
    setNetwork(null)
    navigate({ route: 'files' })
    announce('network')
  }

  async function openDesktop() {
    setNetwork(null)
    try {
      const r = await call('files:openNetwork', {})
      toast.success(`Opened ${r.name}`)
    } catch (x) {
      toast.error(errorMessage(x))
    }
  }

  return (
    <>
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">Drop a CSV or vCard file to import it, or a .referralmap network file</div>
        </div>
      )}
      {network && (
        <Dialog title="Open this network?" onClose={() => setNetwork(null)}>
          {desktop ? (
            <p>
              <strong>{network}</strong> is a network file. The app cannot open a dropped file directly: press Open network… and pick{' '}
              {network} in the window that opens. To bring its people and introductions into the network you have open instead, use Merge a
              network under Import/Export › Network files.
            </p>
          ) : (
            <p>
              <strong>{network}</strong> is a network file. In the browser a network is opened by name from the app&rsquo;s data folder, not from
              a dropped file: to bring its people and introductions into this network, use Merge a network under Import/Export › Network files
              and pick {network} there.
            </p>
          )}
          <div className="form-actions">
            <Button onClick={() => setNetwork(null)}>Cancel</Button>
            <Button variant={desktop ? 'secondary' : 'primary'} onClick={toNetworkFiles}>
              Go to Network files
            </Button>
            {desktop && (
              <Button variant="primary" onClick={() => void openDesktop()}>
                Open network…
              </Button>
            )}
          </div>
        </Dialog>
      )}
    </>
  )
}
