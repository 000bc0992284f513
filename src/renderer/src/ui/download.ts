/**
 * The one download helper: hands a file to the browser's download (the web
 * bridge's browser saves it; Electron shows its save dialog). Every export in
 * the renderer that ends as a download goes through it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The click has started the download by now; keep the URL a while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Text as a UTF-8 file of the given type (e.g. text/csv). */
export function downloadText(fileName: string, text: string, mimeType = 'text/plain'): void {
  downloadBlob(new Blob([text], { type: `${mimeType};charset=utf-8` }), fileName)
}
