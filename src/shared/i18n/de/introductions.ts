import type { Catalog } from '../types'
import type en from '../en/introductions'

/** German messages of the "introductions" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
