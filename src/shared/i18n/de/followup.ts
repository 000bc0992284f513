import type { Catalog } from '../types'
import type en from '../en/followup'

/** German messages of the "followup" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
