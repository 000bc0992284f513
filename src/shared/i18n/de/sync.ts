import type { Catalog } from '../types'
import type en from '../en/sync'

/** German messages of the "sync" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
