import type { Catalog } from '../types'
import type en from '../en/files'

/** German messages of the "files" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
