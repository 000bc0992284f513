import type { Catalog } from '../types'
import type en from '../en/reports'

/** German messages of the "reports" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
