import { call } from '../../ui/api'
import { downloadBlob } from '../../ui/download'

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/**
 * Delivers an exported picture: a browser download in the web bridge, or a
 * file written through the contract (`graph:exportFile`) in the desktop app.
 * Returns where it went (the path, or the download name).
 */
export async function saveExport(blob: Blob, name: string): Promise<string> {
  const format = name.toLowerCase().endsWith('.svg') ? 'svg' : 'png'
  if (window.platform?.transport === 'ipc') {
    const data = format === 'svg' ? await blob.text() : toBase64(new Uint8Array(await blob.arrayBuffer()))
    const r = await call('graph:exportFile', { format, data, suggestedName: name })
    return r.path
  }
  downloadBlob(blob, name)
  return name
}
