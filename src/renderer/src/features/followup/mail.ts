import { buildMailto, isPlainAddress } from '../../../../core/mailto'
import { call } from '../../ui/api'

export interface Draft {
  subject: string
  body: string
}

/** The addresses among `emails` that a mailto: can carry. */
export function usableAddresses(emails: (string | null | undefined)[]): string[] {
  return emails.filter((e): e is string => !!e && isPlainAddress(e))
}

export function mailtoFor(to: string[], d: Draft): string {
  return buildMailto({ to, subject: d.subject, body: d.body })
}

/**
 * Hands the message to the mail app. In Electron the main process opens it
 * (shell:openMailto re-validates the link); in a browser a link click does it.
 */
export async function openInMailApp(url: string): Promise<void> {
  if (window.platform?.transport === 'ipc') {
    await call('shell:openMailto', { url })
    return
  }
  const a = document.createElement('a')
  a.href = url
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export async function copyDraft(d: Draft): Promise<boolean> {
  const text = d.subject ? `${d.subject}\n\n${d.body}` : d.body
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
