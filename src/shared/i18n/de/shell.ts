import type { Catalog } from '../types'
import type en from '../en/shell'

/** German messages of the "shell" namespace: the same keys as English (the type checks it). */
const de: Catalog<typeof en> = {
}
export default de
