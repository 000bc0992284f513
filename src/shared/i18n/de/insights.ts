import type { Catalog } from '../types'
import type en from '../en/insights'

/** German messages of the "insights" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
