import type { Catalog } from '../types'
import type en from '../en/settings'

/** German messages of the "settings" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
