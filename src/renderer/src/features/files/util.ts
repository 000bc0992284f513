/** Reads a picked file as base64 (what the files channels take). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onerror = () => reject(r.error ?? new Error('Could not read the file.'))
    r.onload = () => {
      const url = String(r.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    r.readAsDataURL(file)
  })
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

export const FIELD_LABELS: Record<string, string> = {
  name: 'Name', firstName: 'First name', lastName: 'Last name', company: 'Company', profession: 'Profession', email: 'Email', phone: 'Phone',
  website: 'Website', city: 'City', tags: 'Tags', notes: 'Notes', howMet: 'How met', idealClient: 'Ideal client', date: 'Date',
  referrer: 'Referrer (name or email)', receiver: 'Receiver (name or email)', prospect: 'Prospect', prospectEmail: 'Prospect email',
  prospectCompany: 'Prospect company', kind: 'Kind', origin: 'Origin', status: 'Status', statusDate: 'Status date', value: 'Value',
  currency: 'Currency', warmth: 'Warmth',
}

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252',
  macintosh: 'Mac Roman',
}

export const DELIMITER_LABELS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }
